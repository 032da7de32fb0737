import GRDB

/// An INSERT that writes many rows per statement, for the bulk loads.
///
/// SQLite's work per statement (opening a cursor on the table and on each
/// index, the statement journal, updating the AUTOINCREMENT counter, closing
/// them) costs as much as writing a row: one row per statement made the
/// import of a million actions take twice what SQLite needs to write the
/// same rows (docs/performance.md). Rows go `rowsPerStatement` to a
/// statement (`VALUES (…), (…), …`), the few left over one at a time.
///
/// `INSERT OR FAIL`: a refused row stops its statement without undoing the
/// rows before it, so SQLite keeps no statement journal, in which it copies
/// every page a statement is about to change (a random index page per row
/// here): 2 of the 20 seconds of a million-row import. What a failed
/// statement leaves is undone with the whole import's transaction.
struct MultiRowInsert {
    let rowsPerStatement: Int
    private let columns: Int32
    private let full: BulkStatement
    private let single: BulkStatement

    /// `suffix` follows the values (an `ON CONFLICT` clause, which applies row by row).
    init(_ db: Database, into table: String, columns names: [String], rowsPerStatement: Int, suffix: String = "") throws {
        self.rowsPerStatement = rowsPerStatement
        columns = Int32(names.count)
        let row = "(" + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
        func sql(rows: Int) -> String {
            "INSERT OR FAIL INTO \(table) (\(names.joined(separator: ", "))) VALUES "
                + Array(repeating: row, count: rows).joined(separator: ", ") + (suffix.isEmpty ? "" : " " + suffix)
        }
        full = try BulkStatement(db, sql: sql(rows: rowsPerStatement))
        single = try BulkStatement(db, sql: sql(rows: 1))
    }

    /// Writes `rows`; `bind` binds one row's values to the statement from
    /// the parameter it is given, in the order of the columns.
    func write<Rows: RandomAccessCollection>(_ rows: Rows, bind: (BulkStatement, Rows.Element, Int32) -> Void) throws
    where Rows.Index == Int {
        var start = rows.startIndex
        while rows.endIndex - start >= rowsPerStatement {
            for (offset, row) in rows[start..<start + rowsPerStatement].enumerated() {
                bind(full, row, Int32(offset) * columns + 1)
            }
            try full.execute()
            start += rowsPerStatement
        }
        for row in rows[start...] {
            bind(single, row, 1)
            try single.execute()
        }
    }
}
