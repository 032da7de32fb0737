import AdvocacyCore
import ArgumentParser

struct LogCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log an advocacy action: an article, post, talk, video... (yourself, or an admin --for someone).",
        discussion: """
            The channel is found among the author's channels from the URL's host, or created from the \
            URL (x.com/jane/status/1 belongs to x.com/jane; a blog post to its blog). Engagement given \
            here is recorded as today's metrics snapshot.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The action's address.", valueName: "url"), transform: Parse.url)
    var url: CanonicalURL

    @Option(
        name: .customLong("project"),
        help: ArgumentHelp("A project it is about, by code (repeat for several).", valueName: "code"),
        completion: Completions.projectCodes, transform: Parse.projectCode)
    var projects: [ProjectCode] = []

    @Option(
        help: ArgumentHelp(
            "article, post, talk, video, podcast, newsletter, comment or share (default: from the channel).", valueName: "kind"),
        completion: Completions.actionKinds, transform: Parse.actionKind)
    var kind: ActionKind?

    @Option(help: "Its title (default: from the address).")
    var title: String?

    @Option(help: ArgumentHelp("Publication date, YYYY-MM-DD (default: today).", valueName: "date"), transform: Parse.date)
    var date: LocalDate?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Hours of work it took (default: by kind).", valueName: "hours"),
        transform: Parse.hours)
    var effort: Double?

    @OptionGroup var counters: CounterOptions

    @Option(
        name: .customLong("for"), help: ArgumentHelp("Log for this employee (admin).", valueName: "email"), transform: Parse.email
    )
    var author: EmailAddress?

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "log")
        let draft = try ActionDraft(
            author: author ?? actor, url: url, kind: kind, title: title, date: date ?? context.today, effortHours: effort,
            projects: projects, metrics: try counters.update(), today: context.today)
        let programme = try global.openProgramme(in: context)
        let action = try context.noticingConsent(of: draft.author, by: actor, in: programme) {
            try programme.logAction(draft, by: actor)
        }
        context.print("Logged \(action.summary)")
    }
}

/// The engagement counters that `log` and `metrics` take.
struct CounterOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Likes and other reactions.", valueName: "n"), transform: Parse.count)
    var reactions: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Comments or replies.", valueName: "n"), transform: Parse.count)
    var comments: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Shares, reposts or retweets.", valueName: "n"), transform: Parse.count)
    var shares: Int?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Times shown, when the platform tells.", valueName: "n"),
        transform: Parse.count)
    var impressions: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Link clicks.", valueName: "n"), transform: Parse.count)
    var clicks: Int?

    func update() throws -> MetricsUpdate {
        try MetricsUpdate(impressions: impressions, reactions: reactions, comments: comments, shares: shares, clicks: clicks)
    }
}
