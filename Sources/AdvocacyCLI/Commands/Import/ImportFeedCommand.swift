import AdvocacyCore
import AdvocacyKit
import ArgumentParser
import Foundation

struct ImportFeedCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed", abstract: "Log a blog's articles from its RSS or Atom feed (a file or an address).",
        discussion: """
            Each entry becomes an article: its link, title, and published (else updated) date. An entry without a \
            link or a date is an invalid row. Articles already logged are updated or left unchanged, so importing \
            a feed again only adds what is new. To read registered channels' feeds regularly, use 'sync feeds'.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The feed: a file, or an http(s) address.", valueName: "file-or-url"))
    var source: String

    @Option(
        name: .customLong("for"), help: ArgumentHelp("Whose articles (default: you).", valueName: "email"), transform: Parse.email
    )
    var author: EmailAddress?

    @Option(help: ArgumentHelp("Tag every article with this project.", valueName: "code"), transform: Parse.projectCode)
    var project: [ProjectCode] = []

    @Option(
        help: ArgumentHelp("Seconds to wait for a feed address to answer.", valueName: "seconds"), transform: Parse.positiveCount)
    var timeout: Int = 20

    @OptionGroup var options: ImportOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "import feed")
        let programme = try global.openProgramme(in: context)
        let feed = FeedSource(source)
        // A feed read from an address has no file to put a rejects file beside.
        var rejects: RejectsFile?
        if case .file(let path) = feed { rejects = RejectsFile(besides: path, header: FeedImport.header, delimiter: .comma) }
        let today = context.today
        try context.runImport(source: source, options: options, rejects: rejects) { reject in
            try context.noticingConsent(of: author ?? actor, by: actor, in: programme) {
                try programme.importFeed(
                    from: feed, mode: options.mode, author: author, projects: project, today: today,
                    timeout: TimeInterval(timeout), by: actor, onReject: reject)
            }
        }
    }
}
