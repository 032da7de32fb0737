import AdvocacyCore
import ArgumentParser

struct RewardsWishRemoveCommand: ContextCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Withdraw one of your wishes.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The reward's code.", valueName: "code"), transform: Parse.rewardCode)
    var code: RewardCode

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards wish remove")
        try global.openProgramme(in: context).removeWish(code, by: actor)
        context.print("Removed \(code) from your wishes.")
    }
}
