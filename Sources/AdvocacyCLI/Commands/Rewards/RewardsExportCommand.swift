import AdvocacyCore
import AdvocacyPresentation
import ArgumentParser
import Foundation

struct RewardsExportCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a period's rewards for payroll, an HRIS or Excel (hr or admin).",
        discussion: """
            Columns: period, hrId, email, name, team, rank, score, rewardCode, rewardName, category, costCents, \
            status, rationale, approvedBy, approvedAt. CSV follows RFC 4180 in UTF-8, and a cell a spreadsheet \
            would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with '. For a French Excel: \
            --delimiter ';' --bom. JSON is an array of objects with the same keys. --output writes a file \
            atomically (a temporary file, then renamed), so it is never seen half-written; it replaces an existing \
            file only with --force. A device or a FIFO is written in place, and - is standard output.
            """)

    enum Format: String, CaseIterable {
        case csv, json
    }

    enum Statuses: String, CaseIterable {
        case approved, granted, all
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The period, like 2026-Q4.", valueName: "period"), transform: Parse.period)
    var period: Period

    @Option(
        help: ArgumentHelp("approved (the default), granted or all.", valueName: "status"),
        transform: Parse.choice)
    var status: Statuses = .approved

    @Option(
        help: ArgumentHelp("csv (the default) or json.", valueName: "format"),
        transform: Parse.choice)
    var format: Format = .csv

    @Option(
        help: ArgumentHelp("CSV field separator: ',' (the default), ';', '|' or tab.", valueName: "char"),
        transform: Parse.delimiter)
    var delimiter: CSVDelimiter = .comma

    @Flag(help: "Start the CSV with a UTF-8 byte-order mark, so Excel reads accents right.")
    var bom = false

    @Option(
        help: ArgumentHelp(
            "Write to this file instead of standard output (- for standard output; a device or FIFO is written in place).",
            valueName: "file"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    func validate() throws {
        if format == .json && (bom || delimiter != .comma) {
            throw ValidationError("--delimiter and --bom apply to CSV only, not to --format json")
        }
        if let output, output.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--output is empty: expected a file path")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireViewer(in: context, for: "rewards export")
        let target = try output.map { try OutputTarget($0, force: force, database: global.databasePath(in: context)) }
        let statuses: Set<RewardStatus>? =
            switch status {
            case .approved: [.approved]
            case .granted: [.granted]
            case .all: nil
            }
        let records = try global.openProgramme(in: context).rewardExport(period: period, statuses: statuses, by: actor)
        let text =
            switch format {
            case .json: try RewardExport.json(records)
            case .csv: RewardExport.csv(records, delimiter: delimiter, byteOrderMark: bom)
            }
        guard let target, target != .standardOutput else {
            context.standardOutput.write(text)
            return
        }
        try target.write(Data(text.utf8), in: context)
        context.note("Wrote \(records.count) reward\(records.count == 1 ? "" : "s") of \(period) to \(target.name)")
    }
}
