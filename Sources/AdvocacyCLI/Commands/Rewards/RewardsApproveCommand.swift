import AdvocacyCore
import ArgumentParser

struct RewardsApproveCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve proposed rewards (hr or cio): all the ids given, or none.",
        discussion: "Stock, the period's budget and the yearly caps are checked again at approval.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Proposal ids, from 'advocacy rewards list'.", valueName: "id"), transform: Parse.proposalID)
    var ids: [Int64]

    @Option(help: ArgumentHelp("A note kept with the decision.", valueName: "text"))
    var note: String?

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one proposal id (see 'advocacy rewards list')") }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards approve")
        let records = try global.openProgramme(in: context).approveRewards(ids, note: note, by: actor)
        context.print("Approved \(records.count) reward\(records.count == 1 ? "" : "s"):")
        context.print(
            RewardProposalRecord.textTable(records).keeping(["id", "period", "name", "reward", "cost", "status"]).text())
    }
}
