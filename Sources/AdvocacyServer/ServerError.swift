import AdvocacyCore
import Foundation
import HTTPTypes

/// What the server refuses before (or instead of) a use case: sign-in,
/// forgery, limits and malformed requests. Each message names the value at
/// fault and says what to do; each has the HTTP status it is answered with.
public enum ServerError: Error, Equatable, Sendable {
    /// No identity on a request that needs one.
    case notSignedIn
    /// The proxy's identity header arrived from a peer that is not a trusted proxy.
    case untrustedIdentityHeader(header: String, peer: String)
    /// The identity header's value is not an email address.
    case invalidIdentity(header: String, value: String)
    /// A bearer token that cannot be trusted, and why.
    case invalidToken(reason: String)
    /// Bearer tokens arrive but the server has no OIDC settings.
    case tokensNotAccepted
    /// A signed-in email no one is registered with.
    case unknownMember(EmailAddress)
    /// A signed-in email of a deactivated employee.
    case inactiveMember(EmailAddress)
    /// A form without its anti-forgery token, or with another's.
    case forgedForm
    /// A state-changing request from another site.
    case foreignOrigin(String)
    /// A state-changing API call whose body is not JSON.
    case jsonRequired(contentType: String)
    /// An import whose body does not say the file's own type.
    case fileTypeRequired(contentType: String)
    /// Too many writes in the last minute.
    case tooManyWrites(limit: Int, retryAfter: Int)
    /// A body larger than allowed.
    case tooLarge(limit: Int)
    /// A form or query field missing or malformed.
    case invalidField(name: String, value: String, expected: String)
    /// A JSON body that does not decode.
    case invalidJSON(String)
    /// No page or resource at this address.
    case notFound(String)
    /// A form sent from a page showing version `seen` of something now at `current`: someone changed it meanwhile.
    case changedMeanwhile(what: String, seen: Int, current: Int)
    /// The development sign-in is off.
    case devSignInOff
    /// The database does not answer (readiness).
    case notReady
}

extension ServerError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .notSignedIn:
            "you are not signed in: open the programme through the company's sign-in portal, or send an OIDC bearer token"
        case .untrustedIdentityHeader(let header, let peer):
            "the \(header) header is accepted only from the sign-in proxy, and \(peer) is not one: "
                + "go through the company's portal (an admin lists proxies with --trusted-proxy)"
        case .invalidIdentity(let header, let value):
            "the \(header) header holds '\(value)': expected the email of the signed-in person"
        case .invalidToken(let reason):
            "the bearer token is refused: \(reason); ask the identity provider for a new token"
        case .tokensNotAccepted:
            "bearer tokens are not accepted here: this server has no [oidc] settings; ask its administrator"
        case .unknownMember(let email):
            "\(email) is not registered in the advocacy programme: ask a programme admin to add you"
        case .inactiveMember(let email):
            "\(email) is deactivated in the advocacy programme: ask a programme admin to reactivate you"
        case .forgedForm:
            "this form was not issued to you by this server (its anti-forgery token is missing or wrong): reload the page and submit again"
        case .foreignOrigin(let origin):
            "a change sent from '\(origin)' is refused: changes are accepted only from this server's own pages"
        case .jsonRequired(let contentType):
            "the body is '\(contentType)': expected application/json"
        case .fileTypeRequired(let contentType):
            "the body is '\(contentType)': expected the file's own type, such as text/csv, application/zip or application/json "
                + "(a form's types and text/plain are refused: another site's page could send them)"
        case .tooManyWrites(let limit, let retryAfter):
            "more than \(limit) changes in a minute: wait \(retryAfter) s and try again"
        case .tooLarge(let limit):
            "the request is larger than \(ByteCountText.megabytes(limit)): send a smaller file"
        case .invalidField(let name, let value, let expected):
            value.isEmpty ? "\(name) is missing: expected \(expected)" : "\(name) is '\(value)': expected \(expected)"
        case .invalidJSON(let detail): "the body is not the JSON expected: \(detail)"
        case .notFound(let path): "nothing at \(path): see /api/v1/openapi.json for the API, / for the pages"
        case .changedMeanwhile(let what, let seen, let current):
            "\(what) changed while you were editing it (you started from version \(seen), version \(current) is in force now): "
                + "nothing was changed; your text is below, compare it with the version in force and submit it again"
        case .devSignInOff: "the development sign-in is off: start the server with --dev-sign-in (loopback only)"
        case .notReady: "the programme's database does not answer yet: try again in a moment"
        }
    }
}

extension ServerError: ProgrammeFailure {}

extension ServerError {
    /// The status this refusal is answered with.
    var status: HTTPResponse.Status {
        switch self {
        case .notSignedIn, .untrustedIdentityHeader, .invalidIdentity, .invalidToken, .tokensNotAccepted: .unauthorized
        case .unknownMember, .inactiveMember, .forgedForm, .foreignOrigin: .forbidden
        case .jsonRequired, .fileTypeRequired: .unsupportedMediaType
        case .tooManyWrites: .tooManyRequests
        case .tooLarge: .contentTooLarge
        case .invalidField, .invalidJSON: .badRequest
        case .changedMeanwhile: .conflict
        case .notFound, .devSignInOff: .notFound
        case .notReady: .serviceUnavailable
        }
    }
}

/// Sizes as people read them in messages.
enum ByteCountText {
    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }
}
