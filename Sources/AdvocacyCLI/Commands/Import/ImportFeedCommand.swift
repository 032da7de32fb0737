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
        let isAddress = source.lowercased().hasPrefix("http://") || source.lowercased().hasPrefix("https://")
        let data: Data
        if isAddress {
            switch FeedFetcher.fetch(source, timeout: TimeInterval(timeout)) {
            case .success(let body): data = body
            case .failure(let failure): throw CLIError.unreadableFile(path: source, reason: failure.reason)
            }
        } else {
            guard let body = FileManager.default.contents(atPath: source) else {
                throw CLIError.unreadableFile(path: source, reason: "no such file, or it cannot be read")
            }
            data = body
        }
        // A feed read from an address has no file to put a rejects file beside.
        let rejects = isAddress ? nil : RejectsFile(besides: source, header: FeedImport.header, delimiter: .comma)
        try context.runImport(source: source, options: options, rejects: rejects) { reject in
            try context.noticingConsent(of: author ?? actor, by: actor, in: programme) {
                try context.importFeed(
                    data, source: source, into: programme, mode: options.mode, by: actor, author: author ?? actor,
                    projects: project,
                    onReject: reject)
            }
        }
    }
}

extension CommandContext {
    /// Imports the entries of the feed document `data` as articles of
    /// `author`, on `channel` when given.
    func importFeed(
        _ data: Data, source: String, into programme: Programme, mode: ImportMode, by actor: EmailAddress, author: EmailAddress,
        projects: [ProjectCode], channel: CanonicalURL? = nil, onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> ImportSummary {
        let feed: Feed
        do {
            feed = try FeedParser.parse(data)
        } catch let error as CoreError {
            throw CLIError.invalidImportFile(path: source, reason: error.localizedDescription)
        }
        var records = feed.entries.map(FeedImport.record).makeIterator()
        let today = self.today
        return try programme.importActions(
            mode, by: actor, onChannel: channel, next: { records.next() },
            draft: { try FeedImport.draft($0, author: author, projects: projects, today: today) }, onReject: onReject)
    }
}
