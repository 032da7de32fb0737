import AdvocacyCore
import Foundation
import Testing

@testable import AdvocacyCLI

/// Every command that prints JSON, on one small programme, against a
/// committed golden file in `Fixtures/json/`: a key renamed, added or moved,
/// a number that becomes a string, a `null` that disappears, all fail here
/// with the first line that differs. Scripts read this JSON; its shape
/// changes only on purpose.
///
/// To change a shape deliberately, regenerate the files and review the diff:
///
///     UPDATE_GOLDEN=1 swift test --filter GoldenJSON
///
/// which writes them into the source tree (found from `#filePath`) instead
/// of comparing; the next build copies them into the test bundle. Every
/// date and time in these outputs comes from the harness's fixed clock; the
/// harness's temporary folder is written `<folder>`.
@Suite("JSON shapes locked by golden files")
struct GoldenJSONTests {
    /// One command line whose standard output is a golden file.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        /// `nil`: the programme's first admin.
        var actor: String? = nil
        /// A file of `Fixtures/import`, copied into the harness's folder; the
        /// argument of the same name becomes its path.
        var fixture: String? = nil

        var testDescription: String { name }
    }

    static let quiet = "quiet@corp.fr"

    static let cases: [Case] = [
        Case(name: "rank", arguments: ["rank", "--period", "2026", "--format", "json"]),
        Case(name: "rank-teams", arguments: ["rank", "--period", "2026", "--by", "team", "--format", "json"]),
        Case(name: "rank-empty", arguments: ["rank", "--period", "2025", "--format", "json"]),
        Case(name: "explain", arguments: ["explain", "lea.lambert@dsi.example.fr", "--period", "2026", "--format", "json"]),
        Case(name: "explain-no-metrics", arguments: ["explain", quiet, "--period", "2026-Q4", "--format", "json"]),
        Case(name: "explain-no-action", arguments: ["explain", quiet, "--period", "2026-Q3", "--format", "json"]),
        Case(name: "employee-list", arguments: ["employee", "list", "--format", "json"]),
        Case(name: "employee-show", arguments: ["employee", "show", quiet, "--format", "json"]),
        Case(name: "channel-list", arguments: ["channel", "list", "--format", "json"]),
        Case(name: "project-list", arguments: ["project", "list", "--format", "json"]),
        Case(name: "project-show", arguments: ["project", "show", "CLOUD-FIRST", "--format", "json"]),
        Case(
            name: "action-list", arguments: ["action", "list", "--employee", "mehdi.martin@dsi.example.fr", "--format", "json"]),
        Case(name: "action-show", arguments: ["action", "show", "https://quiet.example.org/a", "--format", "json"]),
        Case(name: "rewards-list", arguments: ["rewards", "list", "--format", "json"]),
        Case(name: "rewards-propose", arguments: ["rewards", "propose", "--period", "2026-Q4", "--dry-run", "--format", "json"]),
        Case(name: "rewards-catalog-list", arguments: ["rewards", "catalog", "list", "--format", "json"]),
        Case(name: "rewards-wish-list", arguments: ["rewards", "wish", "list", quiet, "--format", "json"]),
        Case(name: "rewards-budget-show", arguments: ["rewards", "budget", "show", "--format", "json"]),
        Case(
            name: "import-employees", arguments: ["import", "employees", "roster-fr.csv", "--dry-run", "--format", "json"],
            fixture: "roster-fr.csv"),
        Case(name: "audit", arguments: ["audit", "--entity", "employee", "--format", "json"]),
        Case(name: "check", arguments: ["check", "--format", "json"]),
        Case(name: "privacy-consent", arguments: ["privacy", "consent", quiet, "--format", "json"]),
        Case(name: "privacy-export", arguments: ["privacy", "export", quiet], actor: quiet),
        Case(name: "privacy-purge", arguments: ["privacy", "purge", "--older-than", "6m", "--dry-run", "--format", "json"]),
        Case(name: "policy-show", arguments: ["policy", "show", "--format", "json"]),
    ]

    @Test(arguments: cases)
    func outputMatchesItsGoldenFile(_ command: Case) throws {
        let cli = try Self.programme()
        let actor = try command.actor ?? GRDBProbe.admin(cli)
        var arguments = command.arguments
        if let fixture = command.fixture {
            let path = try cli.fixture(fixture)
            arguments = arguments.map { $0 == fixture ? path : $0 }
        }
        let output = try cli.expectSuccess(arguments, as: actor).output
        _ = try JSONSerialization.jsonObject(with: Data(output.utf8))
        // `check` and the import name files in a new temporary folder each time.
        try Golden.check(output.replacing(cli.folder.path, with: "<folder>"), named: command.name)
    }

    /// The ranking as scripts read it: an object with the period and the
    /// items, each item with every key, `null` included.
    @Test func rankIsJSONWithTheExpectedKeys() throws {
        let cli = try Self.programme()
        let result = try cli.expectSuccess("rank", "--period", "2026", "--format", "json", as: GRDBProbe.admin(cli))
        let ranking = try #require(try cli.json(result) as? [String: Any])
        #expect(Set(ranking.keys) == ["by", "from", "items", "period", "policyVersion", "to", "weeks"])
        let items = try #require(ranking["items"] as? [[String: Any]])
        #expect(items.count > 5)
        for item in items {
            #expect(Set(item.keys) == Self.itemKeys)
        }
        #expect(items.contains { $0["team"] is NSNull })
        #expect(items.contains { $0["active"] as? Bool == false })
    }

    /// `rank` writes a person's item with ``JSONWriter`` and `explain`
    /// encodes it as its `result`: both say the same of everyone.
    @Test func explainsResultIsRanksItem() throws {
        let cli = try Self.programme()
        let admin = try GRDBProbe.admin(cli)
        let ranking = try cli.expectSuccess("rank", "--period", "2026", "--format", "json", as: admin)
        let items = try #require((try cli.json(ranking) as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.count > 5)
        for item in items {
            let email = try #require(item["email"] as? String)
            let explained = try cli.expectSuccess("explain", email, "--period", "2026", "--format", "json", as: admin)
            let result = try #require((try cli.json(explained) as? [String: Any])?["result"] as? [String: Any])
            #expect(try Self.canonical(result) == Self.canonical(item), "\(email)")
        }
    }

    /// The same JSON value always gives the same text, whatever its layout.
    static func canonical(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static let itemKeys: Set<String> = [
        "actions", "active", "audience", "components", "email", "engagement", "flags", "name", "pending", "rank", "score",
        "tFactor",
        "team", "tier", "weeks", "weeksActive",
    ]

    /// The demo's programme (seed 2026, 8 employees, 60 actions) on the
    /// harness's clock, plus what the demo lacks: a person with no team,
    /// quotes and a backslash in their name, and an action with no metrics
    /// and no project; and someone who has left.
    static func programme() throws -> CLIHarness {
        let cli = try CLIHarness()
        try programmeFile.get().write(to: URL(fileURLWithPath: cli.databasePath))
        return cli
    }

    /// The database file of ``programme()``, built once.
    private static let programmeFile = Result<Data, any Error> {
        let cli = try CLIHarness()
        try cli.expectSuccess("demo", "--seed", "2026", "--employees", "8", "--actions", "60")
        let admin = try GRDBProbe.admin(cli)
        try cli.expectSuccess("employee", "add", quiet, "--name", #"Quiet "Q" \ Person"#, as: admin)
        try cli.expectSuccess("privacy", "consent", quiet, "--grant", as: admin)
        try cli.expectSuccess("channel", "add", quiet, "https://quiet.example.org", "--kind", "blog", as: quiet)
        try cli.expectSuccess(
            "log", "https://quiet.example.org/a", "--title", #"No figures "yet" \ none"#, "--date", "2026-11-02", as: quiet)
        try cli.expectSuccess("rewards", "wish", "add", "FORM-ECRIT", as: quiet)
        try cli.expectSuccess("employee", "deactivate", "celine.leroy@dsi.example.fr", as: admin)
        // Each command closes the database: everything is in the main file.
        guard !FileManager.default.fileExists(atPath: cli.databasePath + "-wal") else {
            throw CLIHarness.CommandFailed(description: "the golden programme left a -wal file")
        }
        return try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
    }
}

/// Golden files in `Tests/AdvocacyCLITests/Fixtures/json/`, read from the
/// test bundle, or written into the source tree when `UPDATE_GOLDEN=1`.
enum Golden {
    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static let regenerate = "if the change is deliberate, run UPDATE_GOLDEN=1 swift test --filter GoldenJSON and review the diff"

    static func check(_ actual: String, named name: String, sourceFile: String = #filePath) throws {
        if updating {
            let folder = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent("Fixtures/json")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: folder.appendingPathComponent("\(name).json"))
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/json") else {
            throw Mismatch(description: "no golden file Fixtures/json/\(name).json: \(regenerate)")
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if let difference = firstDifference(expected: expected, actual: actual) {
            Issue.record("\(name).json: \(difference); \(regenerate)")
        }
    }

    /// "line 12: expected `…`, got `…`", or nil when both are the same.
    static func firstDifference(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let wanted = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(wanted.count, got.count) {
            let a = index < wanted.count ? String(wanted[index]) : "(end of file)"
            let b = index < got.count ? String(got[index]) : "(end of output)"
            if a != b { return "line \(index + 1): expected `\(a)`, got `\(b)`" }
        }
        return "the same lines, different bytes"
    }
}

@Suite("Golden file differences")
struct GoldenDifferenceTests {
    @Test func aChangedLineIsNamedWithBothVersions() {
        let expected = "{\n  \"rank\" : 1,\n  \"team\" : null\n}\n"
        #expect(Golden.firstDifference(expected: expected, actual: expected) == nil)
        #expect(
            Golden.firstDifference(expected: expected, actual: "{\n  \"rank\" : \"1\",\n  \"team\" : null\n}\n")
                == #"line 2: expected `  "rank" : 1,`, got `  "rank" : "1",`"#)
        #expect(
            Golden.firstDifference(expected: expected, actual: "{\n  \"rank\" : 1\n}\n")
                == #"line 2: expected `  "rank" : 1,`, got `  "rank" : 1`"#)
        #expect(Golden.firstDifference(expected: expected, actual: expected + "\n") == "line 6: expected `(end of file)`, got ``")
    }
}
