import AdvocacyCore
import ArgumentParser

struct ProjectListCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List projects with their number of actions and advocates.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run(in context: CommandContext) throws {
        let projects = try global.openProgramme(in: context).projects()
        try context.emit(projects, as: output) { ProjectSummary.table(projects) }
    }
}
