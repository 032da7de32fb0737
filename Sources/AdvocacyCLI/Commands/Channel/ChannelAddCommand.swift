import AdvocacyCore
import ArgumentParser

struct ChannelAddCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a channel for an employee (themself, or an admin).",
        discussion: """
            URL is the channel's address, @handle for an X account (or for the platform --kind names), or \
            @user@instance for a Mastodon account. The kind is inferred from the host unless --kind is given. \
            Adding with --feed a channel its owner already has attaches that feed to it.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The owner's email.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress

    @Argument(help: ArgumentHelp("The channel's address or handle.", valueName: "url"))
    var url: String

    @Option(
        help: ArgumentHelp("blog, linkedin, x, mastodon, youtube, github, podcast, internal, talk or other.", valueName: "kind"),
        transform: Parse.channelKind)
    var kind: ChannelKind?

    @Option(parsing: .unconditional, help: ArgumentHelp("Current follower count.", valueName: "count"), transform: Parse.count)
    var followers: Int?

    @Option(
        help: ArgumentHelp("external or internal (default: internal for kind internal).", valueName: "scope"),
        transform: Parse.scope)
    var scope: ChannelScope?

    @Option(help: ArgumentHelp("The channel's RSS or Atom feed.", valueName: "url"), transform: Parse.url)
    var feed: CanonicalURL?

    func validate() throws {
        do {
            _ = try ChannelLocator.channelURL(from: url, kind: kind)
        } catch let error as CoreError {
            throw ValidationError(error.localizedDescription)
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "channel add")
        let new = try NewChannel(
            owner: email, url: try ChannelLocator.channelURL(from: url, kind: kind), kind: kind, scope: scope, feedURL: feed,
            followers: followers, followersDate: context.today)
        let programme = try global.openProgramme(in: context)
        let (channel, attached) = try context.noticingConsent(of: email, by: actor, in: programme) {
            try programme.addChannelOrAttachFeed(new, by: actor)
        }
        context.print("\(attached ? "Attached its feed to" : "Added") \(channel.summary) for \(channel.email)")
    }
}
