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
            answer other than 200, or a malformed feed is reported for that channel and the others go on. Exits 1 \
            when any feed failed. Safe to run as often as you like (from cron, say): known articles are unchanged.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this channel.", valueName: "url"), transform: Parse.url)
    var channel: CanonicalURL?

    @Option(help: ArgumentHelp("Seconds to wait for each feed to answer.", valueName: "seconds"), transform: Parse.positiveCount)
    var timeout: Int = 20

    @OptionGroup var options: ImportOptions

    /// One channel's outcome, for the JSON report.
    struct ChannelReport: Encodable {
        var channel: CanonicalURL
        var feed: CanonicalURL
        /// What the import did; absent when the feed could not be read.
        var summary: ImportSummary?
        var error: String?
    }

    struct Report: Encodable {
        var dryRun: Bool
        var channels: [ChannelReport]
        var failed: Int
        var inserted: Int
        var updated: Int
        var unchanged: Int
        var rejected: Int

        init(dryRun: Bool, channels: [ChannelReport], total: ImportSummary) {
            self.dryRun = dryRun
            self.channels = channels
            failed = channels.filter { $0.error != nil }.count
            (inserted, updated, unchanged, rejected) = (total.inserted, total.updated, total.unchanged, total.rejected)
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "sync feeds")
        let programme = try global.openProgramme(in: context)
        let channels = try programme.feedChannels(only: channel, by: actor)
        var progress = ImportProgress(unit: "feeds", total: channels.count, context: context)
        var reports: [ChannelReport] = []
        var total = ImportSummary()
        for (index, feedChannel) in channels.enumerated() {
            var report = ChannelReport(channel: feedChannel.url, feed: feedChannel.feedURL)
            do {
                let data = try FeedFetcher.fetch(feedChannel.feedURL.string, timeout: TimeInterval(timeout)).get()
                let summary = try context.noticingConsent(of: feedChannel.owner, by: actor, in: programme) {
                    try context.importFeed(
                        data, source: feedChannel.feedURL.string, into: programme, mode: options.mode, by: actor,
                        author: feedChannel.owner,
                        projects: [], channel: feedChannel.url)
                }
                total.add(summary)
                report.summary = summary
                if options.mode == .allOrNothing && summary.rejected > 0 {
                    report.error =
                        "\(summary.rejected) entr\(summary.rejected == 1 ? "y is" : "ies are") invalid, so nothing was imported"
                }
            } catch let failure as FetchFailure {
                report.error = failure.reason
            } catch let error as any ProgrammeFailure {
                report.error = error.localizedDescription
            }
            reports.append(report)
            progress.advance(done: index + 1)
            if options.format == .text { printLine(report, in: context) }
        }
        progress.finish()
        let report = Report(dryRun: options.dryRun, channels: reports, total: total)
        switch options.format {
        case .json:
            context.print(try CommandContext.json(report))
        case .text:
            let dry = options.dryRun ? " (dry run: nothing written)" : ""
            context.print(
                "\(channels.count) feed\(channels.count == 1 ? "" : "s"), \(report.failed) failed: \(total.counts)\(dry)")
        }
        if report.failed > 0 { throw CLIError.syncFailed(failed: report.failed, total: channels.count) }
    }

    private func printLine(_ report: ChannelReport, in context: CommandContext) {
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
