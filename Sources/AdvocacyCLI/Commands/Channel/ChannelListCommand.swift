import AdvocacyCore
import ArgumentParser

struct ChannelListCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List channels with their latest follower count.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Only this employee's channels.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress?

    func run(in context: CommandContext) throws {
        let channels = try global.openProgramme(in: context).channels(owner: email, seenBy: try global.actor(in: context))
        try context.emit(channels, as: output) { Channel.table(channels) }
    }
}
