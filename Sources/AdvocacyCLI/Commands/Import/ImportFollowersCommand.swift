import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct ImportFollowersCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "followers", abstract: "Record channels' audiences from a file (each channel's owner, or an admin).",
        discussion: """
            Columns: url (the registered channel), date (YYYY-MM-DD, or as a spreadsheet saved it: see --date-order), \
            followers. A count for a day that already \
            has one replaces it.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The counts, as CSV.", valueName: "file"))
    var file: String

    @OptionGroup var delimiter: DelimiterOption
    @OptionGroup var dates: DateOrderOption
    @OptionGroup var options: ImportOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "import followers")
        let programme = try global.openProgramme(in: context)
        try context.importTable(
            file, kind: .followers, options: options, delimiter: delimiter.delimiter, dateOrder: dates.dateOrder, into: programme,
            by: actor
        ) { importing in
            try context.noticingConsent(of: actor, by: actor, in: programme, importing)
        }
    }
}
