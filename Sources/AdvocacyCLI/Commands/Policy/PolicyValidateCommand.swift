import AdvocacyCore
import ArgumentParser

struct PolicyValidateCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a policy file without putting it in force.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The policy file (.toml or .json).", valueName: "file"))
    var file: String

    func run(in context: CommandContext) throws {
        _ = try PolicyFile.read(file)
        context.print("\(file) is a valid scoring policy.")
    }
}
