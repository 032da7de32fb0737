import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyServer
import AdvocacyTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging

/// A programme in a real SQLite file served by a real server on loopback:
/// the fixture's admin, Jane and Paul (staff), plus a CIO and an HR officer.
struct ServerHarness: @unchecked Sendable {
    let folder: TemporaryFolder
    let fixture: ProgrammeFixture
    let cio = valid { try EmailAddress("cio@corp.fr") }
    let hr = valid { try EmailAddress("hr@corp.fr") }
    let gone = valid { try EmailAddress("gone@corp.fr") }
    private(set) var configuration: ServerConfiguration

    var programme: Programme { fixture.programme }
    var admin: EmailAddress { fixture.admin }
    var jane: EmailAddress { fixture.jane }
    var paul: EmailAddress { fixture.paul }

    /// `configure` changes the server's settings from the defaults.
    init(configure: (inout ServerConfiguration) throws -> Void = { _ in }) throws {
        folder = try TemporaryFolder()
        let path = folder.path("advocacy.sqlite")
        let programme = try Programme.open(
            atPath: path, create: true, now: { ProgrammeFixture.now }, timeZone: FixedClock.timeZone)
        fixture = try ProgrammeFixture(programme: programme)
        try programme.addEmployee(try NewEmployee(email: cio, name: "Chloé CIO", role: .cio), by: fixture.admin)
        try programme.addEmployee(try NewEmployee(email: hr, name: "Hugo RH", team: "RH", role: .hr), by: fixture.admin)
        try programme.addEmployee(try NewEmployee(email: gone, name: "Gaston Parti"), by: fixture.admin)
        _ = try programme.deactivateEmployee(gone, by: fixture.admin)
        configuration = ServerConfiguration(databasePath: path)
        configuration.port = 0
        try configure(&configuration)
    }

    /// Runs `test` against the server started on loopback, then stops it.
    func serve<Value: Sendable>(_ test: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "advocacy-test")
        logger.logLevel = .warning
        let app = try await AdvocacyServer.application(
            configuration: configuration, programme: programme, logger: logger, now: { ProgrammeFixture.now })
        return try await app.test(.live, test)
    }
}

extension TestClientProtocol {
    /// A request signed in through the proxy's header (the test client is on loopback, a trusted proxy by default).
    func call(
        _ method: HTTPRequest.Method, _ uri: String, as email: EmailAddress?, headers: HTTPFields = [:], body: String? = nil
    ) async throws -> TestResponse {
        var headers = headers
        if let email { headers[.forwardedEmail] = email.value }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// The anti-forgery token of `email`'s forms, read from a page as a browser would.
    func formToken(as email: EmailAddress, page: String = "/log") async throws -> String {
        let html = try await call(.get, page, as: email).text
        guard let match = html.firstMatch(of: /name="csrf" value="([^"]+)"/) else { return "" }
        return String(match.1)
    }

    /// Submits a form as a browser on this site does.
    func submit(_ path: String, as email: EmailAddress?, fields: [(String, String)], origin: String? = "http://localhost")
        async throws -> TestResponse
    {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let origin { headers[.origin] = origin }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await call(.post, path, as: email, headers: headers, body: body)
    }

    /// A JSON API call.
    func api(_ method: HTTPRequest.Method, _ path: String, as email: EmailAddress?, json: String? = nil) async throws
        -> TestResponse
    {
        var headers: HTTPFields = [:]
        if json != nil { headers[.contentType] = "application/json" }
        return try await call(method, path, as: email, headers: headers, body: json)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// The refusal's message, from `{"error": …}`.
    var errorMessage: String { ((try? json()) as? [String: Any])?["error"] as? String ?? "" }
}

extension HTTPField.Name {
    /// The header oauth2-proxy sets (a valid literal name: the fallback is never taken).
    static let forwardedEmail = HTTPField.Name("X-Forwarded-Email") ?? .from
}
