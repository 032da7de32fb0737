import AdvocacyCore
import ArgumentParser

struct ReviewAcceptCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Accept actions as declared: each then counts in full (cio or admin).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The actions' addresses.", valueName: "url"), transform: Parse.url)
    var urls: [CanonicalURL]

    @Option(help: ArgumentHelp("A note the author sees (optional).", valueName: "text"))
    var note: String?

    func validate() throws {
        if urls.isEmpty { throw ValidationError("give at least one action's address (see 'advocacy review list')") }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "review accept")
        let actions = try global.openProgramme(in: context).acceptActions(urls, note: note, today: context.today, by: actor)
        context.print("Accepted \(actions.count) action\(actions.count == 1 ? "" : "s"):")
        for action in actions { context.print("  \(action.summary)") }
    }
}
