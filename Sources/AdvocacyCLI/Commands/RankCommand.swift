import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import ArgumentParser

struct RankCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank the programme's advocates by influence score over a period.",
        discussion: """
            The score (0–100) rewards engaged, project-aligned, regular work over audience size: \
            engagement is judged against the norm of each channel's audience tier, and reach counts \
            for at most 15 points by default. Flags (follower spikes, low engagement on a large \
            audience, the same content under several addresses) are listed with what they cost. \
            'advocacy explain EMAIL' shows where every point comes from. Default period: the current \
            quarter. Open to every employee; each run is recorded with its policy version.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var policy: PolicyVersionOption

    @Option(help: ArgumentHelp("Only people of this team.", valueName: "team"), completion: Completions.teams)
    var team: String?

    @Option(
        help: ArgumentHelp("Only actions tagged with this project.", valueName: "code"), completion: Completions.projectCodes,
        transform: Parse.projectCode)
    var project: ProjectCode?

    @Option(
        help: ArgumentHelp("Only actions on channels of this kind (linkedin, x, blog…).", valueName: "kind"),
        completion: Completions.channelKinds, transform: Parse.channelKind)
    var channel: ChannelKind?

    @Option(
        help: ArgumentHelp("Only people of this audience tier: nano, micro, mid, macro, mega.", valueName: "tier"),
        completion: Completions.tiers, transform: Parse.tier)
    var tier: AudienceTier?

    @Option(parsing: .unconditional, help: ArgumentHelp("Show the first N only.", valueName: "n"), transform: Parse.positiveCount)
    var top: Int?

    @Option(
        help: ArgumentHelp(
            "Rank people (default), or teams, projects or kinds of channel (linkedin, x, blog…) by the average score of "
                + "their active advocates (for a project or a kind of channel, scored on its actions alone).",
            valueName: "person|team|project|channel"),
        transform: Parse.choice)
    var by: RankingSubject = .person

    func run(in context: CommandContext) throws {
        let viewer = try global.requireViewer(in: context, for: "rank")
        let chosen = try period.resolve(today: context.today) ?? .quarter(containing: context.today)
        let filter = RankingFilter(team: team, project: project, channelKind: channel, tier: tier)
        let programme = try global.openProgramme(in: context)
        let report: RankingReport
        if let group = by.group {
            let (overall, groups) = try programme.rankGroups(
                group, period: chosen, today: context.today, filter: filter, policy: policy.choice, by: viewer)
            report = RankingReport(overall, groups: groups, by: by, top: top)
        } else {
            let result = try programme.rank(
                period: chosen, today: context.today, filter: filter, policy: policy.choice, by: viewer)
            report = RankingReport(result, by: by, top: top)
        }
        switch output.format {
        case .json: context.printJSON(report)
        case .csv: context.standardOutput.write(report.table.csv())
        case .text:
            context.print(LineWrapping.wrap(report.heading, width: context.textWidth(wide: output.width.wide)))
            if report.isEmpty {
                context.print(
                    "No action in this period\(filter == RankingFilter() ? "" : " matches these filters"): nothing to rank.")
            } else {
                context.print(report.table, wide: output.width.wide)
            }
        }
    }
}
