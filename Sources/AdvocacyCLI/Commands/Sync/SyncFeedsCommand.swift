import AdvocacyCore
import AdvocacyKit
import ArgumentParser
import Foundation

struct SyncFeedsCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds", abstract: "Fetch the feed of every channel that has one and log new articles.",
        discussion: """
            An admin syncs every channel with a feed address; anyone else, their own. Each feed is fetched over \
            HTTP(S), following redirects, and imported in its own transaction onto its channel: a timeout, an \
            answer other than 200, or a malformed feed is reported for that channel and the others go on. An entry \
            that cannot be used (no link, no date, a date to come) is skipped and reported with its line; the \
            channel's other entries are imported. Exits 1 when any feed failed. Safe to run as often as you like \
            (from cron, say): known articles are unchanged.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var sync: SyncOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "sync feeds")
        let report = try Self.sync(sync, in: try global.openProgramme(in: context), by: actor, context: context)
        try sync.finish(report, naming: "feed", in: context)
    }

    /// Syncs the feeds, printing each channel's line as it is done.
    static func sync(_ options: SyncOptions, in programme: Programme, by actor: EmailAddress, context: CommandContext) throws
        -> SyncReport<FeedSyncOutcome>
    {
        let progress = ProgressLine(unit: "feeds", total: nil, context: context)
        defer { progress.finish() }
        let outcomes = try programme.syncFeeds(
            only: options.channel, mode: options.import.mode, today: context.today, timeout: options.seconds, by: actor
        ) { outcome, done, count in
            progress.update(count: done, done: done, of: count)
            if options.import.format == .text { context.printSyncLine(outcome, source: outcome.feed.string) }
        }
        return SyncReport(dryRun: options.import.dryRun, channels: outcomes)
    }
}
