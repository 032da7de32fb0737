import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import ArgumentParser

struct ReviewListCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the actions awaiting review, newest first (cio or admin).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(
        help: ArgumentHelp(
            "pending (the default; all with --flag), accepted, partly-accepted, rejected or all.", valueName: "status"),
        transform: Parse.choice)
    var status: ReviewStatusChoice?

    @Option(
        help: ArgumentHelp(
            "Only actions whose figures are typed, from a file, an api or a feed, or have none.", valueName: "source"),
        transform: Parse.choice)
    var figures: FiguresChoice?

    @Option(help: ArgumentHelp("Only this author's actions.", valueName: "email"), transform: Parse.email)
    var employee: EmailAddress?

    @Option(
        help: ArgumentHelp(
            "Only the actions of this flag for gaming in the period (the current quarter by default), whatever their "
                + "status unless --status is given: \(FlagChoice.help).", valueName: "flag"),
        transform: Parse.choice)
    var flag: FlagChoice?

    @OptionGroup var period: PeriodOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "review list")
        let programme = try global.openProgramme(in: context)
        var filter = ActionFilter(
            author: employee, period: try period.resolve(today: context.today),
            review: ReviewStatus(rawValue: (status ?? .pending).rawValue),
            figures: figures.map(\.filter))
        if let flag {
            let period = filter.period ?? .quarter(containing: context.today)
            filter.ids = try programme.flaggedActionIDs(flag.kind, period: period, today: context.today, by: actor)
            if status == nil { filter.review = nil }
        }
        let actions = try programme.reviewQueue(filter, by: actor)
        if output.format == .text && actions.isEmpty {
            context.print("Nothing matches: the queue is empty for these filters.")
            return
        }
        try context.emit(actions, as: output) { Action.reviewTable(actions) }
    }
}
