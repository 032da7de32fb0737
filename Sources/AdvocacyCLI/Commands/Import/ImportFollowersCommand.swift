import AdvocacyCore
import ArgumentParser

struct ImportFollowersCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "followers", abstract: "Record channels' audiences from a file (each channel's owner, or an admin).",
        discussion: """
            Columns: url (the registered channel), date (YYYY-MM-DD), followers. A count for a day that already \
            has one replaces it.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The counts, as CSV.", valueName: "file"))
    var file: String

    @OptionGroup var delimiter: DelimiterOption
    @OptionGroup var options: ImportOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "import followers")
        let programme = try global.openProgramme(in: context)
        let today = context.today
        try context.importCSV(file, options: options, delimiter: delimiter.delimiter, columns: FollowerImportRow.columns) {
            mode, columns, next, reject in
            try context.noticingConsent(of: actor, by: actor, in: programme) {
                try programme.importFollowers(mode, by: actor, columns: columns, today: today, next: next, onReject: reject)
            }
        }
    }
}
