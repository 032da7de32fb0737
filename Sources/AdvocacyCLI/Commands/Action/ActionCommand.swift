import ArgumentParser

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Browse and remove logged actions.",
        subcommands: [ActionListCommand.self, ActionShowCommand.self, ActionRemoveCommand.self])
}
