import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct ImportXAnalyticsCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "x-analytics",
        abstract: "Load an X analytics file: posts with their figures, or the account's follower changes.",
        discussion: """
            Any of X's analytics exports, told apart by its header. The tweet-activity export (Tweet id, \
            Tweet permalink, Tweet text, time, impressions, …; counts may be written 424.0) and today's content \
            export (Post id, Date, Post text, Post Link, Impressions, Likes, …, dated like 'Tue, Jul 14, 2026'): \
            each post becomes a post on the person's X channel with a metrics snapshot dated today (likes count as \
            reactions, replies as comments, reposts and shares as shares, URL clicks as clicks; '-' means unknown). \
            The account overview (Date, …, New follows, Unfollows, …): each day's net change becomes that day's \
            follower count of the person's X channel, counted from a count already recorded for it (see \
            'advocacy channel followers').
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The export, as CSV.", valueName: "file"))
    var file: String

    @Option(
        name: .customLong("for"), help: ArgumentHelp("Whose posts or account (default: you).", valueName: "email"),
        transform: Parse.email)
    var author: EmailAddress?

    @OptionGroup var delimiter: DelimiterOption
    @OptionGroup var options: ImportOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "import x-analytics")
        let programme = try global.openProgramme(in: context)
        let author = author ?? actor
        try context.importTable(
            file, kind: .xAnalytics(author: author), options: options, delimiter: delimiter.delimiter, into: programme,
            by: actor
        ) { importing in
            try context.noticingConsent(of: author, by: actor, in: programme, importing)
        }
    }
}
