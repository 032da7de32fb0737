import AdvocacyCore
import ArgumentParser

struct PrivacyHideCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "hide",
        abstract:
            "Hide yourself from colleagues and your name from rankings and the CIO's report (yourself, or an admin for someone).",
        discussion: """
            Colleagues on staff no longer find you in 'employee list', 'channel list' or 'action list', and see only \
            your rank in 'rank' (no team, tier or figures). The CIO sees "(hidden)" and hidden-N in place of your name \
            and email in 'rank' and 'report'. Your work still counts, for you and your team. You, HR (who decide \
            rewards by name) and admins still see your name.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Whose name (default: yours).", valueName: "email"), transform: Parse.email)
    var email: EmailAddress?

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "privacy hide")
        let person = email ?? actor
        let changed = try global.openProgramme(in: context).setHidden(person, true, by: actor)
        context.print(
            changed
                ? "\(person) is now hidden from others' rankings and reports." : "\(person) was already hidden: nothing changed.")
    }
}
