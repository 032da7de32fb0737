import AdvocacyCore
import AdvocacyKit
import ArgumentParser
import Foundation

struct SyncMastodonCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "mastodon", abstract: "Fetch the posts and figures of every Mastodon profile from its instance.",
        discussion: """
            For each channel registered as a Mastodon profile (https://instance/@user): the account is looked up \
            through the instance's public API, then its latest statuses are read with their favourites, replies and \
            boosts (\(MastodonAPI.pageLimit * MastodonAPI.pageSize) at most). Each public post becomes a post on the \
            channel (a reply, a comment; boosts of others' posts are left out) with those figures, recorded as \
            figures from the platform's API, and the account's follower count is recorded for today. An admin syncs \
            every profile; anyone else, their own. A profile whose instance cannot be reached or read is reported and \
            the others go on; exits 1 when any failed. Safe to run as often as you like.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var sync: SyncOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "sync mastodon")
        let report = try Self.sync(sync, in: try global.openProgramme(in: context), by: actor, context: context)
        try sync.finish(report, naming: "Mastodon profile", in: context)
    }

    /// Syncs the profiles, printing each channel's line as it is done.
    static func sync(_ options: SyncOptions, in programme: Programme, by actor: EmailAddress, context: CommandContext) throws
        -> SyncReport<MastodonSyncOutcome>
    {
        let progress = ProgressLine(unit: "profiles", total: nil, context: context)
        defer { progress.finish() }
        let outcomes = try programme.syncMastodon(
            only: options.channel, mode: options.import.mode, today: context.today, timeout: options.seconds, by: actor
        ) { outcome, done, count in
            progress.update(count: done, done: done, of: count)
            if options.import.format == .text {
                let followers = outcome.followers.map { ", \(NumberText.grouped($0)) followers" } ?? ""
                context.printSyncLine(outcome, source: outcome.channel.string, extra: followers)
            }
        }
        return SyncReport(dryRun: options.import.dryRun, channels: outcomes)
    }
}
