import AdvocacyCore
import AdvocacyFixtures
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import GRDB

@testable import AdvocacyCLI

/// Runs `advocacy` command lines in-process against a database in a
/// temporary folder, on a fixed clock (2026-11-21, UTC).
final class CLIHarness {
    struct Result {
        var status: Int32
        var output: String
        var error: String

        /// The standard error lines, to check that a failure says one thing.
        var errorLines: [Substring] { error.split(separator: "\n") }
    }

    static let now = FixedClock.now
    /// Removed with the harness, and the database in it.
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }
    var environment: [String: String]

    var databasePath: String { folder.appendingPathComponent("programme.sqlite").path }

    init() throws {
        temporary = try TemporaryFolder()
        environment = ["HOME": temporary.url.path]
        environment["ADVOCACY_DB"] = databasePath
    }

    @discardableResult
    func run(_ arguments: [String], as actor: String? = nil) -> Result {
        let output = BufferedOutput(), error = BufferedOutput()
        var environment = self.environment
        if let actor { environment["ADVOCACY_USER"] = actor }
        // `serve` would replace the test's own process with the server: it says what it would run instead.
        environment["ADVOCACY_SERVER"] = environment["ADVOCACY_SERVER"] ?? "/opt/advocacy/advocacy-server"
        let context = CommandContext(
            environment: environment, now: { CLIHarness.now }, timeZone: FixedClock.timeZone,
            standardOutput: output, standardError: error,
            replaceProcess: { program, arguments in output.write("would run \(([program] + arguments).joined(separator: " "))\n")
            })
        let status = AdvocacyCLI.run(arguments: arguments, context: context)
        return Result(status: status, output: output.text, error: error.text)
    }

    @discardableResult
    func run(_ arguments: String..., as actor: String? = nil) -> Result { run(arguments, as: actor) }

    /// A programme with an admin, two staff, a CIO, an HR officer and a project.
    /// Jane and Paul have consented to being tracked, so an admin may act for
    /// them (docs/privacy.md); privacy tests add people who have not.
    static func withProgramme() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.expectSuccess("init", "--admin", "admin@corp.fr", "--name", "Ada Admin")
        try cli.expectSuccess("employee", "add", "jane@corp.fr", "--name", "Jane Doe", "--team", "Data", as: "admin@corp.fr")
        try cli.expectSuccess(
            "employee", "add", "paul@corp.fr", "--name", "Paul Martin", "--team", "Sécurité", as: "admin@corp.fr")
        try cli.expectSuccess("employee", "add", "cio@corp.fr", "--name", "Chloé CIO", "--role", "cio", as: "admin@corp.fr")
        try cli.expectSuccess("employee", "add", "hr@corp.fr", "--name", "Hugo HR", "--role", "hr", as: "admin@corp.fr")
        try cli.expectSuccess("project", "add", "ERP-2027", "--name", "Refonte ERP", "--weight", "3", as: "admin@corp.fr")
        try cli.expectSuccess("privacy", "consent", "jane@corp.fr", "--grant", as: "admin@corp.fr")
        try cli.expectSuccess("privacy", "consent", "paul@corp.fr", "--grant", as: "admin@corp.fr")
        return cli
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var description: String
    }

    @discardableResult
    func expectSuccess(_ arguments: String..., as actor: String? = nil) throws -> Result {
        try expectSuccess(arguments, as: actor)
    }

    @discardableResult
    func expectSuccess(_ arguments: [String], as actor: String? = nil) throws -> Result {
        let result = run(arguments, as: actor)
        guard result.status == 0 else {
            throw CommandFailed(description: "\(arguments.joined(separator: " ")) exited \(result.status): \(result.error)")
        }
        return result
    }

    /// Row counts of every table, to prove a refused command wrote nothing.
    func tableCounts() throws -> [String: Int] {
        guard FileManager.default.fileExists(atPath: databasePath) else { return [:] }
        let store = try AdvocacyStore.open(atPath: databasePath)
        return [
            "employees": try store.employees().count, "channels": try store.channels().count,
            "projects": try store.projects().count, "actions": try store.actions().count,
            "metrics": try store.actions().map { $0.metrics.interactions + ($0.metrics.impressions ?? 0) }.reduce(0, +),
            "followers": try store.channels().compactMap(\.followers).reduce(0, +),
        ]
    }

    func json(_ result: Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    }
}

extension CLIHarness {
    /// Every row of every table, as text: equal dumps mean an identical database.
    func databaseDump() throws -> String { try AdvocacyFixtures.databaseDump(databasePath) }

    /// Writes `text` to a file in the harness's folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A copy of a fixture from Fixtures/import in the harness's folder.
    func fixture(_ name: String) throws -> String {
        guard let source = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/import") else {
            throw CommandFailed(description: "no fixture \(name)")
        }
        let path = folder.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: source.path, toPath: path)
        return path
    }
}

extension CLIHarness {
    static let today = LocalDate(now, in: FixedClock.timeZone)
}

/// Reads a harness's database directly, for what no command shows.
enum GRDBProbe {
    static func value(_ cli: CLIHarness, _ sql: String) throws -> Int? {
        try DatabaseQueue(path: cli.databasePath).read { db in try Int.fetchOne(db, sql: sql) }
    }

    /// Every row of `sql`, each column as text ("" for NULL).
    static func rows(_ cli: CLIHarness, _ sql: String) throws -> [[String]] {
        try DatabaseQueue(path: cli.databasePath).read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .string(let text): text
                    case .int64(let number): "\(number)"
                    case .double(let number): "\(number)"
                    case .blob(let bytes): "\(bytes.count) bytes"
                    case .null: ""
                    }
                }
            }
        }
    }

    /// The first admin's email: the demo picks a different one per seed.
    static func admin(_ cli: CLIHarness) throws -> String {
        try DatabaseQueue(path: cli.databasePath).read { db in
            try String.fetchOne(db, sql: "SELECT email FROM employee WHERE role = 'admin' ORDER BY id LIMIT 1") ?? ""
        }
    }

    /// Every `actionFact` row keyed by addresses and emails rather than ids,
    /// so two databases built differently can be compared.
    static func facts(_ cli: CLIHarness) throws -> [String] {
        try DatabaseQueue(path: cli.databasePath).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.email, a.url, c.url AS channel, f.day, f.channelKind, f.kind, f.effortHours, f.contentFingerprint,
                        f.impressions, f.reactions, f.comments, f.shares, f.clicks, f.followers, f.strategicWeight, f.review
                    FROM actionFact f JOIN action a ON a.id = f.actionId JOIN channel c ON c.id = f.channelId
                    JOIN employee e ON e.id = f.employeeId
                    ORDER BY a.url
                    """
            ).map(\.description)
        }
    }
}
