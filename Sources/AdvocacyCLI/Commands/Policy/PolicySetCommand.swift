import AdvocacyCore
import ArgumentParser

struct PolicySetCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Put a new version of the policy in force (cio or admin).",
        discussion: """
            FILE is TOML or JSON, complete: start from 'advocacy policy show > policy.toml'. An unknown \
            key, a missing one, a value out of range or an inverted band is refused with its key named, \
            and nothing changes. Prints what changed and whom it moves in the top 20 of the current \
            quarter. Periods that ended before today keep the version in force when they ended \
            ('--policy N' on rank, explain, report and rewards propose asks for another).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The policy file (.toml or .json).", valueName: "file"))
    var file: String

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "policy set")
        let policy = try PolicyFile.read(file)
        let update = try global.openProgramme(in: context).setPolicy(
            policy, effectOn: .quarter(containing: context.today), today: context.today, by: actor)
        context.print(PolicyUpdateText(update).render())
    }
}
