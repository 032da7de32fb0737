import AdvocacyCore
import ArgumentParser

struct PrivacyUnhideCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "unhide", abstract: "Show your name in rankings and reports again (yourself, or an admin for someone).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Whose name (default: yours).", valueName: "email"), transform: Parse.email)
    var email: EmailAddress?

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "privacy unhide")
        let person = email ?? actor
        let changed = try global.openProgramme(in: context).setHidden(person, false, by: actor)
        context.print(
            changed ? "\(person) is shown by name in rankings and reports again." : "\(person) was not hidden: nothing changed.")
    }
}
