import AdvocacyCore
import ArgumentParser

struct ImportActionsCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions", abstract: "Log published work from a spreadsheet (your own, or anyone's as an admin).",
        discussion: """
            Columns: email, url, date (YYYY-MM-DD), and optionally kind, title, projects (codes separated by |), \
            effort (hours), and the counters reactions, comments, shares, impressions, clicks with metrics_date \
            (default: today). Actions are keyed by their canonical address: a row for one already logged updates \
            what it fills in and adds a metrics snapshot when the figures changed.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The actions, as CSV.", valueName: "file"))
    var file: String

    @OptionGroup var delimiter: DelimiterOption
    @OptionGroup var options: ImportOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "import actions")
        let programme = try global.openProgramme(in: context)
        let today = context.today
        let emails = EmailCache()
        try context.importCSV(file, options: options, delimiter: delimiter.delimiter, columns: ActionImportColumns.all) {
            mode, columns, next, reject in
            // The file is read and its rows checked on a second thread while the database writes.
            let rows = PrefetchedRows(next: next) { try ActionImportColumns.draft($0, in: columns, today: today, emails: emails) }
            defer { rows.stop() }
            return try context.noticingConsent(of: actor, by: actor, in: programme) {
                try programme.importActions(mode, by: actor, next: rows.next, draft: rows.draft, onReject: reject)
            }
        }
    }
}
