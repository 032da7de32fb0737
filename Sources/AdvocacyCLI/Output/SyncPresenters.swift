import AdvocacyCore
import AdvocacyKit
import Foundation

/// What `sync feeds`, `sync mastodon` and `sync` print: a line per channel,
/// then the totals; `--format json` prints ``SyncReport``.
struct SyncReport<Outcome: ChannelSyncOutcome>: Encodable {
    var dryRun: Bool
    var channels: [Outcome]
    var failed: Int
    var inserted: Int
    var updated: Int
    var unchanged: Int
    var rejected: Int

    init(dryRun: Bool, channels: [Outcome]) {
        self.dryRun = dryRun
        self.channels = channels
        var total = ImportSummary()
        for summary in channels.compactMap(\.summary) { total.add(summary) }
        failed = channels.filter { $0.error != nil }.count
        (inserted, updated, unchanged, rejected) = (total.inserted, total.updated, total.unchanged, total.rejected)
    }

    /// The totals line: "2 feeds, 0 failed: inserted 3, …".
    func totals(naming what: String) -> String {
        var total = ImportSummary()
        (total.inserted, total.updated, total.unchanged, total.rejected) = (inserted, updated, unchanged, rejected)
        let count = channels.count
        return "\(count) \(what)\(count == 1 ? "" : "s"), \(failed) failed: \(total.counts)"
            + (dryRun ? " (dry run: nothing written)" : "")
    }
}

extension CommandContext {
    /// One channel's line as a sync finishes it: its refused entries on
    /// standard error (named by `source`, the feed or the profile, and
    /// line), then what it did or why it failed.
    func printSyncLine(_ outcome: some ChannelSyncOutcome, source: String, extra: String = "") {
        for problem in outcome.summary?.problems ?? [] {
            note("\(source):\(problem.line): \(AdvocacyCLI.errorLine(problem.message))")
        }
        if let error = outcome.error {
            note("\(outcome.channel): failed: \(error)")
        } else if let summary = outcome.summary {
            print("\(outcome.channel): \(summary.counts)\(extra)")
        }
    }
}
