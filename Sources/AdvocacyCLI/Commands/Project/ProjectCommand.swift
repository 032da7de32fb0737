import ArgumentParser

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "The IT department's projects that advocacy supports (changes need the admin role).",
        subcommands: [
            ProjectAddCommand.self, ProjectListCommand.self, ProjectShowCommand.self, ProjectUpdateCommand.self,
            ProjectCloseCommand.self,
        ])
}
