import ArgumentParser

struct RewardsCatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "The rewards on offer (changes need the hr or admin role).",
        subcommands: [
            RewardsCatalogAddCommand.self, RewardsCatalogListCommand.self, RewardsCatalogUpdateCommand.self,
            RewardsCatalogRemoveCommand.self,
        ])
}
