import AdvocacyCore
import ArgumentParser

struct ProjectCloseCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a project (admin), ending it today unless it has an end date.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Its code.", valueName: "code"), transform: Parse.projectCode)
    var code: ProjectCode

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "project close")
        let closed = try global.openProgramme(in: context).closeProject(code, on: context.today, by: actor)
        context.print("Closed project \(closed.project.code), ended \(closed.project.end?.description ?? "")")
    }
}
