import AdvocacyCore
import ArgumentParser

struct RewardsBudgetSetCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set the reward budget of a period (hr or admin).",
        discussion: "It cannot fall below what is already approved or granted in the period.")

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("A quarter (2026-Q4), month (2026-11), year (2026) or FROM..TO.", valueName: "period"),
        transform: Parse.period)
    var period: Period

    @Argument(help: ArgumentHelp("The amount, like 6000 or 6000.50.", valueName: "amount"), transform: Parse.amount)
    var amount: Int

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards budget set")
        let budget = try global.openProgramme(in: context).setRewardBudget(period, cents: amount, by: actor)
        context.print(
            "Budget for \(budget.period) (\(budget.start) to \(budget.end)): \(Money.text(budget.amountCents, currency: budget.currency))"
        )
    }
}
