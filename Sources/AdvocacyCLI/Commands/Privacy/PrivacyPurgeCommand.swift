import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct PrivacyPurgeCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Remove actions and follower counts older than the retention period (admin).",
        discussion: """
            Removes the actions published before the cutoff with their metrics history and project links, and \
            follower counts taken before it (each channel keeps its last count before the cutoff: its audience on \
            that day). One transaction; the audit trail keeps one entry saying what was purged. Rankings of \
            purged periods can no longer be computed.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .customLong("older-than"),
        help: ArgumentHelp(
            "The retention period: months (24m), days (730d) or years (2y); at least a month.", valueName: "period"),
        transform: Parse.retention)
    var olderThan: RetentionPeriod

    @Flag(name: .customLong("dry-run"), help: "Count what would be removed, without removing it.")
    var dryRun = false

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"), transform: Parse.choice)
    var format: ReportFormat = .text

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "privacy purge")
        let summary = try global.openProgramme(in: context).purge(
            olderThan: olderThan, today: context.today, dryRun: dryRun, by: actor)
        if format == .json {
            context.print(try CommandContext.json(summary))
            return
        }
        let verb = dryRun ? "Would remove" : "Removed"
        context.print(
            "\(verb) what is older than \(summary.olderThan) (before \(summary.cutoff)): \(summary.actions) actions, "
                + "\(summary.metricsSnapshots) metrics snapshots, \(summary.projectLinks) project links, "
                + "\(summary.followerSnapshots) follower counts.")
        if dryRun { context.print("Dry run: nothing was removed.") }
    }
}
