import AdvocacyCore
import AdvocacyKit
import ArgumentParser
import Foundation

/// The options every sync takes.
struct SyncOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this channel.", valueName: "url"), transform: Parse.url)
    var channel: CanonicalURL?

    @Option(help: ArgumentHelp("Seconds to wait for each answer.", valueName: "seconds"), transform: Parse.positiveCount)
    var timeout: Int = 20

    @OptionGroup var `import`: ImportOptions

    var seconds: TimeInterval { TimeInterval(timeout) }

    /// Prints the totals (text) or the report (JSON), and fails when a channel did.
    func finish(_ report: SyncReport<some ChannelSyncOutcome>, naming what: String, in context: CommandContext) throws {
        switch `import`.format {
        case .json: context.print(try CommandContext.json(report))
        case .text: context.print(report.totals(naming: what))
        }
        if report.failed > 0 { throw CLIError.syncFailed(failed: report.failed, total: report.channels.count) }
    }
}
