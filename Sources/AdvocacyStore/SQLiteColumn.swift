import GRDB
import GRDBSQLite

/// A column of the row a statement is on, read with SQLite's C API, for the
/// loops that read many rows (``BulkStatement``, the roster, the follower
/// counts) without boxing each value.
enum SQLiteColumn {
    /// A text column's UTF-8 bytes, in place until the statement steps
    /// again; empty for NULL.
    static func bytes(_ statement: SQLiteStatement, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        // The text first, then its length, as SQLite asks.
        let start = sqlite3_column_text(statement, column)
        return UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, column)))
    }

    /// A text column as a string; nil for NULL.
    static func text(_ statement: SQLiteStatement, _ column: Int32) -> String? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
        return String(decoding: bytes(statement, column), as: UTF8.self)
    }
}
