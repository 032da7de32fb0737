import AdvocacyCore
import ArgumentParser

struct EmployeeUpdateCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change an employee's details (admin). An empty --team or --hr-id clears it.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Their email.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress

    @Option(help: "New full name.")
    var name: String?

    @Option(help: "New team.")
    var team: String?

    @Option(help: ArgumentHelp("staff, cio, hr or admin.", valueName: "role"), transform: Parse.role)
    var role: Role?

    @Option(name: .customLong("hr-id"), help: ArgumentHelp("New HR id.", valueName: "id"))
    var hrID: String?

    @Flag(inversion: .prefixedNo, help: "Reactivate (--active) or deactivate (--no-active).")
    var active: Bool?

    func validate() throws {
        if name == nil && team == nil && role == nil && hrID == nil && active == nil {
            throw ValidationError("nothing to change: give at least one of --name, --team, --role, --hr-id, --active")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "employee update")
        let changes = try EmployeeChanges(name: name, team: team, role: role, hrID: hrID, isActive: active)
        let employee = try global.openProgramme(in: context).updateEmployee(email, changes, by: actor)
        context.print(
            "Updated \(employee.name) <\(employee.email)>: \(employee.role.rawValue), \(employee.team ?? "no team"), \(employee.isActive ? "active" : "inactive")"
        )
    }
}
