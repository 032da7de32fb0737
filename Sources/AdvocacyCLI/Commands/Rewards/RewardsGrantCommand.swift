import AdvocacyCore
import ArgumentParser

struct RewardsGrantCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant", abstract: "Mark approved rewards as granted, handed over (hr): all the ids given, or none.")

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("Proposal ids, from 'advocacy rewards list --status approved'.", valueName: "id"),
        transform: Parse.proposalID)
    var ids: [Int64]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one proposal id (see 'advocacy rewards list --status approved')") }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards grant")
        let records = try global.openProgramme(in: context).grantRewards(ids, by: actor)
        context.print("Granted \(records.count) reward\(records.count == 1 ? "" : "s"):")
        context.print(
            RewardProposalRecord.textTable(records).keeping(["id", "period", "name", "reward", "cost", "status"]).text())
    }
}
