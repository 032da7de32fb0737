import AdvocacyCore
import ArgumentParser

struct RewardsClearCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear", abstract: "Let a flagged person earn rewards in a period after checking their flags (cio).",
        discussion: """
            People whose authenticity flags cost more than the policy's maxFlagPenaltyPercent of their score are \
            held back from proposals. After looking at 'advocacy explain EMAIL', the cio may clear them for one \
            period; the note says what was checked. Their score is unchanged.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Who is cleared.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress

    @Option(help: ArgumentHelp("The period, like 2026-Q4.", valueName: "period"), transform: Parse.period)
    var period: Period

    @Option(help: ArgumentHelp("What was checked, for the record.", valueName: "text"))
    var note: String

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards clear")
        try global.openProgramme(in: context).clearForRewards(email, period: period, note: note, by: actor)
        context.print(
            "\(email) is cleared for rewards in \(period); the next 'rewards propose --period \(period)' includes them.")
    }
}
