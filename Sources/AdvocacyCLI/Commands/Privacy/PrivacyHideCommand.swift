import AdvocacyCore
import ArgumentParser

struct PrivacyHideCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "hide",
        abstract: "Hide your name from others' rankings and the CIO's report (yourself, or an admin for someone).",
        discussion: """
            Others see "(hidden)" and hidden-N in place of your name and email in 'rank' and 'report'; your rank, \
            score and team still count. You, HR (who decide rewards by name) and your rewards still show your name.
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
