import AdvocacyCore
import ArgumentParser

struct PolicyShowCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the policy in force, as a file 'policy set' accepts.")

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp("toml (commented, the default) or json.", valueName: "format"),
        transform: Parse.choice)
    var format: PolicyFile.Format = .toml

    func run(in context: CommandContext) throws {
        let (version, policy) = try global.openProgramme(in: context).currentPolicy()
        switch format {
        case .toml:
            context.standardOutput.write("# Version \(version) of the policy in force.\n")
            context.standardOutput.write(policy.document.renderTOML(comments: Policy.documentComments))
        case .json:
            context.standardOutput.write(policy.document.renderJSON())
        }
    }
}
