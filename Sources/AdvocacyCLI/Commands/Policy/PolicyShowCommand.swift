import AdvocacyCore
import ArgumentParser

struct PolicyShowCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the policy in force (or an older version), as a file 'policy set' accepts.")

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp("toml (commented, the default) or json.", valueName: "format"),
        transform: Parse.choice)
    var format: PolicyFile.Format = .toml

    @Option(
        name: .customLong("policy"),
        help: ArgumentHelp("Print this version instead ('advocacy policy history' lists them).", valueName: "n"),
        transform: Parse.positiveCount)
    var asked: Int?

    func run(in context: CommandContext) throws {
        let programme = try global.openProgramme(in: context)
        let (version, policy) = try programme.currentPolicy()
        let shown = try asked.map { try programme.policy(version: $0) } ?? policy
        switch format {
        case .toml:
            if let asked, asked != version {
                context.standardOutput.write("# Version \(asked) of the policy; version \(version) is in force.\n")
            } else {
                context.standardOutput.write("# Version \(version) of the policy in force.\n")
            }
            context.standardOutput.write(shown.document.renderTOML(comments: Policy.documentComments))
        case .json:
            context.standardOutput.write(shown.document.renderJSON())
        }
    }
}
