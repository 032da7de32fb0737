import AdvocacyCore
import AdvocacyStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The outermost layer, around everything else:
///
/// - every failure becomes an answer a person can act on: a refusal its 4xx
///   with the use case's own message (as a page, or as JSON under `/api/`);
///   anything unexpected a 500 that names only the request's id, its detail
///   going to the log, never a stack trace, SQL or path;
/// - every answer carries the security headers: a strict
///   Content-Security-Policy (no script at all, styles from this server),
///   no framing, no sniffing, no referrer sent elsewhere;
/// - one access-log line per request, with the signed-in person's id and no
///   other personal data (no email, no query string).
struct FrontMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    let signIn: SignIn
    let pages: PageRenderer

    func handle(
        _ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        context.language = PageLanguage.of(
            cookie: request.cookies["lang"]?.value, acceptLanguage: request.headers[.acceptLanguage])
        var response: Response
        do {
            context = try await signIn.signedIn(request, context: context)
            response = try await next(request, context)
        } catch {
            response = answer(error, request: request, context: context)
        }
        let actor = context.member.map { "\($0.id)" } ?? "-"
        Self.secure(&response.headers, path: request.uri.path)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "\(request.method) \(request.uri.path) \(response.status.code)",
            metadata: ["actor": "\(actor)", "ms": "\(String(format: "%.1f", milliseconds))"])
        return response
    }

    /// The answer to a failure.
    private func answer(_ error: any Error, request: Request, context: ServerContext) -> Response {
        let (status, message, headers) = Self.refusal(for: error, context: context)
        if status == .internalServerError || status == .serviceUnavailable {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        var response =
            request.uri.path.hasPrefix("/api/")
            ? APIResponse.error(status, message: message)
            : pages.errorPage(status: status, message: message, request: request, context: context)
        for field in headers { response.headers.append(field) }
        return response
    }

    /// The status and the message for `error`, and any header it needs (`Retry-After`).
    static func refusal(for error: any Error, context: ServerContext) -> (HTTPResponse.Status, String, HTTPFields) {
        switch error {
        case let error as ServerError:
            var headers = HTTPFields()
            if case .tooManyWrites(_, let retryAfter) = error { headers[.retryAfter] = "\(retryAfter)" }
            if case .notSignedIn = error { headers[.wwwAuthenticate] = "Bearer" }
            return (error.status, error.localizedDescription, headers)
        case CoreError.permissionDenied, CoreError.inactiveActor, CoreError.ownCase, CoreError.ownWorkReview,
            CoreError.ownFlagReview:
            return (.forbidden, error.localizedDescription, [:])
        case StoreError.databaseFailure, StoreError.databaseMissing, StoreError.notADatabase, StoreError.newerSchema:
            return (.serviceUnavailable, "the programme's database cannot be reached just now: try again in a moment", [:])
        case StoreError.unknownActor(let email):
            return (.forbidden, ServerError.unknownMember(email).localizedDescription, [:])
        case StoreError.unknownEmployee, StoreError.unknownProject, StoreError.unknownChannel, StoreError.unknownAction,
            StoreError.unknownReward, StoreError.unknownProposal:
            return (.notFound, error.localizedDescription, [:])
        case StoreError.duplicateEmployee, StoreError.duplicateProject, StoreError.duplicateChannel,
            StoreError.duplicateAction, StoreError.duplicateReward, StoreError.proposalTransition:
            return (.conflict, error.localizedDescription, [:])
        case let error as any ProgrammeFailure:
            return (.badRequest, error.localizedDescription, [:])
        case let error as HTTPError:
            let message =
                error.status == .notFound
                ? "nothing at this address: see / for the pages and /api/v1/openapi.json for the API"
                : (error.body ?? error.status.reasonPhrase)
            return (error.status, message, [:])
        default:
            return (
                .internalServerError,
                "something went wrong on the server (request \(context.id)); nothing was changed. "
                    + "The administrator finds the detail in the server's log under that request id", [:]
            )
        }
    }

    /// The reason to show a form again with, when `error` refuses what was
    /// typed (400, 404, 409); `nil` for a refusal of the person (401, 403)
    /// or a failure, which answer as a whole page.
    static func inputProblem(_ error: any Error, context: ServerContext) -> String? {
        let (status, message, _) = refusal(for: error, context: context)
        return [.badRequest, .notFound, .conflict].contains(status) ? message : nil
    }

    /// The headers every answer carries. The report, a whole document with
    /// its own style sheet and no script, is allowed its inline styles.
    static func secure(_ headers: inout HTTPFields, path: String) {
        let styles = path == "/report" || path == "/api/v1/report" ? "'unsafe-inline'" : "'self'"
        headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'none'; style-src \(styles); img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "same-origin"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}

extension HTTPField.Name {
    /// A literal, valid name: the fallback is never taken.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .referer
}
