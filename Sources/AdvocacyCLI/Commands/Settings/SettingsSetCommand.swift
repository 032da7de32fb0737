import AdvocacyCore
import ArgumentParser

struct SettingsSetCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change one setting (admin; audited).",
        discussion: """
            An empty VALUE ('') gives the setting its default again. \
            Settings: \(ProgrammeSettings.Key.allCases.map(\.rawValue).joined(separator: ", ")) \
            ('advocacy settings show' says what each means).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The setting's name.", valueName: "key"), transform: Parse.settingKey)
    var key: ProgrammeSettings.Key

    @Argument(help: ArgumentHelp("Its new value.", valueName: "value"))
    var value: String

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "settings set")
        let settings = try global.openProgramme(in: context).setSetting(key, to: value, by: actor)
        let now = settings.text(of: key)
        context.print("\(key.rawValue) = \(now.isEmpty ? "(none)" : now)")
    }
}
