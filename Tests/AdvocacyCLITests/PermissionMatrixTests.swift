import AdvocacyCore
import AdvocacyTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import AdvocacyCLI

/// Runs every command as each role against someone else's data and checks
/// the outcome against the permission matrix in docs/security.md.
@Suite("The permission matrix")
struct PermissionMatrixTests {
    static let roles = ["staff", "cio", "hr", "admin"]
    /// Who plays each role; Jane (staff) owns the data every command targets.
    static let actors = ["staff": "paul@corp.fr", "cio": "cio@corp.fr", "hr": "hr@corp.fr", "admin": "admin@corp.fr"]

    /// The matrix as docs/security.md states it: command → role → yes, no, own or self.
    static func documentedMatrix() throws -> [String: [String: String]] {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("docs/security.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        guard let start = text.range(of: "<!-- permission-matrix"), let end = text.range(of: "<!-- end of permission-matrix -->")
        else {
            throw CLIHarness.CommandFailed(description: "docs/security.md has no permission-matrix markers")
        }
        var matrix: [String: [String: String]] = [:]
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let command = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            matrix[command] = Dictionary(uniqueKeysWithValues: zip(roles, cells.dropFirst()))
        }
        return matrix
    }

    /// Every command a user can type, as "group subcommand" (hidden ones left out).
    static func commandNames() -> [String] {
        var names: [String] = []
        func visit(_ command: any ParsableCommand.Type, path: [String]) {
            guard command.configuration.shouldDisplay else { return }
            if command.configuration.subcommands.isEmpty { names.append(path.joined(separator: " ")) }
            for sub in command.configuration.subcommands { visit(sub, path: path + [sub._commandName]) }
        }
        visit(AdvocacyCommand.self, path: [])
        return names
    }

    /// A programme where Jane has a channel with a feed file, an action, a
    /// wish, and the quarter has a catalogue, a budget and proposals; and the
    /// files the import commands read, about Jane.
    nonisolated(unsafe) static let base: Result<CLIHarness, any Error> = Result {
        let cli = try CLIHarness.withProgramme()
        let (jane, hr, admin) = ("jane@corp.fr", "hr@corp.fr", "admin@corp.fr")
        try cli.expectSuccess("channel", "add", jane, "https://jane.example.org", "--followers", "1500", as: jane)
        try cli.expectSuccess("channel", "add", jane, "@janedoe", "--followers", "900", as: jane)
        try cli.expectSuccess("channel", "add", jane, "https://www.linkedin.com/in/janedoe", as: jane)
        try cli.expectSuccess("channel", "add", jane, "https://mastodon.example/@janedoe", "--kind", "mastodon", as: jane)
        try cli.expectSuccess(
            "log", "https://jane.example.org/erp", "--project", "ERP-2027", "--reactions", "40", "--effort", "8", as: jane)
        try cli.expectSuccess(
            "rewards", "catalog", "add", "BOOK-1", "--name", "Un livre", "--category", "book", "--cost", "40", as: hr)
        try cli.expectSuccess("rewards", "budget", "set", "2026-Q4", "1000", as: hr)
        try cli.expectSuccess("rewards", "wish", "BOOK-1", as: jane)
        try cli.expectSuccess("rewards", "propose", "--period", "2026-Q4", as: hr)
        _ = try cli.file("roster.csv", "email,name\nnew.hire@corp.fr,New Hire\n")
        _ = try cli.file("actions.csv", "email,url,date,title\njane@corp.fr,https://jane.example.org/other,2026-11-02,Another\n")
        _ = try cli.file("followers.csv", "url,date,followers\nhttps://jane.example.org,2026-11-20,1700\n")
        _ = try cli.file(
            "x.csv",
            "Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,retweets,replies,likes\n1,https://x.com/janedoe/status/1,Hello,2026-11-02 10:00 +0000,100,5,0.05,1,1,3\n"
        )
        _ = try cli.file(
            "outbox.json",
            """
            {"type": "OrderedCollection", "orderedItems": [{"type": "Create", "actor": "https://mastodon.social/users/janedoe",
             "to": ["https://www.w3.org/ns/activitystreams#Public"], "object": {"type": "Note", "content": "<p>Bonjour</p>",
             "url": "https://mastodon.social/@janedoe/1", "published": "2026-11-02T10:00:00Z"}}]}
            """)
        _ = try cli.file(
            "shares.csv",
            "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2026-11-02 10:00:00,https://www.linkedin.com/feed/update/urn:li:ugcPost:7390000000000000000,Bonjour,,,MEMBER_NETWORK\n"
        )
        _ = try cli.file(
            "feed.xml",
            """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Jane</title><link>https://jane.example.org</link>
            <item><title>Un article</title><link>https://jane.example.org/article</link><pubDate>Mon, 02 Nov 2026 10:00:00 +0000</pubDate></item>
            </channel></rss>
            """)
        _ = try cli.file(
            "policy.toml",
            try cli.expectSuccess("policy", "show").output.replacingOccurrences(of: "micro = 1000", with: "micro = 1100"))
        _ = admin
        return cli
    }

    /// How each command is run: always on Jane's data, or on the programme.
    static func invocation(_ command: String, in folder: URL) -> [String] {
        func file(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let jane = "jane@corp.fr"
        return switch command {
        case "init": ["init"]
        case "demo": ["demo", "--force", "--employees", "12"]
        case "employee add": ["employee", "add", "someone.new@corp.fr", "--name", "Someone New"]
        case "employee show": ["employee", "show", jane]
        case "employee update": ["employee", "update", jane, "--team", "Ops"]
        case "employee deactivate": ["employee", "deactivate", jane]
        case "channel add": ["channel", "add", jane, "https://mastodon.social/@janedoe"]
        case "channel followers": ["channel", "followers", "https://jane.example.org", "1800"]
        case "settings set": ["settings", "set", "fetch.allowed-hosts", "blog.intranet.example"]
        case "channel update": ["channel", "update", "https://jane.example.org", "--feed", "https://jane.example.org/feed.xml"]
        case "project add": ["project", "add", "NEW-1", "--name", "New"]
        case "project show": ["project", "show", "ERP-2027"]
        case "project update": ["project", "update", "ERP-2027", "--weight", "2"]
        case "project close": ["project", "close", "ERP-2027"]
        case "log": ["log", "https://jane.example.org/third", "--for", jane]
        case "metrics": ["metrics", "https://jane.example.org/erp", "--reactions", "55"]
        case "action show": ["action", "show", "https://jane.example.org/erp"]
        case "action update": ["action", "update", "https://jane.example.org/erp", "--title", "Corrected"]
        case "action remove": ["action", "remove", "https://jane.example.org/erp"]
        case "explain": ["explain", jane]
        case "policy set": ["policy", "set", file("policy.toml")]
        case "policy validate": ["policy", "validate", file("policy.toml")]
        case "review list": ["review", "list"]
        case "review accept": ["review", "accept", "https://jane.example.org/erp"]
        case "review adjust": ["review", "adjust", "https://jane.example.org/erp", "--effort", "4", "--reason", "four hours"]
        case "review reject": ["review", "reject", "https://jane.example.org/erp", "--reason", "not found"]
        case "review clear": ["review", "clear", jane, "--flag", "busy-day", "--note", "checked"]
        case "review confirm": ["review", "confirm", jane, "--flag", "busy-day", "--note", "checked"]
        case "rewards catalog add":
            ["rewards", "catalog", "add", "CONF-1", "--name", "Conf", "--category", "conference", "--cost", "300"]
        case "rewards catalog update": ["rewards", "catalog", "update", "BOOK-1", "--stock", "3"]
        case "rewards catalog remove": ["rewards", "catalog", "remove", "BOOK-1"]
        case "rewards budget set": ["rewards", "budget", "set", "2026-Q4", "1200"]
        case "rewards budget show": ["rewards", "budget", "show", "2026-Q4"]
        case "rewards wish add": ["rewards", "wish", "BOOK-1"]
        case "rewards wish list": ["rewards", "wish", "list", jane]
        case "rewards wish remove": ["rewards", "wish", "remove", "BOOK-1"]
        case "rewards clear": ["rewards", "clear", jane, "--period", "2026-Q4", "--note", "checked"]
        case "rewards propose": ["rewards", "propose", "--period", "2026-Q4"]
        case "rewards list": ["rewards", "list", "--period", "2026-Q4"]
        case "rewards approve": ["rewards", "approve", "1"]
        case "rewards reject": ["rewards", "reject", "1", "--note", "no"]
        case "rewards grant": ["rewards", "grant", "1"]
        case "rewards export": ["rewards", "export", "--period", "2026-Q4"]
        case "import employees": ["import", "employees", file("roster.csv")]
        case "import actions": ["import", "actions", file("actions.csv")]
        case "import followers": ["import", "followers", file("followers.csv")]
        case "import x-analytics": ["import", "x-analytics", file("x.csv"), "--for", jane]
        case "import linkedin": ["import", "linkedin", file("shares.csv"), "--for", jane]
        case "import mastodon": ["import", "mastodon", file("outbox.json"), "--for", jane]
        case "import feed": ["import", "feed", file("feed.xml"), "--for", jane]
        case "sync feeds": ["sync", "feeds", "--channel", "https://jane.example.org"]
        case "sync mastodon": ["sync", "mastodon", "--channel", "https://mastodon.example/@janedoe", "--timeout", "2"]
        case "sync all": ["sync", "--timeout", "2"]
        case "privacy consent": ["privacy", "consent", jane, "--grant"]
        case "privacy export": ["privacy", "export", jane]
        case "privacy erase": ["privacy", "erase", jane]
        case "privacy purge": ["privacy", "purge", "--older-than", "24m", "--dry-run"]
        case "privacy hide": ["privacy", "hide", jane]
        case "privacy unhide": ["privacy", "unhide", jane]
        case "backup": ["backup", file("backup-\(UUID().uuidString).sqlite")]
        default: command.split(separator: " ").map(String.init)
        }
    }

    @Test func everyCommandIsInTheMatrix() throws {
        let matrix = try Self.documentedMatrix()
        let commands = Self.commandNames()
        #expect(commands.count > 40)
        for command in commands { #expect(matrix[command] != nil, "docs/security.md has no row for '\(command)'") }
        for command in matrix.keys {
            #expect(commands.contains(command), "docs/security.md lists '\(command)', which is not a command")
        }
    }

    @Test(.tags(.slow), arguments: roles)
    func eachRoleGetsWhatTheMatrixSays(role: String) throws {
        let matrix = try Self.documentedMatrix()
        let base = try Self.base.get()
        for (command, cells) in matrix.sorted(by: { $0.key < $1.key }) {
            let expected = try #require(cells[role])
            // A fresh copy of the programme for every command, so one command's change does not decide another's fate.
            let cli = try CLIHarness()
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: base.databasePath + suffix) {
                try FileManager.default.copyItem(atPath: base.databasePath + suffix, toPath: cli.databasePath + suffix)
            }
            let result = cli.run(Self.invocation(command, in: base.folder), as: Self.actors[role])
            let refused = result.status == ExitStatus.permissionRefused || result.error.contains(" may not ")
            if expected == "yes" || expected == "self" {
                #expect(!refused, "\(command) as \(role): expected allowed, got \(result.status): \(result.error)")
            } else {
                #expect(refused, "\(command) as \(role): expected refused (\(expected)), got \(result.status): \(result.error)")
            }
        }
    }
}
