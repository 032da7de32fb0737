import AdvocacyTestSupport
import Foundation
import Testing

@testable import AdvocacyCLI

/// Every kind of bad input gets one line on stderr naming the value, a
/// non-zero exit, and leaves the database as it was.
@Suite("Bad input")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var actor: String?
        var status: Int32
        var mentions: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        // Invalid email.
        Case(
            arguments: ["employee", "add", "jane.corp.fr", "--name", "J"], actor: "admin@corp.fr", status: 64,
            mentions: ["'jane.corp.fr'", "email address"]),
        Case(arguments: ["channel", "list", "not-an-email"], status: 64, mentions: ["'not-an-email'", "email"]),
        // Unknown employee or project.
        Case(arguments: ["employee", "show", "ghost@corp.fr"], status: 1, mentions: ["ghost@corp.fr", "employee list"]),
        Case(
            arguments: ["channel", "add", "ghost@corp.fr", "@ghost"], actor: "admin@corp.fr", status: 1,
            mentions: ["ghost@corp.fr"]),
        Case(
            arguments: ["log", "https://x.com/jane/status/9", "--for", "ghost@corp.fr"], actor: "admin@corp.fr", status: 1,
            mentions: ["ghost@corp.fr"]),
        Case(
            arguments: ["log", "https://x.com/jane/status/9", "--project", "NOPE-1"], actor: "jane@corp.fr", status: 1,
            mentions: ["NOPE-1", "project list"]),
        Case(arguments: ["action", "list", "--project", "NOPE-1"], status: 1, mentions: ["NOPE-1"]),
        Case(arguments: ["project", "show", "NOPE-1"], status: 1, mentions: ["NOPE-1"]),
        Case(
            arguments: ["log", "https://x.com/jane/status/9", "--project", "2027"], actor: "jane@corp.fr", status: 64,
            mentions: ["'2027'", "project code"]),
        // Negative counts.
        Case(
            arguments: ["log", "https://x.com/jane/status/9", "--reactions", "-3"], actor: "jane@corp.fr", status: 64,
            mentions: ["'-3'", "0 or more"]),
        Case(
            arguments: ["metrics", "https://x.com/jane/status/1", "--shares=-1"], actor: "jane@corp.fr", status: 64,
            mentions: ["'-1'", "0 or more"]),
        Case(
            arguments: ["channel", "followers", "https://x.com/jane", "-5"], actor: "jane@corp.fr", status: 64,
            mentions: ["'-5'", "0 or more"]),
        Case(
            arguments: ["channel", "add", "jane@corp.fr", "@jane2", "--followers", "many"], actor: "jane@corp.fr", status: 64,
            mentions: ["'many'"]),
        Case(
            arguments: ["project", "add", "NEW-1", "--name", "N", "--weight", "-1"], actor: "admin@corp.fr", status: 64,
            mentions: ["'-1'", "--weight"]),
        Case(arguments: ["demo", "--employees", "-5"], status: 64, mentions: ["'-5'", "--employees", "expected 3 to 100000"]),
        Case(
            arguments: ["demo", "--employees", "many"], status: 64, mentions: ["'many'", "--employees", "expected 3 to 100000"]),
        Case(
            arguments: ["demo", "--actions", "5000001"], status: 64,
            mentions: ["'5000001'", "--actions", "expected 1 to 5000000"]),
        Case(arguments: ["employee", "list", "--db", ""], status: 64, mentions: ["--db is empty"]),
        Case(
            arguments: ["metrics", "https://x.com/jane/status/1", "--reactions", "1", "--date", "2026-11-20"],
            actor: "jane@corp.fr", status: 1, mentions: ["2026-11-20", "publication date"]),
        Case(arguments: ["log", "https://example.com:99999/x"], actor: "jane@corp.fr", status: 64, mentions: ["99999"]),
        // Malformed dates, URLs, periods.
        Case(
            arguments: ["log", "https://x.com/jane/status/9", "--date", "2026-02-30"], actor: "jane@corp.fr", status: 64,
            mentions: ["'2026-02-30'", "YYYY-MM-DD"]),
        Case(
            arguments: ["log", "https://x.com/jane/status/9", "--date", "21/11/2026"], actor: "jane@corp.fr", status: 64,
            mentions: ["'21/11/2026'"]),
        Case(
            arguments: ["log", "https://x.com/jane/status/9", "--date", "2026-12-25"], actor: "jane@corp.fr", status: 1,
            mentions: ["2026-12-25", "future"]),
        Case(
            arguments: ["project", "add", "NEW-1", "--name", "N", "--start", "2026-13-01"], actor: "admin@corp.fr", status: 64,
            mentions: ["'2026-13-01'"]),
        Case(arguments: ["log", "htp:/x.com/jane"], actor: "jane@corp.fr", status: 64, mentions: ["'htp:/x.com/jane'", "http"]),
        Case(arguments: ["log", "not a url"], actor: "jane@corp.fr", status: 64, mentions: ["'not a url'"]),
        Case(
            arguments: ["channel", "add", "jane@corp.fr", "ftp://files.corp.fr"], actor: "jane@corp.fr", status: 64,
            mentions: ["'ftp://files.corp.fr'"]),
        Case(arguments: ["action", "list", "--period", "2026-Q5"], status: 64, mentions: ["'2026-Q5'", "2026-Q3"]),
        Case(arguments: ["action", "list", "--period", "last-quarter"], status: 64, mentions: ["'last-quarter'"]),
        Case(
            arguments: ["action", "list", "--from", "2026-10-01", "--to", "2026-09-01"], status: 64,
            mentions: ["2026-09-01", "before"]),
        Case(
            arguments: ["action", "list", "--period", "2026-Q3", "--from", "2026-10-01"], status: 64,
            mentions: ["--period", "--from"]),
        // Duplicate URL (the same post with tracking tags is the same post).
        Case(
            arguments: ["log", "https://www.x.com/jane/status/1?utm_campaign=z"], actor: "jane@corp.fr", status: 1,
            mentions: ["https://x.com/jane/status/1", "already logged"]),
        Case(
            arguments: ["channel", "add", "jane@corp.fr", "https://x.com/jane"], actor: "jane@corp.fr", status: 1,
            mentions: ["https://x.com/jane", "already registered"]),
        Case(
            arguments: ["employee", "add", "JANE@corp.fr", "--name", "Jane"], actor: "admin@corp.fr", status: 1,
            mentions: ["jane@corp.fr", "already exists"]),
        Case(
            arguments: ["project", "add", "erp-2027", "--name", "Again"], actor: "admin@corp.fr", status: 1,
            mentions: ["ERP-2027", "already exists"]),
        // Unknown kind or role.
        Case(
            arguments: ["log", "https://x.com/jane/status/9", "--kind", "tweet"], actor: "jane@corp.fr", status: 64,
            mentions: ["'tweet'", "article, post, talk"]),
        Case(
            arguments: ["channel", "add", "jane@corp.fr", "https://tiktok.com/@jane", "--kind", "tiktok"], actor: "jane@corp.fr",
            status: 64, mentions: ["'tiktok'", "blog, linkedin"]),
        Case(
            arguments: ["employee", "add", "new@corp.fr", "--name", "N", "--role", "boss"], actor: "admin@corp.fr", status: 64,
            mentions: ["'boss'", "staff, cio, hr, admin"]),
        Case(
            arguments: ["employee", "update", "jane@corp.fr", "--role", "ceo"], actor: "admin@corp.fr", status: 64,
            mentions: ["'ceo'"]),
        Case(
            arguments: ["project", "add", "NEW-1", "--name", "N", "--weight", "5"], actor: "admin@corp.fr", status: 64,
            mentions: ["'5'", "1, 2 or 3"]),
        Case(
            arguments: ["project", "add", "NEW-1", "--name", "N", "--status", "done"], actor: "admin@corp.fr", status: 64,
            mentions: ["'done'", "planned, active, closed"]),
        Case(arguments: ["action", "list", "--format", "xml"], status: 64, mentions: ["'xml'", "expected text, json or csv"]),
        // Empty or missing pieces.
        Case(
            arguments: ["employee", "add", "new@corp.fr", "--name", "  "], actor: "admin@corp.fr", status: 1,
            mentions: ["name", "empty"]),
        Case(
            arguments: ["metrics", "https://x.com/jane/status/1"], actor: "jane@corp.fr", status: 64, mentions: ["--reactions"]),
        Case(
            arguments: ["employee", "update", "jane@corp.fr"], actor: "admin@corp.fr", status: 64, mentions: ["nothing to change"]
        ),
        Case(arguments: ["init", "--admin", "a@corp.fr"], status: 64, mentions: ["--admin", "--name"]),
        Case(arguments: ["employee", "add"], actor: "admin@corp.fr", status: 64, mentions: ["<email>"]),
        Case(arguments: ["employee", "fire", "jane@corp.fr"], actor: "admin@corp.fr", status: 64, mentions: ["fire"]),
        // No actor for a write; an actor who is not an employee.
        Case(arguments: ["log", "https://x.com/jane/status/9"], status: 1, mentions: ["--as EMAIL", "ADVOCACY_USER"]),
        Case(arguments: ["project", "add", "NEW-1", "--name", "N"], status: 1, mentions: ["--as EMAIL"]),
        Case(
            arguments: ["log", "https://x.com/jane/status/9"], actor: "stranger@corp.fr", status: 1,
            mentions: ["stranger@corp.fr", "not a registered employee"]),
        Case(
            arguments: ["log", "https://x.com/jane/status/9"], actor: "nonsense", status: 1,
            mentions: ["ADVOCACY_USER='nonsense'"]),
    ]

    @Test(.tags(.slow), arguments: cases)
    func isRefusedWithOneClearLineAndNothingWritten(_ testCase: Case) throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", "jane@corp.fr", "https://x.com/jane", as: "jane@corp.fr")
        try cli.expectSuccess("log", "https://x.com/jane/status/1", "--reactions", "3", as: "jane@corp.fr")
        let before = try cli.tableCounts()
        let result = cli.run(testCase.arguments, as: testCase.actor)
        #expect(result.status == testCase.status, "stderr: \(result.error)")
        #expect(result.errorLines.count == 1, "stderr: \(result.error)")
        #expect(result.error.hasPrefix("error: "))
        for fragment in testCase.mentions {
            #expect(result.error.contains(fragment), "stderr: \(result.error)")
        }
        #expect(result.output.isEmpty)
        #expect(!result.error.contains("Fatal error") && !result.error.contains("Backtrace"))
        #expect(try cli.tableCounts() == before)
    }

    @Test func aMissingDatabaseIsNamedAndNotCreated() throws {
        let cli = try CLIHarness()
        for arguments in [["employee", "list"], ["action", "list"], ["project", "add", "X1", "--name", "X"]] {
            let result = cli.run(arguments, as: "admin@corp.fr")
            #expect(result.status == 1)
            #expect(result.errorLines.count == 1)
            #expect(result.error.contains("no database at \(cli.databasePath)"))
            #expect(result.error.contains("advocacy init"))
        }
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath))
    }
}
