import AdvocacyCore
import Hummingbird
import NIOCore

/// What the server knows about a request as it goes through: the peer it
/// came from, who is signed in, and the language to answer in.
public struct ServerContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The signed-in person, set by ``SignInMiddleware``.
    var member: Member?
    /// How they signed in: the proxy's header, a bearer token, or the development page.
    var signedInVia: SignInMethod?
    var language: PageLanguage = .en

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The signed-in person, or ``ServerError/notSignedIn``.
    func requireMember() throws -> Member {
        guard let member else { throw ServerError.notSignedIn }
        return member
    }

    /// The peer's address as text, for messages and the proxy check.
    var peerAddress: String { remoteAddress?.ipAddress ?? "an unknown peer" }
}

/// How a person proved who they are.
enum SignInMethod: String, Sendable {
    case proxyHeader = "proxy"
    case bearerToken = "token"
    case development = "dev"
}
