import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import ArgumentParser

struct RewardsProposeCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose", abstract: "Propose rewards for a period from its scores, wishes and budget (hr or admin).",
        discussion: """
            Each eligible person's entitlement is budget × score^alpha ÷ Σ score^alpha (alpha 0.5 by default), at \
            most 20% of the budget; it buys their wishes first, then rewards tied to the projects they worked on, \
            then development rewards; what is left goes round in rank order. Every proposal says why in one \
            sentence. Proposing a period again replaces only its proposals not yet approved. See docs/rewards.md.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The period, like 2026-Q4; it needs a budget.", valueName: "period"), transform: Parse.period)
    var period: Period

    @OptionGroup var policy: PolicyVersionOption

    @Flag(name: .customLong("dry-run"), help: "Show the proposals without writing them.")
    var dryRun = false

    @Option(
        help: ArgumentHelp("Output format: text or json.", valueName: "format"),
        transform: Parse.choice)
    var format: ReportFormat = .text

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards propose")
        let run = try global.openProgramme(in: context).proposeRewards(
            period: period, today: context.today, dryRun: dryRun, policy: policy.choice, by: actor)
        let report = ProposalReport(run: run)
        if format == .json {
            context.standardOutput.write(try JSONOutput.encoded(report.json))
            return
        }
        context.print(report.heading)
        context.print(report.summary)
        context.print("")
        if run.allocation.proposals.isEmpty {
            context.print(report.nothingProposed)
        } else {
            context.print(report.table.text())
        }
        if !report.heldBack.isEmpty {
            context.print("")
            context.print("Held back (\(report.heldBack.count)):")
            for line in report.heldBack { context.print("  " + line) }
        }
        context.print("")
        if dryRun {
            context.print("Dry run: nothing was written.")
        } else if !run.proposalIDs.isEmpty {
            let replaced = run.replaced > 0 ? ", replacing \(run.replaced) open proposal\(run.replaced == 1 ? "" : "s")" : ""
            context.print(
                "Wrote \(run.proposalIDs.count) proposal\(run.proposalIDs.count == 1 ? "" : "s") with status proposed\(replaced). "
                    + "Approve with 'advocacy rewards approve ID...', read the reasons with 'advocacy rewards list --period \(period)'."
            )
        }
    }
}
