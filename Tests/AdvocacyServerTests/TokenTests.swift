import AdvocacyCore
import AdvocacyFixtures
import AdvocacyServer
import AdvocacyTestSupport
import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import JWTKit
import Testing
import _CryptoExtras

/// OIDC bearer tokens: RS256 and ES256 JWTs checked against the identity
/// provider's key set, each way of forging or misusing one refused.
@Suite("Bearer tokens")
struct TokenTests {
    static let issuer = "https://sso.corp.example/realms/corp"
    static let audience = "advocacy"

    /// An identity provider of the test's own: an RSA and an EC key, published as a JWKS file.
    struct Provider {
        let rsa: JWTKit.Insecure.RSA.PrivateKey
        let ec: ES256PrivateKey
        let signer = JWTKeyCollection()
        let jwksPath: String
        let folder: TemporaryFolder

        init(folder: TemporaryFolder) async throws {
            self.folder = folder
            rsa = try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
            ec = ES256PrivateKey()
            await signer.add(rsa: rsa, digestAlgorithm: .sha256, kid: "rsa-1")
            await signer.add(ecdsa: ec, kid: "ec-1")
            let (modulus, exponent) = try rsa.publicKey.getKeyPrimitives()
            let point = try #require(ec.parameters)
            let jwks = """
                {"keys": [
                  {"kty": "RSA", "kid": "rsa-1", "alg": "RS256", "use": "sig", "n": "\(Self.base64URL(modulus))", "e": "\(Self.base64URL(exponent))"},
                  {"kty": "EC", "kid": "ec-1", "alg": "ES256", "use": "sig", "crv": "P-256", "x": "\(point.x)", "y": "\(point.y)"}
                ]}
                """
            jwksPath = folder.path("jwks.json")
            try jwks.write(toFile: jwksPath, atomically: true, encoding: .utf8)
        }

        static func base64URL(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }

        func token(
            kid: String = "rsa-1", email: String = "jane@corp.fr", issuer: String = TokenTests.issuer,
            audience: String = TokenTests.audience, expires: Date = ProgrammeFixture.now.addingTimeInterval(600),
            notBefore: Date? = nil
        ) async throws -> String {
            let claims = Claims(
                iss: IssuerClaim(value: issuer), aud: AudienceClaim(value: [audience]), exp: ExpirationClaim(value: expires),
                nbf: notBefore.map { NotBeforeClaim(value: $0) }, email: email)
            return try await signer.sign(claims, kid: JWKIdentifier(string: kid))
        }
    }

    struct Claims: JWTPayload {
        var iss: IssuerClaim
        var aud: AudienceClaim
        var exp: ExpirationClaim
        var nbf: NotBeforeClaim?
        var email: String
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// A token put together by hand: any header, any signature.
    static func handMade(header: String, claims: String, signature: (Data) -> Data) -> String {
        let head = Provider.base64URL(Data(header.utf8)) + "." + Provider.base64URL(Data(claims.utf8))
        return head + "." + Provider.base64URL(signature(Data(head.utf8)))
    }

    static let validClaims =
        #"{"iss":"\#(issuer)","aud":"\#(audience)","exp":\#(Int(ProgrammeFixture.now.timeIntervalSince1970) + 600),"email":"jane@corp.fr"}"#

    func harness() async throws -> (ServerHarness, Provider) {
        let provider = try await Provider(folder: try TemporaryFolder())
        let harness = try ServerHarness {
            $0.tokens = ServerConfiguration.TokenSettings(
                issuer: Self.issuer, audience: Self.audience, keys: .file(provider.jwksPath))
        }
        return (harness, provider)
    }

    func me(_ client: any TestClientProtocol, token: String) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer " + token])
    }

    @Test("An RS256 and an ES256 token of the provider sign the person in")
    func valid() async throws {
        let (harness, provider) = try await harness()
        let rsa = try await provider.token(kid: "rsa-1")
        let ec = try await provider.token(kid: "ec-1", email: "cio@corp.fr")
        try await harness.serve { client in
            let first = try await me(client, token: rsa)
            #expect(first.status == .ok)
            #expect(first.text.contains("jane@corp.fr"))
            let second = try await me(client, token: ec)
            #expect(second.status == .ok)
            #expect((try second.json() as? [String: Any])?["role"] as? String == "cio")
        }
    }

    @Test("alg none is refused")
    func algNone() async throws {
        let (harness, provider) = try await harness()
        defer { withExtendedLifetime(provider) {} }
        let token = Self.handMade(header: #"{"alg":"none","typ":"JWT","kid":"rsa-1"}"#, claims: Self.validClaims) { _ in Data() }
        try await harness.serve { client in
            let answer = try await me(client, token: token)
            #expect(answer.status == .unauthorized)
            #expect(answer.errorMessage.contains("the bearer token is refused"))
        }
    }

    @Test("An HS256 token 'signed' with the provider's public key is refused")
    func keyConfusion() async throws {
        let (harness, provider) = try await harness()
        let publicPEM = provider.rsa.publicKey.pemRepresentation
        let token = Self.handMade(header: #"{"alg":"HS256","typ":"JWT","kid":"rsa-1"}"#, claims: Self.validClaims) { input in
            Data(HMAC<SHA256>.authenticationCode(for: input, using: SymmetricKey(data: Data(publicPEM.utf8))))
        }
        try await harness.serve { client in
            let answer = try await me(client, token: token)
            #expect(answer.status == .unauthorized)
            #expect(answer.errorMessage.contains("the bearer token is refused"))
        }
    }

    @Test("An expired token is refused, saying when it expired")
    func expired() async throws {
        let (harness, provider) = try await harness()
        let token = try await provider.token(expires: ProgrammeFixture.now.addingTimeInterval(-5))
        try await harness.serve { client in
            let answer = try await me(client, token: token)
            #expect(answer.status == .unauthorized)
            #expect(answer.errorMessage.contains("it expired at"))
        }
    }

    @Test("A token not yet valid is refused")
    func notYetValid() async throws {
        let (harness, provider) = try await harness()
        let token = try await provider.token(notBefore: ProgrammeFixture.now.addingTimeInterval(3600))
        try await harness.serve { client in
            let answer = try await me(client, token: token)
            #expect(answer.status == .unauthorized)
            #expect(answer.errorMessage.contains("it is not valid before"))
        }
    }

    @Test("A token for another audience, or from another issuer, is refused")
    func wrongAudienceOrIssuer() async throws {
        let (harness, provider) = try await harness()
        let otherAudience = try await provider.token(audience: "payroll")
        let otherIssuer = try await provider.token(issuer: "https://evil.example")
        try await harness.serve { client in
            let audience = try await me(client, token: otherAudience)
            #expect(audience.status == .unauthorized)
            #expect(audience.errorMessage.contains("it is meant for 'payroll', not for advocacy"))
            let issuer = try await me(client, token: otherIssuer)
            #expect(issuer.status == .unauthorized)
            #expect(issuer.errorMessage.contains("issued by 'https://evil.example'"))
        }
    }

    @Test("A token signed by another key under the provider's key id is refused")
    func wronglySigned() async throws {
        let (harness, provider) = try await harness()
        defer { withExtendedLifetime(provider) {} }
        let impostor = JWTKeyCollection()
        await impostor.add(ecdsa: ES256PrivateKey(), kid: "ec-1")
        let claims = Claims(
            iss: IssuerClaim(value: Self.issuer), aud: AudienceClaim(value: [Self.audience]),
            exp: ExpirationClaim(value: ProgrammeFixture.now.addingTimeInterval(600)), nbf: nil, email: "admin@corp.fr")
        let token = try await impostor.sign(claims, kid: "ec-1")
        try await harness.serve { client in
            let answer = try await me(client, token: token)
            #expect(answer.status == .unauthorized)
            #expect(answer.errorMessage.contains("signature does not verify"))
        }
    }

    @Test("A valid token of an unregistered person gets 403; a bearer token without [oidc] settings 401")
    func unregisteredAndUnconfigured() async throws {
        let (harness, provider) = try await harness()
        let stranger = try await provider.token(email: "stranger@corp.fr")
        try await harness.serve { client in
            let answer = try await me(client, token: stranger)
            #expect(answer.status == .forbidden)
            #expect(answer.errorMessage.contains("ask a programme admin"))
        }
        let plain = try ServerHarness()
        let token = try await provider.token()
        try await plain.serve { client in
            let answer = try await me(client, token: token)
            #expect(answer.status == .unauthorized)
            #expect(answer.errorMessage.contains("no [oidc] settings"))
        }
    }
}
