import ArgumentParser

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Fetch what registered channels publish.", subcommands: [SyncFeedsCommand.self])
}
