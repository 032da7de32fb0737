import AdvocacyCore
import ArgumentParser

struct ProjectShowCommand: ContextCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one project.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Its code.", valueName: "code"), transform: Parse.projectCode)
    var code: ProjectCode

    func run(in context: CommandContext) throws {
        let project = try global.openProgramme(in: context).project(code)
        try context.emitRecord(project, as: output.format, fields: project.fields)
    }
}
