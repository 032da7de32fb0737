import AdvocacyCore
import ArgumentParser

/// What every importer takes: how to treat invalid rows, and how to report.
struct ImportOptions: ParsableArguments {
    @Flag(help: "Write the valid rows; set the invalid ones aside, with a reason column, in FILE.rejects.csv.")
    var skipInvalid = false

    @Flag(help: "Check everything and print the counts, writing nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Summary format: text or json.", valueName: "format"), transform: Parse.choice)
    var format: ReportFormat = .text

    var mode: ImportMode { dryRun ? .dryRun : skipInvalid ? .skipInvalid : .allOrNothing }
}

/// How a file to import writes its dates, when they are not YYYY-MM-DD and
/// the file itself cannot tell (`05/10/2026` throughout).
struct DateOrderOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "How the file writes dates that are not YYYY-MM-DD: dmy (31/10/2026, as a French Excel saves them), mdy (10/31/2026) or ymd (2026/10/31). Default: read off the file's dates.",
            valueName: "order"),
        transform: Parse.choice)
    var dateOrder: DateOrder?
}

/// The field separator of a CSV file to import, when its header does not make it plain.
struct DelimiterOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Field separator: ',', ';', '|' or tab (default: ',' or ';', whichever the header line uses).", valueName: "char"),
        transform: Parse.delimiter)
    var delimiter: CSVDelimiter?
}
