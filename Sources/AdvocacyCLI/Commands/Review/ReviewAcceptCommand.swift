import AdvocacyCore
import AdvocacyPresentation
import ArgumentParser

struct ReviewAcceptCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Accept actions as declared: each then counts in full (cio or admin).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The actions' addresses.", valueName: "url"), transform: Parse.url)
    var urls: [CanonicalURL] = []

    @Option(help: ArgumentHelp("A note the author sees (optional).", valueName: "text"))
    var note: String?

    @Flag(
        name: .customLong("all-pending"),
        help: "Accept every pending action matching --employee, --period and --figures instead of addresses.")
    var allPending = false

    @Option(help: ArgumentHelp("With --all-pending: only this author's actions.", valueName: "email"), transform: Parse.email)
    var employee: EmailAddress?

    @Option(
        help: ArgumentHelp(
            "With --all-pending: only actions whose figures are typed, from a file, an api or a feed, or have none.",
            valueName: "source"),
        transform: Parse.choice)
    var figures: FiguresChoice?

    @OptionGroup var period: PeriodOptions

    func validate() throws {
        if allPending {
            if !urls.isEmpty { throw ValidationError("give addresses or --all-pending, not both") }
        } else {
            if urls.isEmpty {
                throw ValidationError(
                    "give at least one action's address (see 'advocacy review list'), or --all-pending with filters")
            }
            if employee != nil || figures != nil || period.period != nil || period.from != nil {
                throw ValidationError("--employee, --figures, --period and --from go with --all-pending")
            }
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "review accept")
        let programme = try global.openProgramme(in: context)
        guard allPending else {
            let actions = try programme.acceptActions(urls, note: note, today: context.today, by: actor)
            context.print("Accepted \(actions.count) action\(actions.count == 1 ? "" : "s"):")
            for action in actions { context.print("  \(action.summary)") }
            return
        }
        let filter = ActionFilter(
            author: employee, period: try period.resolve(today: context.today), figures: figures.map(\.filter))
        let (accepted, own) = try programme.acceptPending(matching: filter, note: note, today: context.today, by: actor)
        context.print("Accepted \(accepted) pending action\(accepted == 1 ? "" : "s").")
        if own > 0 {
            context.print(
                "\(own) of your own stay\(own == 1 ? "s" : "") pending: another cio or admin reviews \(own == 1 ? "it" : "them")."
            )
        }
    }
}
