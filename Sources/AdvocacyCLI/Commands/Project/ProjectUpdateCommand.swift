import AdvocacyCore
import ArgumentParser

struct ProjectUpdateCommand: ContextCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change a project (admin).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Its code.", valueName: "code"), transform: Parse.projectCode)
    var code: ProjectCode

    @Option(help: "New name.")
    var name: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Strategic weight: 1 to 3.", valueName: "1-3"), transform: Parse.weight)
    var weight: Int?

    @Option(help: ArgumentHelp("planned, active or closed.", valueName: "status"), transform: Parse.status)
    var status: ProjectStatus?

    @Option(help: ArgumentHelp("Start date, YYYY-MM-DD.", valueName: "date"), transform: Parse.date)
    var start: LocalDate?

    @Option(help: ArgumentHelp("End date, YYYY-MM-DD.", valueName: "date"), transform: Parse.date)
    var end: LocalDate?

    func validate() throws {
        if name == nil && weight == nil && status == nil && start == nil && end == nil {
            throw ValidationError("nothing to change: give at least one of --name, --weight, --status, --start, --end")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "project update")
        let changes = ProjectChanges(name: name, weight: weight, status: status, start: start, end: end, today: context.today)
        let updated = try global.openProgramme(in: context).updateProject(code, changes, by: actor)
        context.print(
            "Updated project \(updated.project.code) \"\(updated.project.name)\" (weight \(updated.project.weight), \(updated.project.status.rawValue))"
        )
    }
}
