import AdvocacyCore
import ArgumentParser

struct ChannelUpdateCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Attach a feed to a registered channel, detach it, or change its scope (its owner, or an admin).",
        discussion: """
            A channel made by 'import feed' or by logging a post has no feed until one is attached here; \
            'sync feeds' then reads it.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The channel's address or handle.", valueName: "url"), transform: Parse.channelAddress)
    var url: CanonicalURL

    @Option(help: ArgumentHelp("The channel's RSS or Atom feed.", valueName: "url"), transform: Parse.url)
    var feed: CanonicalURL?

    @Flag(help: "Detach the channel's feed.")
    var noFeed = false

    @Option(help: ArgumentHelp("external or internal.", valueName: "scope"), transform: Parse.scope)
    var scope: ChannelScope?

    func validate() throws {
        if feed != nil && noFeed { throw ValidationError("--feed and --no-feed contradict each other: give one of them") }
        if feed == nil && !noFeed && scope == nil {
            throw ValidationError("nothing to change: give --feed URL, --no-feed or --scope external|internal")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "channel update")
        let programme = try global.openProgramme(in: context)
        let changes = ChannelChanges(feedURL: noFeed ? .some(nil) : feed.map { .some($0) }, scope: scope)
        let channel = try programme.updateChannel(url, changes, by: actor)
        context.print("Updated \(channel.summary) for \(channel.email)")
    }
}
