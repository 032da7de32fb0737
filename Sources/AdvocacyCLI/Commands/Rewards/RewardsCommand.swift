import ArgumentParser

struct RewardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewards",
        abstract: "Merit-based rewards: catalogue, budget, wishes, proposals, approval and the HR export.",
        discussion: """
            HR keeps a catalogue and a budget per period; staff say what they would like ('rewards wish'); \
            'rewards propose' shares the budget by score and suggests items with a one-sentence reason; hr or \
            the cio approve or reject; hr grants and exports for payroll or an HRIS. See docs/rewards.md.
            """,
        subcommands: [
            RewardsCatalogCommand.self, RewardsBudgetCommand.self, RewardsWishCommand.self, RewardsClearCommand.self,
            RewardsProposeCommand.self, RewardsListCommand.self, RewardsApproveCommand.self, RewardsRejectCommand.self,
            RewardsGrantCommand.self, RewardsExportCommand.self,
        ])
}
