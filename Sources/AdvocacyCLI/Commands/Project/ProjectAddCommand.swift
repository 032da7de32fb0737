import AdvocacyCore
import ArgumentParser

struct ProjectAddCommand: ContextCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a project (admin).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Its code, like ERP-2027.", valueName: "code"), transform: Parse.projectCode)
    var code: ProjectCode

    @Option(help: "Its name.")
    var name: String

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Strategic weight: 1 (useful) to 3 (strategic).", valueName: "1-3"),
        transform: Parse.weight)
    var weight: Int = 2

    @Option(help: ArgumentHelp("planned, active or closed.", valueName: "status"), transform: Parse.status)
    var status: ProjectStatus = .active

    @Option(help: ArgumentHelp("Start date, YYYY-MM-DD.", valueName: "date"), transform: Parse.date)
    var start: LocalDate?

    @Option(help: ArgumentHelp("End date, YYYY-MM-DD.", valueName: "date"), transform: Parse.date)
    var end: LocalDate?

    func validate() throws {
        if let start, let end, end < start {
            throw ValidationError("--end \(end) is before --start \(start): expected the end on or after the start")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "project add")
        let project = try Project.validated(code: code, name: name, weight: weight, status: status, start: start, end: end)
        let added = try global.openProgramme(in: context).addProject(project, by: actor)
        context.print(
            "Added project \(added.project.code) \"\(added.project.name)\" (weight \(added.project.weight), \(added.project.status.rawValue))"
        )
    }
}
