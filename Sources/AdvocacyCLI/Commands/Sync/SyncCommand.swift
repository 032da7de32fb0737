import ArgumentParser

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Fetch what registered channels publish (every kind, when no kind is named).",
        subcommands: [SyncAllCommand.self, SyncFeedsCommand.self, SyncMastodonCommand.self],
        defaultSubcommand: SyncAllCommand.self)
}
