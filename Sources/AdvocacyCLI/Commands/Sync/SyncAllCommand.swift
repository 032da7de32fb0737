import AdvocacyCore
import AdvocacyKit
import ArgumentParser
import Foundation

struct SyncAllCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "all", abstract: "Run every kind of sync: feeds, then Mastodon profiles (what a bare 'sync' does).",
        discussion: """
            The same as 'sync feeds' then 'sync mastodon', with the same options; each channel is reported as those \
            commands report it. Exits 1 when any channel failed.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var sync: SyncOptions

    /// What `--format json` prints: each kind's report.
    struct Report: Encodable {
        var feeds: SyncReport<FeedSyncOutcome>
        var mastodon: SyncReport<MastodonSyncOutcome>
    }

    func validate() throws {
        if sync.channel != nil {
            throw ValidationError("--channel names one channel: use 'sync feeds --channel' or 'sync mastodon --channel'")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "sync")
        let programme = try global.openProgramme(in: context)
        let report = Report(
            feeds: try SyncFeedsCommand.sync(sync, in: programme, by: actor, context: context),
            mastodon: try SyncMastodonCommand.sync(sync, in: programme, by: actor, context: context))
        switch sync.import.format {
        case .json: context.print(try CommandContext.json(report))
        case .text:
            context.print(report.feeds.totals(naming: "feed"))
            context.print(report.mastodon.totals(naming: "Mastodon profile"))
        }
        let failed = report.feeds.failed + report.mastodon.failed
        if failed > 0 {
            throw CLIError.syncFailed(failed: failed, total: report.feeds.channels.count + report.mastodon.channels.count)
        }
    }
}
