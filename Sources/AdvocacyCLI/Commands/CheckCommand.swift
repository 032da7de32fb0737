import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct CheckCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database: SQLite's integrity and the programme's own rules (admin).",
        discussion: """
            Runs SQLite's integrity_check and foreign_key_check, then the programme's rules: every action has \
            its author and sits on a channel of theirs; the scoring summary matches the actions; approved and \
            granted rewards stay within each period's budget and each item's stock; there is an active admin; \
            every policy version can be read; the audit trail, when present, cannot be altered. One line per \
            check, naming the rows at fault. When they all pass, the current quarter's flags for gaming that no \
            cio has cleared or confirmed are listed as warnings, which fail nothing. Everything is read on one \
            snapshot, so others may keep working. Exit status 0 when every check passes, 1 otherwise. See \
            docs/operations.md.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"), transform: Parse.choice)
    var format: ReportFormat = .text

    /// Problems shown per check in text; JSON lists up to ``CheckResult/listedProblems``.
    static let problemsPerLine = 5

    func run(in context: CommandContext) throws {
        let actor = try global.actor(in: context)
        let report = try global.openProgramme(in: context).check(by: actor)
        switch format {
        case .json: context.print(try CommandContext.json(report))
        case .text: context.print(Self.table(report).text())
        }
        guard report.ok else { throw CLIError.checkFailed(failed: report.failed.count, total: report.checks.count) }
    }

    /// One line per check: its result, its name, and what it checks or the problems it found.
    static func table(_ report: CheckReport) -> Table {
        Table(
            columns: [Table.Column(header: "result"), Table.Column(header: "check"), Table.Column(header: "detail")],
            rows: report.checks.map { check in
                if !check.ok { return ["PROBLEM", check.name, firstFew(check.problems, of: check.problemCount)] }
                if !check.warnings.isEmpty { return ["warning", check.name, firstFew(check.warnings, of: check.warningCount)] }
                return ["ok", check.name, check.about]
            })
    }

    /// The first ``problemsPerLine`` of `listed`, and how many more of `count` there are.
    static func firstFew(_ listed: [String], of count: Int) -> String {
        let more = count - min(listed.count, problemsPerLine)
        return listed.prefix(problemsPerLine).joined(separator: "; ")
            + (more > 0 ? " (and \(NumberText.grouped(more)) more)" : "")
    }
}
