import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI
@testable import AdvocacyStore

/// Hostile strings as the value of every option and argument that is not
/// free text (emails, codes, addresses, dates, periods, numbers, words from
/// a closed list, file paths, the database and the acting user): each
/// command either runs or is refused with exactly one line on standard
/// error, never a crash, a stack trace, a raw control character or a
/// 100 kB message.
@Suite("Robustness: hostile input in options and arguments", .tags(.slow))
struct RobustnessHostileOptionTests {
    /// A command line with `§` where the hostile value goes (and `@DIR@` for the harness's folder).
    struct Template: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var actor: String?
        var testDescription: String { arguments.joined(separator: " ") }

        init(_ arguments: String..., as actor: String? = "admin@corp.fr") {
            self.arguments = arguments
            self.actor = actor
        }
    }

    static let templates: [Template] = [
        Template("employee", "add", "§", "--name", "N"),
        Template("employee", "add", "new@corp.fr", "--name", "N", "--role", "§"),
        Template("employee", "show", "§"),
        Template("employee", "list", "--team", "§"),
        Template("employee", "update", "§", "--name", "N"),
        Template("employee", "deactivate", "§"),
        Template("channel", "add", "jane@corp.fr", "§", as: "jane@corp.fr"),
        Template("channel", "add", "jane@corp.fr", "https://new.example.org", "--kind", "§", as: "jane@corp.fr"),
        Template(
            "channel", "add", "jane@corp.fr", "https://new.example.org", "--kind", "blog", "--feed", "§", as: "jane@corp.fr"),
        Template("channel", "add", "jane@corp.fr", "https://new.example.org", "--scope", "§", as: "jane@corp.fr"),
        Template("channel", "list", "§"),
        Template("channel", "followers", "§", "10", as: "jane@corp.fr"),
        Template("channel", "followers", "https://jane.example.org", "§", as: "jane@corp.fr"),
        Template("project", "add", "§", "--name", "N"),
        Template("project", "add", "NEW-1", "--name", "N", "--weight", "§"),
        Template("project", "add", "NEW-1", "--name", "N", "--status", "§"),
        Template("project", "add", "NEW-1", "--name", "N", "--start", "§"),
        Template("project", "show", "§"),
        Template("project", "close", "§"),
        Template("log", "§", as: "jane@corp.fr"),
        Template("log", "https://jane.example.org/new", "--project", "§", as: "jane@corp.fr"),
        Template("log", "https://jane.example.org/new", "--kind", "§", as: "jane@corp.fr"),
        Template("log", "https://jane.example.org/new", "--date", "§", as: "jane@corp.fr"),
        Template("log", "https://jane.example.org/new", "--effort", "§", as: "jane@corp.fr"),
        Template("log", "https://jane.example.org/new", "--reactions", "§", as: "jane@corp.fr"),
        Template("log", "https://jane.example.org/new", "--for", "§"),
        Template("metrics", "§", "--reactions", "1", as: "jane@corp.fr"),
        Template("metrics", "https://jane.example.org/posts/1", "--date", "§", "--reactions", "1", as: "jane@corp.fr"),
        Template("action", "list", "--period", "§"),
        Template("action", "list", "--from", "§"),
        Template("action", "list", "--employee", "§"),
        Template("action", "show", "§"),
        Template("action", "remove", "§", as: "jane@corp.fr"),
        Template("rank", "--team", "§"),
        Template("rank", "--tier", "§"),
        Template("rank", "--by", "§"),
        Template("rank", "--top", "§"),
        Template("rank", "--channel", "§"),
        Template("explain", "§"),
        Template("report", "--compare", "§"),
        Template("report", "--lang", "§"),
        Template("report", "--output", "@DIR@/§"),
        Template("policy", "validate", "@DIR@/§"),
        Template("rewards", "catalog", "add", "§", "--name", "N", "--category", "book", "--cost", "1", as: "hr@corp.fr"),
        Template("rewards", "catalog", "add", "NEW-1", "--name", "N", "--category", "§", "--cost", "1", as: "hr@corp.fr"),
        Template("rewards", "catalog", "add", "NEW-1", "--name", "N", "--category", "book", "--cost", "§", as: "hr@corp.fr"),
        Template(
            "rewards", "catalog", "add", "NEW-1", "--name", "N", "--category", "book", "--cost", "1", "--stock", "§",
            as: "hr@corp.fr"),
        Template("rewards", "catalog", "update", "BOOK-1", "--min-tier", "§", as: "hr@corp.fr"),
        Template("rewards", "budget", "set", "§", "1000", as: "hr@corp.fr"),
        Template("rewards", "budget", "set", "2026-Q4", "§", as: "hr@corp.fr"),
        Template("rewards", "wish", "§", as: "jane@corp.fr"),
        Template("rewards", "wish", "BOOK-1", "--rank", "§", as: "jane@corp.fr"),
        Template("rewards", "clear", "§", "--period", "2026-Q4", "--note", "checked", as: "cio@corp.fr"),
        Template("rewards", "propose", "--period", "§", as: "hr@corp.fr"),
        Template("rewards", "list", "--status", "§", as: "hr@corp.fr"),
        Template("rewards", "approve", "§", as: "cio@corp.fr"),
        Template("rewards", "export", "--period", "2026-Q4", "--delimiter", "§", as: "hr@corp.fr"),
        Template("rewards", "export", "--period", "2026-Q4", "--output", "@DIR@/§", as: "hr@corp.fr"),
        Template("import", "actions", "@DIR@/§"),
        Template("import", "employees", "@DIR@/roster.csv", "--delimiter", "§"),
        Template("employee", "list", "--format", "§"),
        Template("employee", "list", "--db", "§", as: nil),
        Template("employee", "list", "--db", "@DIR@/§", as: nil),
        Template("employee", "add", "new@corp.fr", "--name", "N", "--as", "§", as: nil),
        Template("§"),
        Template("employee", "§"),
    ]

    /// The values tried: the hostile strings of the table, and the empty string.
    static let values: [HostileString] =
        Soak.pick(
            fast: HostileString.all.filter {
                ["100 kB", "NUL byte", "CR LF inside", "ANSI colour", "C1 CSI"].contains($0.label)
            },
            soak: HostileString.all) + [HostileString("empty", "")]

    /// A small programme (people, a project, a blog with a post, a catalogue item, a budget, a roster file), made once and copied.
    static let template: Result<Data, any Error> = Result {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", "jane@corp.fr", "https://jane.example.org", "--kind", "blog", as: "jane@corp.fr")
        try cli.expectSuccess(
            "log", "https://jane.example.org/posts/1", "--reactions", "3", "--project", "ERP-2027", as: "jane@corp.fr")
        try cli.expectSuccess(
            "rewards", "catalog", "add", "BOOK-1", "--name", "A book", "--category", "book", "--cost", "30", as: "hr@corp.fr")
        try cli.expectSuccess("rewards", "budget", "set", "2026-Q4", "1000", as: "hr@corp.fr")
        try AdvocacyStore.rawQueue(atPath: cli.databasePath).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        return try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
    }

    @Test(arguments: templates)
    func anyValueRunsOrIsRefusedInOneLine(_ template: Template) throws {
        let cli = try CLIHarness()
        try Self.template.get().write(to: URL(fileURLWithPath: cli.databasePath))
        _ = try cli.file("roster.csv", "email,name\nnew@corp.fr,New\n")
        for hostile in Self.values {
            let arguments = template.arguments.map { argument in
                argument.replacingOccurrences(of: "@DIR@", with: cli.folder.path).replacingOccurrences(
                    of: "§", with: hostile.value)
            }
            let result = cli.run(arguments, as: template.actor)
            let context = "\(template.testDescription) with \(hostile.label)"
            if result.status == 0 {
                #expect(Hostile.outputProblems(result).isEmpty, "\(context): \(Hostile.outputProblems(result))")
                #expect(
                    Hostile.rawControls(result.output).isEmpty || arguments.contains("csv"),
                    "\(context): raw controls on standard output")
            } else {
                #expect(Hostile.refusalProblems(result).isEmpty, "\(context): \(Hostile.refusalProblems(result))")
            }
        }
        #expect(try DatabaseHealth.problems(atPath: cli.databasePath).isEmpty)
    }
}
