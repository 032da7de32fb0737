import AdvocacyCore
import AdvocacyStore
import Foundation
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

    static let now = Date(timeIntervalSince1970: 1_795_262_400)  // 2026-11-21T12:00:00Z
    let folder: URL
    var environment: [String: String]

    var databasePath: String { folder.appendingPathComponent("programme.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("advocacy-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        environment = ["HOME": folder.path]
        environment["ADVOCACY_DB"] = databasePath
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @discardableResult
    func run(_ arguments: [String], as actor: String? = nil) -> Result {
        let output = BufferedOutput(), error = BufferedOutput()
        var environment = self.environment
        if let actor { environment["ADVOCACY_USER"] = actor }
        let context = CommandContext(
            environment: environment, now: { CLIHarness.now }, timeZone: TimeZone(identifier: "UTC")!,
            standardOutput: output, standardError: error)
        let status = AdvocacyCLI.run(arguments: arguments, context: context)
        return Result(status: status, output: output.text, error: error.text)
    }

    @discardableResult
    func run(_ arguments: String..., as actor: String? = nil) -> Result { run(arguments, as: actor) }

    /// A programme with an admin, two staff, a CIO, an HR officer and a project.
    static func withProgramme() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.expectSuccess("init", "--admin", "admin@corp.fr", "--name", "Ada Admin")
        try cli.expectSuccess("employee", "add", "jane@corp.fr", "--name", "Jane Doe", "--team", "Data", as: "admin@corp.fr")
        try cli.expectSuccess("employee", "add", "paul@corp.fr", "--name", "Paul Martin", "--team", "Sécurité", as: "admin@corp.fr")
        try cli.expectSuccess("employee", "add", "cio@corp.fr", "--name", "Chloé CIO", "--role", "cio", as: "admin@corp.fr")
        try cli.expectSuccess("employee", "add", "hr@corp.fr", "--name", "Hugo HR", "--role", "hr", as: "admin@corp.fr")
        try cli.expectSuccess("project", "add", "ERP-2027", "--name", "Refonte ERP", "--weight", "3", as: "admin@corp.fr")
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
