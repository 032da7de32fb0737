import ArgumentParser

struct EmployeeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "employee",
        abstract: "Register and manage the people in the programme (changes need the admin role).",
        subcommands: [
            EmployeeAddCommand.self, EmployeeListCommand.self, EmployeeShowCommand.self, EmployeeUpdateCommand.self,
            EmployeeDeactivateCommand.self,
        ])
}
