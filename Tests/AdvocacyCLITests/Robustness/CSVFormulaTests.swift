import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI

/// Every CSV the tool writes neutralises cells a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@`, tab, CR in front get a `'`): every command
/// with `--format csv` (found from the commands' own help, so a new one
/// cannot be missed), `rewards export` with its delimiters, the rejects file
/// of an import and the demo's action export.
@Suite("Robustness: formulas in CSV exports", .tags(.slow))
struct RobustnessCSVFormulaTests {
    static let formulaName = "=HYPERLINK(\"http://evil.example\",\"click\")"
    static let formulaTeam = "+33 1 23 45"
    static let formulaHRID = "@HR-1"
    static let formulaEmail = "=formula@corp.fr"
    static let formulaProject = "=1+1"
    static let formulaTitle = "@SUM(A1:A9)"

    /// A CSV command line, who runs it, and the cells it must hold guarded.
    struct Export: CustomStringConvertible {
        var arguments: [String]
        var actor: String
        var guarded: [String]
        var description: String { arguments.joined(separator: " ") }
    }

    /// Every command whose `--format` offers csv, by its help in `cli-reference`.
    static func csvCommands() -> Set<String> {
        var commands: Set<String> = []
        var current: String?
        for line in CLIReferenceCommand.markdown().split(separator: "\n") {
            if let match = line.firstMatch(of: /^## `advocacy (.+)`$/) { current = String(match.1) }
            if let current, line.trimmingCharacters(in: .whitespaces).hasPrefix("--format"), line.contains("csv") {
                commands.insert(current)
            }
        }
        return commands
    }

    /// A cell as a spreadsheet meets it is safe: nothing a formula guard would change.
    static func unsafeCells(_ rows: [[String]]) -> [String] {
        rows.flatMap { $0 }.filter { CSVWriter.neutralised($0) != $0 }
    }

    @Test func everyCSVExportNeutralisesFormulas() throws {
        let world = try RobustnessHostileInputTests.World()
        let cli = world.cli
        let (admin, hr, period) = (world.admin, world.hr, world.period)
        // The person with the first proposal: their name, team and HR id become formulas.
        let (person, project) = try DatabaseQueue(path: cli.databasePath).read { db in
            (
                try String.fetchOne(
                    db, sql: "SELECT e.email FROM rewardProposal p JOIN employee e ON e.id = p.employeeId ORDER BY p.id LIMIT 1")
                    ?? "",
                try String.fetchOne(db, sql: "SELECT code FROM project ORDER BY id LIMIT 1") ?? ""
            )
        }
        try cli.expectSuccess(
            ["employee", "update", person, "--name", Self.formulaName, "--team", Self.formulaTeam, "--hr-id", Self.formulaHRID],
            as: admin)
        try cli.expectSuccess(["employee", "add", Self.formulaEmail, "--name", "Formula Person"], as: admin)
        try cli.expectSuccess(
            ["channel", "add", Self.formulaEmail, "https://formula.example.org", "--kind", "blog"], as: Self.formulaEmail)
        try cli.expectSuccess(["project", "update", project, "--name", Self.formulaProject], as: admin)
        let url = "https://formula.example.org/posts/1"
        try cli.expectSuccess(
            ["log", url, "--title", Self.formulaTitle, "--project", project, "--reactions", "9"], as: Self.formulaEmail)
        // Every reward's name starts with '-': the proposals copy them.
        let codes = try JSONValue.parse(cli.run(["rewards", "catalog", "list", "--format", "json"], as: hr).output).array
            .compactMap { $0["code"]?.string }
        for code in codes {
            try cli.expectSuccess(["rewards", "catalog", "update", code, "--name=-\(code) reward"], as: hr)
        }
        try cli.expectSuccess(["rewards", "wish", codes[0]], as: person)
        try cli.expectSuccess(["rewards", "propose", "--period", period], as: hr)
        let ids = try JSONValue.parse(cli.run(["rewards", "list", "--format", "json", "--period", period], as: hr).output).array
            .filter { $0["email"]?.string == person }.compactMap { $0["id"]?.int }
        try #require(!ids.isEmpty, "the person keeps a proposal")
        try cli.expectSuccess(["rewards", "approve", String(ids[0])], as: world.cio)
        let reward = "'-\(codes[0]) reward"

        let exports: [String: Export] = [
            "employee list": Export(
                arguments: ["employee", "list"], actor: admin,
                guarded: ["'" + Self.formulaName, "'" + Self.formulaTeam, "'" + Self.formulaHRID, "'" + Self.formulaEmail]),
            "employee show": Export(
                arguments: ["employee", "show", person], actor: admin,
                guarded: ["'" + Self.formulaName, "'" + Self.formulaTeam, "'" + Self.formulaHRID]),
            "channel list": Export(arguments: ["channel", "list"], actor: admin, guarded: ["'" + Self.formulaEmail]),
            "project list": Export(arguments: ["project", "list"], actor: admin, guarded: ["'" + Self.formulaProject]),
            "project show": Export(arguments: ["project", "show", project], actor: admin, guarded: ["'" + Self.formulaProject]),
            "action list": Export(
                arguments: ["action", "list"], actor: admin, guarded: ["'" + Self.formulaTitle, "'" + Self.formulaEmail]),
            "action show": Export(
                arguments: ["action", "show", url], actor: admin, guarded: ["'" + Self.formulaTitle, "'" + Self.formulaEmail]),
            "rank": Export(
                arguments: ["rank", "--period", period], actor: admin, guarded: ["'" + Self.formulaName, "'" + Self.formulaTeam]),
            "rewards catalog list": Export(arguments: ["rewards", "catalog", "list"], actor: hr, guarded: [reward]),
            "rewards budget show": Export(arguments: ["rewards", "budget", "show"], actor: hr, guarded: []),
            "rewards wish list": Export(
                arguments: ["rewards", "wish", "list"], actor: hr, guarded: ["'" + Self.formulaName, reward]),
            "rewards list": Export(
                arguments: ["rewards", "list", "--period", period], actor: hr,
                guarded: ["'" + Self.formulaName, "'" + Self.formulaTeam]),
            "audit": Export(arguments: ["audit"], actor: admin, guarded: []),
            "policy history": Export(arguments: ["policy", "history"], actor: admin, guarded: []),
            "review list": Export(
                arguments: ["review", "list", "--status", "all"], actor: admin,
                guarded: ["'" + Self.formulaTitle, "'" + Self.formulaEmail]),
            "rewards export": Export(
                arguments: ["rewards", "export", "--period", period, "--status", "all"], actor: hr,
                guarded: ["'" + Self.formulaName, "'" + Self.formulaTeam, "'" + Self.formulaHRID]),
        ]
        #expect(Set(exports.keys) == Self.csvCommands(), "a command offers --format csv without a check here, or the reverse")

        for (name, export) in exports.sorted(by: { $0.key < $1.key }) {
            let arguments = export.arguments + (name == "rewards export" ? [] : ["--format", "csv"])
            let result = cli.run(arguments, as: export.actor)
            #expect(result.status == 0, "\(name): \(result.error)")
            let rows = try Hostile.csvRows(result.output)
            #expect(rows.count > 1, "\(name): no rows")
            #expect(Self.unsafeCells(rows).isEmpty, "\(name): unguarded cells \(Self.unsafeCells(rows))")
            let cells = Set(rows.flatMap { $0 })
            for cell in export.guarded { #expect(cells.contains(cell), "\(name): no cell \(cell)") }
        }

        // The HR export in every delimiter, with and without a byte-order mark, and to a file.
        for delimiter in [";", "|", "tab"] {
            let result = cli.run(
                ["rewards", "export", "--period", period, "--status", "all", "--delimiter", delimiter, "--bom"], as: hr)
            var reader = CSVReader(data: Data(result.output.utf8), delimiter: try CSVDelimiter(parsing: delimiter))
            var rows: [[String]] = []
            while let row = try reader.next() { rows.append(row) }
            #expect(rows.count > 1 && Self.unsafeCells(rows).isEmpty, "export with \(delimiter): \(Self.unsafeCells(rows))")
            #expect(rows.flatMap { $0 }.contains("'" + Self.formulaName))
        }
        let file = cli.folder.appendingPathComponent("export.csv").path
        try cli.expectSuccess(["rewards", "export", "--period", period, "--status", "all", "--output", file], as: hr)
        let written = try Hostile.csvRows(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self))
        #expect(Self.unsafeCells(written).isEmpty && written.flatMap { $0 }.contains("'" + Self.formulaName))

        // An import's rejects file repeats the refused cells: guarded too.
        let roster = try cli.file("roster.csv", "email,name,team\nnot-an-email,=1+1,@team\n")
        let imported = cli.run(["import", "employees", roster, "--skip-invalid"], as: admin)
        #expect(imported.status == 0, "\(imported.error)")
        let rejects = try Hostile.csvRows(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: roster + ".rejects.csv")), as: UTF8.self))
        #expect(Self.unsafeCells(rejects).isEmpty, "rejects: \(Self.unsafeCells(rejects))")
        #expect(rejects.dropFirst().first?.prefix(3) == ["not-an-email", "'=1+1", "'@team"])
    }

    @Test func theDemoActionExportIsSafe() throws {
        let cli = try CLIHarness()
        let file = cli.folder.appendingPathComponent("actions.csv").path
        try cli.expectSuccess("demo", "--employees", "20", "--export-actions", file)
        let rows = try Hostile.csvRows(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self))
        #expect(rows.count > 1 && Self.unsafeCells(rows).isEmpty)
    }
}
