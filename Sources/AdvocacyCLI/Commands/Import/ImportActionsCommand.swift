import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct ImportActionsCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions", abstract: "Log published work from a spreadsheet (your own, or anyone's as an admin).",
        discussion: """
            Columns: email, url, date (YYYY-MM-DD, or as a spreadsheet saved it, like 31/10/2026: see --date-order), \
            and optionally kind, title, projects (codes separated by |), \
            effort (hours), and the counters reactions, comments, shares, impressions, clicks with metrics_date \
            (default: today). Actions are keyed by their canonical address: a row for one already logged updates \
            what it fills in and adds a metrics snapshot when the figures changed.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The actions, as CSV.", valueName: "file"))
    var file: String

    @OptionGroup var delimiter: DelimiterOption
    @OptionGroup var dates: DateOrderOption
    @OptionGroup var options: ImportOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "import actions")
        let programme = try global.openProgramme(in: context)
        try context.importTable(
            file, kind: .actions, options: options, delimiter: delimiter.delimiter, dateOrder: dates.dateOrder, into: programme,
            by: actor
        ) { importing in
            try context.noticingConsent(of: actor, by: actor, in: programme, importing)
        }
    }
}
