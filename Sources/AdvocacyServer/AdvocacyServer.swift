import AdvocacyCore
import AdvocacyKit
import Foundation
import Hummingbird
import Logging

/// `advocacy serve`: the programme's pages and JSON API, on the same
/// database file and through the same use cases as the command line.
public enum AdvocacyServer {
    /// The application, ready to run (or to test): its routes, sign-in and
    /// guards, listening where `configuration` says.
    public static func application(
        configuration: ServerConfiguration, programme: Programme, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> some ApplicationProtocol {
        let access = ProgrammeAccess(programme)
        var tokens: TokenVerifier?
        if let settings = configuration.tokens {
            let verifier = TokenVerifier(settings: settings, now: now, logger: logger)
            try await verifier.loadKeys()
            tokens = verifier
        }
        let forms = FormTokens(key: configuration.formKey)
        let pages = PageRenderer(configuration: configuration, tokens: forms)
        let routes = Routes(
            configuration: configuration, access: access, pages: pages, forms: forms, timeZone: programme.timeZone, now: now)

        let router = Router(context: ServerContext.self)
        router.add(
            middleware: FrontMiddleware(
                signIn: try SignIn(configuration: configuration, tokens: tokens, access: access), pages: pages))
        router.add(middleware: WriteGuardMiddleware(configuration: configuration, limiter: WriteRateLimiter(now: now)))
        routes.register(on: router)

        var serverLogger = logger
        serverLogger[metadataKey: "component"] = "advocacy-server"
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "advocacy"),
            logger: serverLogger)
    }
}

/// Every route, with what it needs to answer.
struct Routes: Sendable {
    let configuration: ServerConfiguration
    let access: ProgrammeAccess
    let pages: PageRenderer
    let forms: FormTokens
    let timeZone: TimeZone
    let now: @Sendable () -> Date

    /// Today where the programme runs.
    var today: LocalDate { LocalDate(now(), in: timeZone) }

    func register(on router: Router<ServerContext>) {
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ in
            let ready = try await access.run { $0.isReadable() }
            guard ready else { throw ServerError.notReady }
            return "ready\n"
        }
        router.get("/assets/advocacy.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: StyleSheet.css)))
        }
        router.get("/language") { request, _ in Self.switchLanguage(request) }
        registerStaffPages(on: router)
        registerScorePages(on: router)
        registerRewardPages(on: router)
        registerCataloguePages(on: router)
        registerPolicyPages(on: router)
        registerMorePages(on: router)
        registerChannelPages(on: router)
        registerReviewPages(on: router)
        registerImportPages(on: router)
        registerAdminPages(on: router)
        registerAPI(on: router)
        if configuration.devSignIn { registerDevSignIn(on: router) }
    }

    /// Refuses a page to roles it is not for, with the CLI's words; each use
    /// case checks again inside its own transaction.
    static func require(_ member: Member, in roles: [Role], to operation: String) throws {
        try AccessRules.requireRole(
            Actor(email: member.email, role: member.role, isActive: member.isActive), in: roles, to: operation)
    }

    /// Runs a form's change; when the use case refuses what was typed, the
    /// form is shown again (by `form`) with the reason, rather than an error page.
    func submitting(
        _ context: ServerContext, _ change: () async throws -> Response, orShowAgain form: (String) async throws -> Response
    ) async throws -> Response {
        do {
            return try await change()
        } catch {
            guard let problem = FrontMiddleware.inputProblem(error, context: context) else { throw error }
            return try await form(problem)
        }
    }

    /// Sets the `lang` cookie and goes back to the page the switch was on.
    static func switchLanguage(_ request: Request) -> Response {
        let chosen = PageLanguage(rawValue: request.uri.queryParameters["to"].map(String.init) ?? "") ?? .en
        var back = request.uri.queryParameters["back"].map(String.init) ?? "/"
        // Only a path of this site: never an address elsewhere (an open redirect).
        if !back.hasPrefix("/") || back.hasPrefix("//") || back.contains("\\") { back = "/" }
        var response = PageRenderer.seeOther(back)
        response.setCookie(
            Cookie(
                name: "lang", value: chosen.rawValue, maxAge: 365 * 86400, path: "/", secure: false, httpOnly: true,
                sameSite: .strict))
        return response
    }
}
