import AdvocacyCore
import ArgumentParser

struct ReviewAdjustCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjust",
        abstract: "Accept an action with corrected effort or figures, saying why: it is then partly accepted (cio or admin).",
        discussion: """
            Corrected figures replace the latest snapshot; counters left out keep their value. The author \
            sees the status and the reason.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The action's address.", valueName: "url"), transform: Parse.url)
    var url: CanonicalURL

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Corrected hours of work.", valueName: "hours"), transform: Parse.hours)
    var effort: Double?

    @OptionGroup var counters: CounterOptions

    @Option(help: ArgumentHelp("Why, for the author and the record (required).", valueName: "text"))
    var reason: String

    func validate() throws {
        if effort == nil, try counters.update().isEmpty {
            throw ValidationError(
                "nothing to correct: give --effort or at least one of --reactions, --comments, --shares, --impressions, --clicks")
        }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--reason is empty: say what was corrected and why")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "review adjust")
        let update = try counters.update()
        let action = try global.openProgramme(in: context).adjustAction(
            url, effortHours: effort, metrics: update.isEmpty ? nil : update, reason: reason, today: context.today, by: actor)
        context.print("Partly accepted \(action.summary)")
    }
}
