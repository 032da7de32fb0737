import AdvocacyCore
import ArgumentParser

struct EmployeeListCommand: ContextCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List employees by name.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only this team (case-insensitive).")
    var team: String?

    func run(in context: CommandContext) throws {
        let employees = try global.openProgramme(in: context).employees(
            team: team, seenBy: try global.actor(in: context))
        try context.emit(employees, as: output) { Employee.table(employees) }
    }
}
