import AdvocacyCore
import ArgumentParser

struct ChannelFollowersCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "followers",
        abstract: "Record a channel's follower count (its owner, or an admin); a second count the same day replaces the first.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The channel's address or handle.", valueName: "url"), transform: Parse.channelAddress)
    var url: CanonicalURL

    @Argument(help: ArgumentHelp("The follower count.", valueName: "count"), transform: Parse.count)
    var count: Int

    @Option(help: ArgumentHelp("Day of the count, YYYY-MM-DD (default: today).", valueName: "date"), transform: Parse.date)
    var date: LocalDate?

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "channel followers")
        let day = date ?? context.today
        try day.requireNotAfter(context.today)
        let programme = try global.openProgramme(in: context)
        let channel = try context.noticingConsent(of: actor, by: actor, in: programme) {
            try programme.recordFollowers(url, count: count, on: day, by: actor)
        }
        context.print("Recorded \(count) followers on \(day) for \(channel.url)")
    }
}
