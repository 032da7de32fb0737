import ArgumentParser

struct RewardsBudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget", abstract: "The reward budget of each period.",
        subcommands: [RewardsBudgetSetCommand.self, RewardsBudgetShowCommand.self])
}
