import AdvocacyCore
import ArgumentParser

struct EmployeeDeactivateCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate",
        abstract: "Mark an employee as no longer taking part (admin). Their history is kept.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Their email.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "employee deactivate")
        let employee = try global.openProgramme(in: context).deactivateEmployee(email, by: actor)
        context.print("Deactivated \(employee.name) <\(employee.email)>")
    }
}
