import AdvocacyCore
import ArgumentParser

struct RewardsBudgetShowCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show budgets and what is proposed, approved and granted against them (hr, cio or admin).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(
        help: ArgumentHelp("One period (default: every period with a budget).", valueName: "period"), transform: Parse.period)
    var period: Period?

    func run(in context: CommandContext) throws {
        let viewer = try global.requireViewer(in: context, for: "rewards budget show")
        let budgets = try global.openProgramme(in: context).rewardBudgets(period, by: viewer)
        if output.format == .text && budgets.isEmpty {
            context.print("No reward budget yet: set one with 'advocacy rewards budget set PERIOD AMOUNT'.")
            return
        }
        try context.emit(budgets, as: output) { BudgetSummary.table(budgets, csv: output.format == .csv) }
    }
}
