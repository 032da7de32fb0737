import AdvocacyCore
import ArgumentParser

struct RewardsGrantCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant", abstract: "Mark approved rewards as granted, handed over (hr): all the ids given, or none.",
        discussion: """
            No one grants their own reward. An HR officer's reward is granted by another HR officer or, when \
            there is none, by an admin with --note.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("Proposal ids, from 'advocacy rewards list --status approved'.", valueName: "id"),
        transform: Parse.proposalID)
    var ids: [Int64]

    @Option(help: ArgumentHelp("A note kept with the reward (required of an admin).", valueName: "text"))
    var note: String?

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one proposal id (see 'advocacy rewards list --status approved')") }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards grant")
        let records = try global.openProgramme(in: context).grantRewards(ids, note: note, by: actor)
        context.print("Granted \(records.count) reward\(records.count == 1 ? "" : "s"):")
        context.print(
            RewardProposalRecord.textTable(records).keeping(["id", "period", "name", "reward", "cost", "status"]).text())
    }
}
