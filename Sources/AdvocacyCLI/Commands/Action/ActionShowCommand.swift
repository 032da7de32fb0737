import AdvocacyCore
import ArgumentParser

struct ActionShowCommand: ContextCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one action.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The action's address.", valueName: "url"), transform: Parse.url)
    var url: CanonicalURL

    func run(in context: CommandContext) throws {
        let action = try global.openProgramme(in: context).action(url, seenBy: try global.actor(in: context))
        try context.emitRecord(action, as: output.format, fields: action.fields)
    }
}
