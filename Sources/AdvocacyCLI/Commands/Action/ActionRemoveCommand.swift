import AdvocacyCore
import ArgumentParser

struct ActionRemoveCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove an action and its metrics (its author, or an admin).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The action's address.", valueName: "url"), transform: Parse.url)
    var url: CanonicalURL

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "action remove")
        let action = try global.openProgramme(in: context).removeAction(url, by: actor)
        context.print("Removed \(action.summary)")
    }
}
