import AdvocacyCore
import ArgumentParser

struct RewardsListCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List reward proposals (everyone's for hr, cio and admin; your own for staff).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only this period, like 2026-Q4.", valueName: "period"), transform: Parse.period)
    var period: Period?

    @Option(
        help: ArgumentHelp("Only this status: proposed, approved, rejected or granted.", valueName: "status"),
        transform: Parse.rewardStatus)
    var status: RewardStatus?

    func run(in context: CommandContext) throws {
        let viewer = try global.requireViewer(in: context, for: "rewards list")
        let records = try global.openProgramme(in: context).rewardProposals(
            period: period, statuses: status.map { [$0] }, by: viewer)
        if output.format == .text && records.isEmpty {
            context.print("No reward proposal matches: HR proposes with 'advocacy rewards propose --period PERIOD'.")
            return
        }
        try context.emit(records, as: output) {
            output.format == .csv ? RewardProposalRecord.csvTable(records) : RewardProposalRecord.textTable(records)
        }
    }
}
