import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API, for the
/// loops that write a million rows.
///
/// GRDB's `execute(arguments:)` boxes every value in a `DatabaseValue` and
/// builds an array per call; at a million rows of ten values that was a
/// fifth of an import. Binding in place costs nothing but the copy SQLite
/// makes. Values are bound by position, from 1, in the order of the SQL.
struct BulkStatement {
    private let statement: Statement
    private let raw: OpaquePointer
    private let connection: OpaquePointer?

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        raw = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(raw, index, value) } else { sqlite3_bind_null(raw, index) }
    }

    func bind(_ index: Int32, _ value: Int?) {
        bind(index, value.map(Int64.init))
    }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(raw, index, value) } else { sqlite3_bind_null(raw, index) }
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else { return _ = sqlite3_bind_null(raw, index) }
        value.withUTF8 { bytes in
            _ = sqlite3_bind_text(raw, index, bytes.baseAddress, Int32(bytes.count), transient)
        }
    }

    /// Runs a statement that returns no row, then resets it for the next.
    func execute() throws {
        defer { sqlite3_reset(raw) }
        let code = sqlite3_step(raw)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Runs a query and hands its first row, if any, to `read` (columns from
    /// 0, through ``int64(_:)``, ``text(_:)``...), then resets it.
    func first<T>(_ read: (BulkStatement) throws -> T) throws -> T? {
        defer { sqlite3_reset(raw) }
        switch sqlite3_step(raw) {
        case SQLITE_ROW: return try read(self)
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(raw, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(raw, column) == SQLITE_NULL }

    func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(raw, column) }

    func text(_ column: Int32) -> String? { SQLiteColumn.text(raw, column) }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) },
            sql: statement.sql)
    }
}

/// SQLite copies a value bound with this destructor before `bind` returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
