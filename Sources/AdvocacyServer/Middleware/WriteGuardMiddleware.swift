import Foundation
import HTTPTypes
import Hummingbird

/// Guards every state-changing request (POST, PUT, PATCH, DELETE) before it
/// reaches a handler:
///
/// - from another site it is refused: an `Origin` (or, without one, a
///   `Referer`) that is not the server's own origin;
/// - a call to the JSON API must say `Content-Type: application/json` (an
///   import under `/api/v1/imports/`: the file's own type, never a form's or
///   `text/plain`), which a browser sends cross-site only after a preflight
///   this server never approves; so a page elsewhere cannot make a signed-in
///   person's browser write through the proxy's header. Forms carry their own token, checked
///   where they are read (``FormData``);
/// - each person may make ``ServerConfiguration/writesPerMinute`` changes a
///   minute; beyond, 429 with `Retry-After`.
struct WriteGuardMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    let configuration: ServerConfiguration
    let limiter: WriteRateLimiter

    func handle(
        _ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response
    ) async throws -> Response {
        guard Self.changesState(request.method) else { return try await next(request, context) }
        if let origin = request.headers[.origin] ?? request.headers[.referer].map(Self.origin(ofURL:)),
            !isOwn(origin: origin, request: request)
        {
            throw ServerError.foreignOrigin(origin)
        }
        if request.uri.path.hasPrefix("/api/"), request.method != .delete {
            let type = request.headers[.contentType] ?? ""
            let mediaType = type.lowercased().split(separator: ";").first?.trimmingCharacters(in: .whitespaces) ?? ""
            let shown = type.isEmpty ? "without a Content-Type" : type
            if request.uri.path.hasPrefix("/api/v1/imports/") {
                // A file's own type: anything but what a form on another site may send without a preflight.
                guard !mediaType.isEmpty, !Self.simpleTypes.contains(mediaType) else {
                    throw ServerError.fileTypeRequired(contentType: shown)
                }
            } else {
                guard mediaType == "application/json" else { throw ServerError.jsonRequired(contentType: shown) }
            }
        }
        if let member = context.member {
            try await limiter.admit(member.id, limit: configuration.writesPerMinute)
        }
        return try await next(request, context)
    }

    /// The types a page on another site may send without a preflight (CORS's safelisted request types).
    static let simpleTypes: Set<String> = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]

    static func changesState(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .patch || method == .delete
    }

    /// Whether `origin` is this server's: the configured public origin, else
    /// the scheme and `Host` the request came with.
    private func isOwn(origin: String, request: Request) -> Bool {
        let origin = origin.lowercased()
        if let publicOrigin = configuration.publicOrigin {
            return origin == publicOrigin.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        }
        guard let host = request.head.authority?.lowercased() else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }

    /// `https://host:port` of a full address.
    static func origin(ofURL text: String) -> String {
        guard let url = URL(string: text), let scheme = url.scheme, let host = url.host else { return text }
        return url.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }
}

/// Counts each person's changes over the last minute.
actor WriteRateLimiter {
    private var recent: [Int64: [Date]] = [:]
    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// Admits one more change by `person`, or throws ``ServerError/tooManyWrites(limit:retryAfter:)``.
    func admit(_ person: Int64, limit: Int) throws {
        let moment = now()
        let windowStart = moment.addingTimeInterval(-60)
        var times = recent[person, default: []]
        times.removeAll { $0 <= windowStart }
        guard times.count < limit else {
            let retryAfter = max(1, Int((times[0].timeIntervalSince(windowStart)).rounded(.up)))
            recent[person] = times
            throw ServerError.tooManyWrites(limit: limit, retryAfter: retryAfter)
        }
        times.append(moment)
        recent[person] = times
        if recent.count > 10_000 { recent = recent.filter { $0.value.last.map { $0 > windowStart } ?? false } }
    }
}
