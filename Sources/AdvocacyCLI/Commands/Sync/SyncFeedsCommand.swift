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

    @Option(help: ArgumentHelp("Only this channel.", valueName: "url"), transform: Parse.url)
    var channel: CanonicalURL?

    @Option(help: ArgumentHelp("Seconds to wait for each feed to answer.", valueName: "seconds"), transform: Parse.positiveCount)
    var timeout: Int = 20

    @OptionGroup var options: ImportOptions

    /// What `--format json` prints: each channel's outcome and the totals.
    struct Report: Encodable {
        var dryRun: Bool
        var channels: [FeedSyncOutcome]
        var failed: Int
        var inserted: Int
        var updated: Int
        var unchanged: Int
        var rejected: Int

        init(dryRun: Bool, channels: [FeedSyncOutcome], total: ImportSummary) {
            self.dryRun = dryRun
            self.channels = channels
            failed = channels.filter { $0.error != nil }.count
            (inserted, updated, unchanged, rejected) = (total.inserted, total.updated, total.unchanged, total.rejected)
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "sync feeds")
        let programme = try global.openProgramme(in: context)
        let progress = ProgressLine(unit: "feeds", total: nil, context: context)
        let outcomes = try programme.syncFeeds(
            only: channel, mode: options.mode, today: context.today, timeout: TimeInterval(timeout), by: actor
        ) { outcome, done, count in
            progress.update(count: done, done: done, of: count)
            if options.format == .text { printLine(outcome, in: context) }
        }
        progress.finish()
        var total = ImportSummary()
        for summary in outcomes.compactMap(\.summary) { total.add(summary) }
        let report = Report(dryRun: options.dryRun, channels: outcomes, total: total)
        switch options.format {
        case .json:
            context.print(try CommandContext.json(report))
        case .text:
            let dry = options.dryRun ? " (dry run: nothing written)" : ""
            let count = outcomes.count
            context.print("\(count) feed\(count == 1 ? "" : "s"), \(report.failed) failed: \(total.counts)\(dry)")
        }
        if report.failed > 0 { throw CLIError.syncFailed(failed: report.failed, total: outcomes.count) }
    }

    private func printLine(_ report: FeedSyncOutcome, in context: CommandContext) {
        for problem in report.summary?.problems ?? [] {
            context.note("\(report.feed):\(problem.line): \(AdvocacyCLI.errorLine(problem.message))")
        }
        if let error = report.error {
            context.note("\(report.channel): failed: \(error)")
        } else if let summary = report.summary {
            context.print("\(report.channel): \(summary.counts)")
        }
    }
}
