import AdvocacyCore
import ArgumentParser

struct RewardsWishAddCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Wish for a reward (the default: 'rewards wish CODE').",
        discussion: "Without --rank the wish takes the first free rank. A wish already at that rank is replaced.")

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("The reward's code, from 'advocacy rewards catalog list'.", valueName: "code"),
        transform: Parse.rewardCode)
    var code: RewardCode

    @Option(
        parsing: .unconditional, help: ArgumentHelp("1 is what you would like most.", valueName: "1|2|3"),
        transform: Parse.wishRank)
    var rank: Int?

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards wish")
        let (rank, replaced) = try global.openProgramme(in: context).addWish(code, rank: rank, by: actor)
        context.print("\(code) is your wish no. \(rank)" + (replaced.map { " (replacing \($0))" } ?? "") + ".")
    }
}
