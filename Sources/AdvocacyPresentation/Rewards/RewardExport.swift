import AdvocacyCore

/// What `rewards export` writes, for payroll, an HRIS or Excel: the same bytes
/// whether the CLI writes them to a file or the server sends them.
///
/// Columns and keys are Core's (``RewardProposalRecord/exportColumns``,
/// ``RewardProposalRecord/Export``). Neither form shows control characters
/// as escapes: a cell or a string keeps its bytes, as a payroll file must.
public enum RewardExport {
    /// RFC 4180 CSV with a header row and CRLF line ends, formulas neutralised
    /// (Core's ``CSVWriter``); `delimiter` and `byteOrderMark` are for Excel
    /// in a locale whose list separator is `;`.
    public static func csv(
        _ records: [RewardProposalRecord], delimiter: CSVDelimiter = .comma, byteOrderMark: Bool = false
    ) -> String {
        CSVWriter(delimiter: delimiter, byteOrderMark: byteOrderMark)
            .document(header: RewardProposalRecord.exportColumns, rows: records.map(\.exportCells))
    }

    /// A JSON array of objects with the CSV's columns as keys, money in cents,
    /// ending with a line feed.
    public static func json(_ records: [RewardProposalRecord]) throws -> String {
        String(decoding: try JSONOutput.encoder().encode(records.map(\.export)), as: UTF8.self) + "\n"
    }
}
