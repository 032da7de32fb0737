import AdvocacyCore
import ArgumentParser

struct SettingsShowCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print every setting with its value and what it means (admin).")

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "settings show")
        let settings = try global.openProgramme(in: context).settings(by: actor)
        for key in ProgrammeSettings.Key.allCases {
            let value = settings.text(of: key)
            context.print("\(key.rawValue) = \(value.isEmpty ? "(none)" : value)")
            context.print("    \(key.meaning)")
        }
    }
}
