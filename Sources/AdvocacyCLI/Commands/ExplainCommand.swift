import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import ArgumentParser

struct ExplainCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show where every point of a person's score comes from, action by action.",
        discussion: """
            Staff may explain their own score; the cio, hr and admin anyone's. Without an email, your own. \
            Default period: the current quarter.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var policy: PolicyVersionOption

    @Option(
        name: .long, help: ArgumentHelp("Output format: text or json.", valueName: "format"),
        transform: Parse.choice)
    var format: ReportFormat = .text

    @OptionGroup var width: WidthOption

    @Argument(
        help: ArgumentHelp("Whose score (default: your own).", valueName: "email"), completion: Completions.emails,
        transform: Parse.email)
    var email: EmailAddress?

    func run(in context: CommandContext) throws {
        let viewer = try global.requireViewer(in: context, for: "explain")
        let chosen = try period.resolve(today: context.today) ?? .quarter(containing: context.today)
        let explanation = try global.openProgramme(in: context).explain(
            email ?? viewer, period: chosen, today: context.today, policy: policy.choice, by: viewer)
        switch format {
        case .json: context.standardOutput.write(try JSONOutput.encoded(ExplanationReport(explanation)))
        case .text:
            context.print(LineWrapping.wrap(ExplanationText(explanation).render(), width: context.textWidth(wide: width.wide)))
        }
    }
}
