import AdvocacyCore
import ArgumentParser

struct ReviewConfirmCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Confirm a flag for gaming: its actions are rejected and count for nothing (cio or admin).",
        discussion: """
            Each of the flag's actions is rejected with your note as the reason, which its author sees in \
            'advocacy action list' and 'advocacy explain'. To reject only some, use 'advocacy review reject'. \
            No one confirms a flag on their own work.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var decision: FlagDecisionOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "review confirm")
        let settled = try global.openProgramme(in: context).confirmFlag(
            decision.flag.kind, of: decision.email, period: try decision.chosenPeriod(today: context.today),
            note: decision.note, today: context.today, by: actor)
        for line in settled.lines("Confirmed") { context.print(line) }
        context.print("They are rejected: each counts for nothing, and their author sees why.")
    }
}
