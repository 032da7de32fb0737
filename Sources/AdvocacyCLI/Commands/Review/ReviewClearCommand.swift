import AdvocacyCore
import ArgumentParser

struct ReviewClearCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear", abstract: "Clear a flag for gaming after checking it: its actions raise it no more (cio or admin).",
        discussion: """
            'advocacy rank' lists each person's flags. Clearing one records your note on each of its actions; \
            an action logged later raises the flag again. A flag changes no score, cleared or not: to make \
            one count, confirm it ('advocacy review confirm'). No one clears a flag on their own work.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var decision: FlagDecisionOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "review clear")
        let settled = try global.openProgramme(in: context).clearFlag(
            decision.flag.kind, of: decision.email, period: try decision.chosenPeriod(today: context.today),
            note: decision.note, today: context.today, by: actor)
        for line in settled.lines("Cleared") { context.print(line) }
    }
}
