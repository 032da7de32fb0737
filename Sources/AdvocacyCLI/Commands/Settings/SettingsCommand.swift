import ArgumentParser

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "See or change the programme's settings (admin).",
        subcommands: [SettingsShowCommand.self, SettingsSetCommand.self])
}
