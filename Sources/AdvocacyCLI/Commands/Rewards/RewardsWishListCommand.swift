import AdvocacyCore
import ArgumentParser

struct RewardsWishListCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List wishes: yours, or anyone's for hr, cio and admin.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(
        help: ArgumentHelp("Whose wishes (default: yours; everyone's for hr, cio and admin).", valueName: "email"),
        transform: Parse.email)
    var email: EmailAddress?

    func run(in context: CommandContext) throws {
        let viewer = try global.requireViewer(in: context, for: "rewards wish list")
        let programme = try global.openProgramme(in: context)
        let wishes = try programme.wishes(of: email, by: viewer)
        if output.format == .text && wishes.isEmpty {
            context.print("No wishes yet: add one with 'advocacy rewards wish CODE' (see 'advocacy rewards catalog list').")
            return
        }
        let currency = try programme.currentPolicy().policy.rewards.currency
        try context.emit(wishes, as: output) { WishEntry.table(wishes, currency: currency, csv: output.format == .csv) }
    }
}
