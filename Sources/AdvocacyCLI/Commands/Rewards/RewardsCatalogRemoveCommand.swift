import AdvocacyCore
import ArgumentParser

struct RewardsCatalogRemoveCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Take a reward out of the catalogue (hr or admin).",
        discussion: """
            Its open proposals and wishes go. A reward that was ever approved, rejected or granted is kept, \
            retired, so those records keep their history; its code cannot be reused.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Its code.", valueName: "code"), transform: Parse.rewardCode)
    var code: RewardCode

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards catalog remove")
        let retired = try global.openProgramme(in: context).removeRewardItem(code, by: actor)
        context.print(
            retired ? "Removed \(code) from the catalogue; its past proposals keep it." : "Removed \(code) from the catalogue.")
    }
}
