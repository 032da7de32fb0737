import AdvocacyCore
import ArgumentParser

struct MetricsCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Record an action's engagement (its author, or an admin).",
        discussion: """
            Counters left out keep their latest value. A second snapshot the same day replaces the first; \
            the latest snapshot is the one that counts.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The action's address.", valueName: "url"), transform: Parse.url)
    var url: CanonicalURL

    @OptionGroup var counters: CounterOptions

    @Option(help: ArgumentHelp("Day of the measurement, YYYY-MM-DD (default: today).", valueName: "date"), transform: Parse.date)
    var date: LocalDate?

    func validate() throws {
        if try counters.update().isEmpty {
            throw ValidationError(
                "no figures given: pass at least one of --reactions, --comments, --shares, --impressions, --clicks")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "metrics")
        let day = date ?? context.today
        try day.requireNotAfter(context.today)
        let programme = try global.openProgramme(in: context)
        let update = try counters.update()
        let action = try context.noticingConsent(of: actor, by: actor, in: programme) {
            try programme.recordMetrics(url, update, on: day, by: actor)
        }
        let m = action.metrics
        context.print(
            "Recorded metrics on \(day) for \(action.url): \(m.reactions) reactions, \(m.comments) comments, \(m.shares) shares, "
                + "\(m.clicks) clicks" + (m.impressions.map { ", \($0) impressions" } ?? ""))
    }
}
