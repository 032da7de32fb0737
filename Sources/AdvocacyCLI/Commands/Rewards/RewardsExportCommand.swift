import AdvocacyCore
import AdvocacyPresentation
import ArgumentParser
import Foundation

struct RewardsExportCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a period's rewards for payroll, an HRIS or Excel (hr or admin).",
        discussion: """
            Columns: period, hrId, email, name, team, rank, score, rewardCode, rewardName, category, costCents, \
            status, rationale, approvedBy, approvedAt, note. CSV follows RFC 4180 in UTF-8, and a cell a spreadsheet \
            would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with '. For a French Excel, \
            --locale fr: the same columns with French headers, the score and the amount (in euros, with its \
            currency beside it) with a decimal comma so that they are numbers there, the day of approval as \
            31/12/2026, the reason in French, ';' between cells and a byte-order mark. --locale fr is the default \
            with --delimiter ';', or when an admin set 'advocacy settings set rewards.export-locale fr'. JSON is an \
            array of objects with the English keys, money in cents. --output writes a file atomically (a temporary \
            file, then renamed), so it is never seen half-written; it replaces an existing file only with --force. \
            A device or a FIFO is written in place, and - is standard output.
            """)

    enum Format: String, CaseIterable {
        case csv, json
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The period, like 2026-Q4.", valueName: "period"), transform: Parse.period)
    var period: Period

    @Option(
        help: ArgumentHelp(
            "approved, granted, or all (proposed and rejected too); default: approved and granted.", valueName: "status"),
        transform: Parse.choice)
    var status: RewardExport.Statuses?

    @Option(
        help: ArgumentHelp("csv (the default) or json.", valueName: "format"),
        transform: Parse.choice)
    var format: Format = .csv

    @Option(
        help: ArgumentHelp(
            "en (decimal points, cents) or fr (a French Excel's numbers, euros and words); see above for the default.",
            valueName: "locale"),
        transform: Parse.choice)
    var locale: ExportLocale?

    @Option(
        help: ArgumentHelp("CSV field separator: ',' (the default in English), ';' (in French), '|' or tab.", valueName: "char"),
        transform: Parse.delimiter)
    var delimiter: CSVDelimiter?

    @Flag(
        inversion: .prefixedNo,
        help: "Start the CSV with a UTF-8 byte-order mark, so Excel reads accents right (the default with --locale fr).")
    var bom: Bool?

    @Option(
        help: ArgumentHelp(
            "Write to this file instead of standard output (- for standard output; a device or FIFO is written in place).",
            valueName: "file"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    func validate() throws {
        if format == .json && (bom != nil || delimiter != nil || locale != nil) {
            throw ValidationError("--delimiter, --bom and --locale apply to CSV only, not to --format json")
        }
        if let output, output.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--output is empty: expected a file path")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireViewer(in: context, for: "rewards export")
        let target = try output.map { try OutputTarget($0, force: force, database: global.databasePath(in: context)) }
        let statuses = RewardExport.Statuses.chosen(status)
        let programme = try global.openProgramme(in: context)
        let records = try programme.rewardExport(period: period, statuses: statuses, by: actor)
        let text: String
        switch format {
        case .json:
            text = try RewardExport.json(records)
        case .csv:
            let chosen = try locale ?? programme.exportLocale() ?? (delimiter == .semicolon ? .fr : .en)
            text = RewardExport.csv(
                records, delimiter: delimiter ?? (chosen == .fr ? .semicolon : .comma), byteOrderMark: bom ?? (chosen == .fr),
                locale: chosen)
        }
        if records.isEmpty {
            let which = status.map { $0 == .all ? "" : " \($0.rawValue)" } ?? " approved or granted"
            context.note(
                "No\(which) reward in \(period): the export holds \(format == .csv ? "its header only" : "an empty list") "
                    + "('advocacy rewards list --period \(period)' shows where the proposals stand).")
        }
        guard let target, target != .standardOutput else {
            context.standardOutput.write(text)
            return
        }
        try target.write(Data(text.utf8), in: context)
        context.note("Wrote \(records.count) reward\(records.count == 1 ? "" : "s") of \(period) to \(target.name)")
    }
}
