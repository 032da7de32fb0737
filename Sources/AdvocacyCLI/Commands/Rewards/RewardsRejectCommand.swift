import AdvocacyCore
import ArgumentParser

struct RewardsRejectCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject proposed or approved (not yet granted) rewards, saying why (hr or cio).",
        discussion: "A rejected item is not proposed again to the same person for that period.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Proposal ids, from 'advocacy rewards list'.", valueName: "id"), transform: Parse.proposalID)
    var ids: [Int64]

    @Option(help: ArgumentHelp("Why, for the record (required).", valueName: "text"))
    var note: String

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one proposal id (see 'advocacy rewards list')") }
        if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--note is empty: say why the rewards are rejected")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards reject")
        let records = try global.openProgramme(in: context).rejectRewards(ids, note: note, by: actor)
        context.print("Rejected \(records.count) reward\(records.count == 1 ? "" : "s"):")
        context.print(
            RewardProposalRecord.textTable(records).keeping(["id", "period", "name", "reward", "cost", "status"]).text())
    }
}
