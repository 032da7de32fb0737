import AdvocacyCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Finds who is signed in (for ``FrontMiddleware``), the server storing no password:
///
/// 1. a bearer token (OIDC, for API clients and scripts), checked by ``TokenVerifier``;
/// 2. else the identity header the company's authenticating proxy sets,
///    believed only from the configured proxy addresses: from any other peer
///    the request is refused (401) and the attempt logged;
/// 3. else, when the server was started with `--dev-sign-in`, the demo person
///    picked on the development page.
///
/// The email must then be an active employee's (403 otherwise, with whom to
/// ask). Requests without any identity go on unsigned: the routes that need
/// someone refuse them, and the health checks do not.
struct SignIn: Sendable {
    let configuration: ServerConfiguration
    let tokens: TokenVerifier?
    let access: ProgrammeAccess
    let identityField: HTTPField.Name

    init(configuration: ServerConfiguration, tokens: TokenVerifier?, access: ProgrammeAccess) throws {
        self.configuration = configuration
        self.tokens = tokens
        self.access = access
        guard let field = HTTPField.Name(configuration.identityHeader) else {
            throw ServerError.invalidField(
                name: "identity-header", value: configuration.identityHeader,
                expected: "an HTTP header name such as X-Forwarded-Email")
        }
        identityField = field
    }

    /// The context with the signed-in person, if any.
    func signedIn(_ request: Request, context: ServerContext) async throws -> ServerContext {
        var context = context
        if let (email, method) = try await identity(of: request, context: context) {
            guard let member = try await access.run({ try $0.member(signedInAs: email) }) else {
                throw ServerError.unknownMember(email)
            }
            guard member.isActive else { throw ServerError.inactiveMember(email) }
            context.member = member
            context.signedInVia = method
        }
        return context
    }

    private func identity(of request: Request, context: ServerContext) async throws -> (EmailAddress, SignInMethod)? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw ServerError.invalidToken(reason: "the Authorization header is not 'Bearer <token>'")
            }
            guard let tokens else { throw ServerError.tokensNotAccepted }
            return (try await tokens.email(fromToken: String(parts[1])), .bearerToken)
        }
        if let value = request.headers[identityField] {
            let peer = context.peerAddress
            guard configuration.trustedProxies.contains(where: { $0.contains(peer) }) else {
                context.logger.warning(
                    "identity header from an untrusted peer refused",
                    metadata: ["peer": "\(peer)", "header": "\(configuration.identityHeader)"])
                throw ServerError.untrustedIdentityHeader(header: configuration.identityHeader, peer: peer)
            }
            do {
                return (try EmailAddress(value.trimmingCharacters(in: .whitespaces)), .proxyHeader)
            } catch {
                throw ServerError.invalidIdentity(header: configuration.identityHeader, value: value)
            }
        }
        if configuration.devSignIn, let picked = request.cookies[DevSignIn.cookieName]?.value,
            let email = try? EmailAddress(picked)
        {
            return (email, .development)
        }
        return nil
    }
}
