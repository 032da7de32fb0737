import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import ArgumentParser

struct PolicyHistoryCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the versions of the policy: who set each, when, and what it changed.",
        discussion: """
            A period is scored with the version in force when it ended; the current period with the \
            newest. Open to every employee.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run(in context: CommandContext) throws {
        let viewer = try global.requireViewer(in: context, for: "policy history")
        let history = try global.openProgramme(in: context).policyHistory(by: viewer)
        switch output.format {
        case .json: context.print(try CommandContext.json(history.map(PolicyHistoryRecord.init)))
        case .csv: context.standardOutput.write(PolicyHistoryRecord.table(history).csv())
        case .text: context.print(PolicyHistoryText.render(history))
        }
    }
}
