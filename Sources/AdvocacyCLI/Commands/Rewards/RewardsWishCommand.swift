import AdvocacyCore
import ArgumentParser

struct RewardsWishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wish", abstract: "Say which rewards you would like (up to three, for yourself).",
        discussion: "'advocacy rewards wish CODE [--rank 1|2|3]' adds a wish; proposals honour wishes first.",
        subcommands: [RewardsWishAddCommand.self, RewardsWishListCommand.self, RewardsWishRemoveCommand.self],
        defaultSubcommand: RewardsWishAddCommand.self)
}
