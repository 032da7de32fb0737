import ArgumentParser

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Browse, correct and remove logged actions.",
        subcommands: [ActionListCommand.self, ActionShowCommand.self, ActionUpdateCommand.self, ActionRemoveCommand.self])
}
