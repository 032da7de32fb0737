import AdvocacyCore
import AdvocacyPresentation
import AdvocacyReport
import ArgumentParser
import Foundation

struct ReportCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write the CIO's report on the programme: one HTML file, or a summary for a terminal or wiki (cio, hr or admin).",
        discussion: """
            The HTML report is one self-contained file (no script, nothing fetched, prints on A4) that can \
            be sent by email: key figures, the top 20 scores, audience against score for everyone, the tier \
            distribution, weekly activity against the comparison period, project coverage with the projects \
            nobody spoke for, the fast risers, the authenticity flags and the reward proposals. 'text' is a \
            compact version that fits 100 columns; 'markdown' the same for a wiki. Default period: the current \
            quarter, compared with the one before. The format defaults to the --output file's extension \
            (.md markdown, .txt text, anything else html), or text on standard output; the language to \
            French when LANG starts with fr, else English.
            """)

    enum Format: String, CaseIterable {
        case html, markdown, text
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var policy: PolicyVersionOption

    @Option(
        help: ArgumentHelp("The period to compare with (default: the one just before).", valueName: "period"),
        transform: Parse.period)
    var compare: Period?

    @Option(
        help: ArgumentHelp("html, markdown or text (default: from --output's extension, else text).", valueName: "format"),
        transform: Parse.choice)
    var format: Format?

    @Option(
        help: ArgumentHelp(
            "Write to this file instead of standard output (- for standard output; a device or FIFO is written in place).",
            valueName: "file"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    @Option(help: ArgumentHelp("fr or en (default: from LANG).", valueName: "lang"), transform: Parse.choice)
    var lang: ReportLanguage?

    func validate() throws {
        if let output, output.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--output is empty: expected a file path")
        }
    }

    func run(in context: CommandContext) throws {
        let viewer = try global.requireViewer(in: context, for: "report")
        let target = try output.map { try OutputTarget($0, force: force, database: global.databasePath(in: context)) }
        let chosen = try period.resolve(today: context.today) ?? .quarter(containing: context.today)
        let comparison = compare ?? chosen.previous
        let review = try global.openProgramme(in: context).review(
            period: chosen, comparison: comparison, today: context.today, policy: policy.choice, by: viewer)
        let report = ProgrammeReport(review, language: lang ?? .preferred(by: context.environment))
        let text =
            switch format ?? Self.format(for: output) {
            case .html: report.html()
            case .markdown: report.markdown()
            case .text: report.text()
            }
        guard let target, target != .standardOutput else {
            context.standardOutput.write(TerminalText.visible(text))
            return
        }
        try target.write(Data(text.utf8), in: context)
        context.note("Wrote the report on \(chosen) (compared with \(comparison)) to \(target.name)")
    }

    /// The format a file name asks for; text when writing to standard output.
    static func format(for output: String?) -> Format {
        guard let output, output != "-" else { return .text }
        switch URL(fileURLWithPath: output).pathExtension.lowercased() {
        case "md", "markdown": return .markdown
        case "txt", "text": return .text
        default: return .html
        }
    }
}
