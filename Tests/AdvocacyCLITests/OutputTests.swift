import AdvocacyCore
import AdvocacyPresentation
import AdvocacyStore
import Foundation
import Testing

@testable import AdvocacyCLI

@Suite("Output formats")
struct OutputTests {
    @Test func jsonListsAreArraysOfCamelCaseObjects() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("employee", "update", "jane@corp.fr", "--hr-id", "M001", as: "admin@corp.fr")
        let employees = try #require(try cli.json(cli.run("employee", "list", "--format", "json")) as? [[String: Any]])
        let jane = try #require(employees.first { $0["email"] as? String == "jane@corp.fr" })
        #expect(Set(jane.keys) == ["email", "name", "team", "role", "hrId", "active", "createdAt"])
        #expect(jane["createdAt"] as? String == "2026-11-21T12:00:00Z")
        let projects = try #require(try cli.json(cli.run("project", "list", "--format", "json")) as? [[String: Any]])
        #expect(Set(projects[0].keys) == ["code", "name", "weight", "status", "start", "end", "actions", "advocates"])
        #expect(projects[0]["end"] is NSNull)
        let empty = try #require(try cli.json(cli.run("action", "list", "--format", "json")) as? [Any])
        #expect(empty.isEmpty)
    }

    /// `action list` streams its JSON and CSV in pieces; what it prints is
    /// byte for byte what encoding the whole list at once gives, across the
    /// 1 MB piece boundary.
    @Test func streamedActionListsMatchTheWholeListEncoded() throws {
        let cli = try CLIHarness()
        try cli.expectSuccess("demo", "--employees", "40", "--actions", "6000")
        let actions = try AdvocacyStore.open(atPath: cli.databasePath).actions()
        #expect(actions.count > 5_000)
        let csv = try cli.expectSuccess("action", "list", "--format", "csv").output
        #expect(csv.utf8.count > 1 << 20)
        #expect(csv == Table(columns: Action.columns, rows: actions.map(\.row)).csv())
        let json = try cli.expectSuccess("action", "list", "--format", "json").output
        #expect(json == TerminalText.visible(try CommandContext.json(actions)) + "\n")
        let none = try cli.expectSuccess("action", "list", "--format", "json", "--period", "2001-Q1").output
        #expect(none == TerminalText.visible(try CommandContext.json([Action]())) + "\n")
    }

    @Test func csvQuotesAndDefusesFormulas() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess(
            "employee", "add", "eve@corp.fr", "--name", "=HYPERLINK(\"http://evil\")", "--team", "Data, \"Core\"",
            as: "admin@corp.fr")
        try cli.expectSuccess("employee", "add", "bob@corp.fr", "--name", "@bob", "--team", "+33", as: "admin@corp.fr")
        let csv = try cli.expectSuccess("employee", "list", "--format", "csv").output
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "email,name,team,role,hrId,active")
        #expect(lines.contains("eve@corp.fr,\"'=HYPERLINK(\"\"http://evil\"\")\",\"Data, \"\"Core\"\"\",staff,,yes"))
        #expect(lines.contains("bob@corp.fr,'@bob,'+33,staff,,yes"))
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func textTablesAlignAndNamesShowAsTyped() throws {
        let cli = try CLIHarness.withProgramme()
        let text = try cli.expectSuccess("employee", "list").output
        let lines = text.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("email"))
        let nameColumn = lines[0].range(of: "name")!.lowerBound.utf16Offset(in: lines[0])
        for line in lines.dropFirst() {
            #expect(line.dropFirst(nameColumn).first?.isLetter == true, "\(line)")
        }
        #expect(text.contains("Paul Martin") && text.contains("Sécurité"))
    }

    @Test func helpGoesToStandardOutputAndExitsZero() throws {
        let cli = try CLIHarness()
        let help = cli.run("--help")
        #expect(help.status == 0)
        #expect(help.output.contains("USAGE: advocacy <subcommand>"))
        let logHelp = cli.run("log", "--help")
        #expect(logHelp.status == 0 && logHelp.output.contains("--project <code>"))
        #expect(cli.run("employee").output.contains("deactivate"))
    }

    @Test func cliReferenceIsUpToDate() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("docs/cli.md")
        let committed = try String(contentsOf: docs, encoding: .utf8)
        #expect(committed == CLIReferenceCommand.markdown(), "docs/cli.md is stale: run scripts/gen-cli-docs.sh")
    }
}

@Suite("Database location")
struct DatabaseLocationTests {
    @Test func theDatabaseIsFoundFromOptionEnvironmentOrXDG() throws {
        let cli = try CLIHarness()
        cli.environment["ADVOCACY_DB"] = nil
        let home = cli.folder.path
        // Default: ~/.local/share/advocacy/advocacy.sqlite.
        try cli.expectSuccess("init")
        #expect(FileManager.default.fileExists(atPath: home + "/.local/share/advocacy/advocacy.sqlite"))
        // XDG_DATA_HOME wins over HOME.
        cli.environment["XDG_DATA_HOME"] = home + "/xdg"
        try cli.expectSuccess("init")
        #expect(FileManager.default.fileExists(atPath: home + "/xdg/advocacy/advocacy.sqlite"))
        // ADVOCACY_DB wins over XDG, and --db over both, before or after the subcommand.
        cli.environment["ADVOCACY_DB"] = home + "/env.sqlite"
        try cli.expectSuccess("init")
        try cli.expectSuccess("--db", home + "/option.sqlite", "init")
        try cli.expectSuccess("init", "--db", home + "/after.sqlite")
        for name in ["env.sqlite", "option.sqlite", "after.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: home + "/" + name), "\(name)")
        }
        let listed = cli.run("--db", home + "/option.sqlite", "--verbose", "employee", "list")
        #expect(listed.status == 0 && listed.error.contains("option.sqlite"))
        #expect(
            cli.run("--as", "nobody@corp.fr", "--db", home + "/option.sqlite", "project", "add", "X1", "--name", "X").error
                .contains("nobody@corp.fr is not a registered employee"))
    }
}

@Suite("Demo")
struct DemoCommandTests {
    @Test func buildsAProgrammeAndRefusesToOverwriteIt() throws {
        let cli = try CLIHarness()
        let demo = try cli.expectSuccess("demo")
        #expect(demo.output.contains("40 employees"))
        let admin = try #require(demo.output.firstMatch(of: /admin  (\S+)/)?.1)
        let cio = try #require(demo.output.firstMatch(of: /cio    (\S+)/)?.1)
        #expect(try cli.json(cli.run("employee", "show", String(cio), "--format", "json")) is [String: Any])
        // The printed admin really is one: they can add a project.
        try cli.expectSuccess("project", "add", "DEMO-1", "--name", "Démo", as: String(admin))

        let again = cli.run("demo")
        #expect(again.status == 1 && again.error.contains("--force"))
        let anonymous = cli.run("demo", "--force")
        #expect(anonymous.status == 1 && anonymous.error.contains("needs an admin"))
        #expect(cli.run("demo", "--force", as: String(cio)).status == 77)
        let forced = try cli.expectSuccess("demo", "--force", "--employees", "12", "--seed", "5", as: String(admin))
        #expect(forced.output.contains("12 employees"))
        let employees = try #require(try cli.json(cli.run("employee", "list", "--format", "json")) as? [Any])
        #expect(employees.count == 12)
    }

    @Test func theSameSeedPrintsTheSameSummary() throws {
        let a = try CLIHarness(), b = try CLIHarness()
        let first = try a.expectSuccess("demo", "--seed", "9").output.replacingOccurrences(of: a.databasePath, with: "DB")
        let second = try b.expectSuccess("demo", "--seed", "9").output.replacingOccurrences(of: b.databasePath, with: "DB")
        #expect(first == second)
        #expect(a.run("demo", "--employees", "2").status == 64)
    }
}
