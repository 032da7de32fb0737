import AdvocacyCore
import AdvocacyPresentation
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI
@testable import AdvocacyStore

/// Control characters already in the database (written by an older release
/// or another tool: the commands now refuse them) never reach a terminal
/// raw: text output shows them as `\u001B`, JSON keeps them escaped as JSON
/// does, and CSV keeps the bytes, since a cell is data.
@Suite("Robustness: terminal escapes", .tags(.slow))
struct RobustnessTerminalEscapeTests {
    /// Colour, window title, bell, a C1 CSI, DEL and backspaces.
    static let planted = "Evil\u{1B}[31m red\u{1B}]0;pwned\u{07} \u{9B}2J\u{7F}\u{08}end"
    static let shown = "Evil\\u001B[31m red\\u001B]0;pwned\\u0007 \\u009B2J\\u007F\\u0008end"

    /// A programme whose names, team, project, title and reward hold `planted`, written straight to the file.
    static func programme() throws -> CLIHarness {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess(
            "channel", "add", "jane@corp.fr", "https://jane.example.org", "--kind", "blog", "--followers", "900",
            as: "jane@corp.fr")
        try cli.expectSuccess(
            "log", "https://jane.example.org/posts/1", "--date", "2026-11-02", "--reactions", "40", "--comments", "6",
            "--project", "ERP-2027",
            as: "jane@corp.fr")
        try cli.expectSuccess(
            "rewards", "catalog", "add", "BOOK-1", "--name", "A book", "--category", "book", "--cost", "30", as: "hr@corp.fr")
        try AdvocacyStore.rawQueue(atPath: cli.databasePath).write { db in
            try db.execute(
                sql: "UPDATE employee SET fullName = ?, team = ? WHERE email = 'jane@corp.fr'", arguments: [planted, planted])
            try db.execute(sql: "UPDATE project SET name = ?", arguments: [planted])
            try db.execute(sql: "UPDATE action SET title = ?", arguments: [planted])
            try db.execute(sql: "UPDATE rewardItem SET name = ?", arguments: [planted])
        }
        return cli
    }

    struct View: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var actor = "admin@corp.fr"
        /// Whether it prints one of the planted texts.
        var shows = true
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let textViews: [View] = [
        View(arguments: ["employee", "list"]), View(arguments: ["employee", "show", "jane@corp.fr"]),
        View(arguments: ["project", "list"]), View(arguments: ["project", "show", "ERP-2027"]),
        View(arguments: ["action", "list"]), View(arguments: ["action", "show", "https://jane.example.org/posts/1"]),
        View(arguments: ["channel", "list"], shows: false), View(arguments: ["rewards", "catalog", "list"], actor: "hr@corp.fr"),
        View(arguments: ["rank", "--period", "2026-Q4"]), View(arguments: ["rank", "--period", "2026-Q4", "--by", "team"]),
        View(arguments: ["explain", "jane@corp.fr", "--period", "2026-Q4"], actor: "jane@corp.fr"),
        View(arguments: ["report", "--period", "2026-Q4", "--format", "text"], actor: "cio@corp.fr"),
        View(arguments: ["report", "--period", "2026-Q4", "--format", "markdown"], actor: "cio@corp.fr"),
        View(arguments: ["project", "update", "ERP-2027", "--weight", "2"]),
        View(
            arguments: ["metrics", "https://jane.example.org/posts/1", "--reactions", "41"], actor: "jane@corp.fr", shows: false),
    ]

    @Test(arguments: textViews)
    func textOutputShowsControlCharactersAsEscapes(_ view: View) throws {
        let cli = try Self.programme()
        let result = cli.run(view.arguments, as: view.actor)
        #expect(result.status == 0, "\(result.error)")
        #expect(
            Hostile.rawControls(result.output).isEmpty,
            "raw \(Hostile.rawControls(result.output)) in \(Hostile.show(result.output))")
        #expect(Hostile.rawControls(result.error).isEmpty)
        // Somewhere it shows the planted text, visibly (tables may cut it short).
        if view.shows { #expect(result.output.contains("Evil\\u001B"), "\(Hostile.show(result.output))") }
    }

    @Test func jsonKeepsThemEscapedAndCSVKeepsTheBytes() throws {
        let cli = try Self.programme()
        let json = cli.run(["employee", "show", "jane@corp.fr", "--format", "json"], as: "admin@corp.fr")
        #expect(Hostile.rawControls(json.output).isEmpty)
        let record = try JSONValue.parse(json.output)
        #expect(Hostile.same(record["name"]?.string, Self.planted) && Hostile.same(record["team"]?.string, Self.planted))
        let titles = try JSONValue.parse(cli.run(["action", "list", "--format", "json"], as: "admin@corp.fr").output).array
            .compactMap { $0["title"]?.string }
        #expect(titles.count == 1 && Hostile.same(titles.first, Self.planted))

        let csv = cli.run(["employee", "list", "--format", "csv"], as: "admin@corp.fr").output
        #expect(Hostile.same(try Hostile.csvCell(csv, column: "name", keyColumn: "email", key: "jane@corp.fr"), Self.planted))
        let catalogue = cli.run(["rewards", "catalog", "list", "--format", "csv"], as: "hr@corp.fr").output
        #expect(Hostile.same(try Hostile.csvCell(catalogue, column: "name", keyColumn: "code", key: "BOOK-1"), Self.planted))
    }

    @Test func errorMessagesShowWhatWasTypedVisiblyOnOneLine() throws {
        let cli = try Self.programme()
        for arguments in [
            ["employee", "show", "x\u{1B}[31m@corp.fr"], ["project", "show", "\u{1B}]0;pwned\u{07}"],
            ["log", "not a web address\u{9B}2J\n"],
            ["rank", "--period", "2026\u{1B}[2J"], ["employee", "list", "--db", "/nowhere/\u{1B}[31m\n.sqlite"],
        ] {
            let result = cli.run(arguments, as: "admin@corp.fr")
            #expect(result.status != 0)
            #expect(Hostile.refusalProblems(result).isEmpty, "\(arguments): \(Hostile.refusalProblems(result))")
            #expect(result.error.contains("\\u001B") || result.error.contains("\\u009B"), "\(Hostile.show(result.error))")
        }
    }

    @Test func aTitleTakenFromAnAddressHoldsNoControlCharacter() throws {
        let cli = try Self.programme()
        try cli.expectSuccess("log", "https://jane.example.org/posts/%1B%5B31m-red-%C2%9B2J", as: "jane@corp.fr")
        let title = try DatabaseQueue(path: cli.databasePath).read { db in
            try String.fetchOne(db, sql: "SELECT title FROM action WHERE url LIKE '%red%'")
        }
        #expect(title == "[31m red 2J")
    }

    @Test func theEscapingIsTheOneJSONUses() throws {
        #expect(TerminalText.visible("a\u{1B}b\nc\td\u{85}e\u{7F}") == "a\\u001Bb\nc\td\\u0085e\\u007F")
        #expect(TerminalText.oneLine("a\nb\tc\r\n") == "a\\u000Ab\\u0009c\\u000D\\u000A")
        #expect(TerminalText.visible("é 👨‍👩‍👧 \u{202E}x") == "é 👨‍👩‍👧 \u{202E}x")
        // Printed through the escaping, a JSON document still reads as the same strings.
        let text = "\u{7F}\u{85}\u{9B}\\\u{1B}\"x"
        let json = try CommandContext.json(["k": text])
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(TerminalText.visible(json).utf8))
        #expect(Hostile.same(decoded["k"], text))
        #expect(Hostile.rawControls(TerminalText.visible(json)).isEmpty)
    }
}
