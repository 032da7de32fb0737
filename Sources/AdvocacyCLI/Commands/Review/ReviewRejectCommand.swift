import AdvocacyCore
import ArgumentParser

struct ReviewRejectCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject actions, saying why: each then counts for nothing (cio or admin).",
        discussion: "The author sees the reason in 'advocacy action list' and 'advocacy explain'.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The actions' addresses.", valueName: "url"), transform: Parse.url)
    var urls: [CanonicalURL]

    @Option(help: ArgumentHelp("Why, for the author and the record (required).", valueName: "text"))
    var reason: String

    func validate() throws {
        if urls.isEmpty { throw ValidationError("give at least one action's address (see 'advocacy review list')") }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--reason is empty: say why the actions are rejected")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "review reject")
        let actions = try global.openProgramme(in: context).rejectActions(
            urls, reason: reason, today: context.today, by: actor)
        context.print("Rejected \(actions.count) action\(actions.count == 1 ? "" : "s"):")
        for action in actions { context.print("  \(action.summary)") }
    }
}
