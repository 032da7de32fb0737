import AdvocacyCore
import AdvocacyKit
import Foundation
import JWTKit
import Logging

/// Checks OIDC bearer tokens (RS256 and ES256 JWTs) against the identity
/// provider's published keys, with jwt-kit: the signature by a key of the
/// set and only with that key's own algorithm (so `alg: none`, or HS256
/// "signed" with a public key, never verifies), then the issuer, the
/// audience, the expiry and the not-before time.
///
/// Keys given by address are fetched at start, again every 15 minutes, and
/// at once (at most every 30 s) when a token names a key not yet known, so
/// that the provider can rotate its keys.
public actor TokenVerifier {
    let settings: ServerConfiguration.TokenSettings
    private var keys = JWTKeyCollection()
    private var loadedAt: Date?
    private let now: @Sendable () -> Date
    private let logger: Logger

    public init(settings: ServerConfiguration.TokenSettings, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        self.settings = settings
        self.now = now
        self.logger = logger
    }

    /// Loads the key set, failing with a message naming where it was looked for.
    public func loadKeys() async throws {
        let json: String
        switch settings.keys {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ServerError.invalidField(name: "jwks-file", value: path, expected: "a readable JSON Web Key Set file")
            }
            json = text
        case .url(let address):
            let host = URL(string: address)?.host ?? ""
            // The identity provider is usually on the company network: its host is allowed, no other internal one.
            switch FeedFetcher().fetch(address, timeout: 10, policy: FetchPolicy(allowedInternalHosts: [host])) {
            case .success(let data): json = String(decoding: data, as: UTF8.self)
            case .failure(let failure):
                throw ServerError.invalidField(
                    name: "jwks-url", value: address, expected: "a reachable key set (\(failure.reason))")
            }
        }
        let fresh = JWTKeyCollection()
        do {
            try await fresh.add(jwksJSON: json)
        } catch {
            throw ServerError.invalidField(
                name: "the key set", value: "\(settings.keys)", expected: "a JSON Web Key Set of RSA or EC public keys")
        }
        keys = fresh
        loadedAt = now()
    }

    /// The email a valid token was issued for.
    public func email(fromToken token: String) async throws -> EmailAddress {
        if isStale(after: 15 * 60) { try? await loadKeys() }
        do {
            return try await verified(token).email(claim: settings.emailClaim)
        } catch let error as JWTError where error.errorType == .unknownKID && isStale(after: 30) {
            // Perhaps the provider rotated its keys: read them again, at most every 30 s, and try once more.
            try? await loadKeys()
            return try await verified(token).email(claim: settings.emailClaim)
        }
    }

    /// Whether keys fetched from an address are older than `seconds`.
    private func isStale(after seconds: TimeInterval) -> Bool {
        guard case .url = settings.keys, let loadedAt else { return false }
        return now().timeIntervalSince(loadedAt) > seconds
    }

    /// The token's claims once every check holds; ``ServerError/invalidToken(reason:)`` otherwise,
    /// except an unknown key id, left as jwt-kit's error so the caller may fetch the keys again.
    private func verified(_ token: String) async throws -> TokenClaims {
        let claims: TokenClaims
        do {
            claims = try await keys.verify(token, as: TokenClaims.self)
        } catch let error as JWTError where error.errorType == .unknownKID && isStale(after: 30) {
            throw error
        } catch {
            throw ServerError.invalidToken(reason: Self.reason(error))
        }
        let moment = now()
        guard let expiry = claims.exp else { throw ServerError.invalidToken(reason: "it has no expiry (exp)") }
        if expiry.value <= moment { throw ServerError.invalidToken(reason: "it expired at \(Self.iso(expiry.value))") }
        if let notBefore = claims.nbf, notBefore.value > moment.addingTimeInterval(60) {
            throw ServerError.invalidToken(reason: "it is not valid before \(Self.iso(notBefore.value))")
        }
        guard claims.iss?.value == settings.issuer else {
            throw ServerError.invalidToken(
                reason: "it was issued by '\(claims.iss?.value ?? "no one")', not by \(settings.issuer)")
        }
        guard claims.aud?.value.contains(settings.audience) == true else {
            let named = claims.aud?.value.joined(separator: ", ") ?? "no audience"
            throw ServerError.invalidToken(reason: "it is meant for '\(named)', not for \(settings.audience)")
        }
        return claims
    }

    private static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// jwt-kit's failures in a sentence, without its internals.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? JWTError else { return "it is not a well-formed JWT" }
        switch error.errorType {
        case .signatureVerificationFailed: return "its signature does not verify with the identity provider's keys"
        case .missingKIDHeader, .unknownKID: return "it is not signed by a key of the identity provider"
        case .malformedToken: return "it is not a well-formed JWT"
        case .claimVerificationFailure: return "a claim does not hold"
        default: return "it is not signed with an algorithm of the identity provider's keys (RS256 or ES256)"
        }
    }
}

/// The claims read from a bearer token; the checks are made by
/// ``TokenVerifier`` against its settings.
struct TokenClaims: JWTPayload {
    var iss: IssuerClaim?
    var aud: AudienceClaim?
    var exp: ExpirationClaim?
    var nbf: NotBeforeClaim?
    var sub: SubjectClaim?
    var email: String?
    var preferredUsername: String?
    var upn: String?

    enum CodingKeys: String, CodingKey {
        case iss, aud, exp, nbf, sub, email, upn
        case preferredUsername = "preferred_username"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// The email in `claim`: `email` by default, or `preferred_username` or `upn` for providers that put it there.
    func email(claim: String) throws -> EmailAddress {
        let value =
            switch claim {
            case "preferred_username": preferredUsername
            case "upn": upn
            case "sub": sub?.value
            default: email
            }
        guard let value else { throw ServerError.invalidToken(reason: "it has no \(claim) claim naming the person") }
        do { return try EmailAddress(value) } catch {
            throw ServerError.invalidToken(reason: "its \(claim) claim '\(value)' is not an email address")
        }
    }
}
