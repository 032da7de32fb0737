import ArgumentParser

struct ChannelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channel",
        abstract: "Register where people publish and record their audience.",
        subcommands: [ChannelAddCommand.self, ChannelUpdateCommand.self, ChannelListCommand.self, ChannelFollowersCommand.self])
}
