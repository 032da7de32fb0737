import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct ImportXAnalyticsCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "x-analytics", abstract: "Load X's tweet-activity export: each tweet becomes a post with its figures.",
        discussion: """
            The CSV X exports from analytics (Tweet id, Tweet permalink, Tweet text, time, impressions, \
            engagements, engagement rate, retweets, replies, likes or favorites, and more, which are ignored). \
            Each tweet becomes a post on the person's X channel, with a metrics snapshot dated today: likes \
            count as reactions, replies as comments, retweets as shares, url clicks as clicks. '-' means unknown.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The export, as CSV.", valueName: "file"))
    var file: String

    @Option(
        name: .customLong("for"), help: ArgumentHelp("Whose tweets (default: you).", valueName: "email"), transform: Parse.email)
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
