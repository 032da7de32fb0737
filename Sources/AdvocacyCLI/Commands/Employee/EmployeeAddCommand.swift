import AdvocacyCore
import ArgumentParser

struct EmployeeAddCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register an employee (admin).",
        discussion: """
            An address that looks like someone else's (a Cyrillic а for a Latin a, an invisible character, \
            fullwidth letters) is refused, naming that person. A name that looks like someone else's is \
            registered with a warning on standard error: two people may share a name.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Their work email.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress

    @Option(help: "Full name.")
    var name: String

    @Option(help: "Team, such as Data or Sécurité.")
    var team: String?

    @Option(help: ArgumentHelp("staff, cio, hr or admin.", valueName: "role"), transform: Parse.role)
    var role: Role = .staff

    @Option(name: .customLong("hr-id"), help: ArgumentHelp("HR id (matricule), unique.", valueName: "id"))
    var hrID: String?

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "employee add")
        let new = try NewEmployee(email: email, name: name, team: team, role: role, hrID: hrID)
        let programme = try global.openProgramme(in: context)
        let registration = try programme.addEmployee(new, by: actor)
        let employee = registration.employee
        context.print(
            "Added \(employee.name) <\(employee.email)> as \(employee.role.rawValue)\(employee.team.map { " in \($0)" } ?? "")")
        if let lookalike = registration.lookalikeName { context.note("warning: \(lookalike)") }
    }
}
