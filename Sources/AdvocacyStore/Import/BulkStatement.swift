import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API, for the
/// loops that write a million rows.
///
/// GRDB's `execute(arguments:)` boxes every value in a `DatabaseValue` and
/// builds an array per call; at a million rows of ten values that was a
/// fifth of an import. Values are bound by position, from 1, in the order of
/// the SQL.
///
/// Texts are copied into one buffer, which SQLite reads in place while the
/// statement runs (``BoundTexts``), rather than each into a block SQLite
/// allocates, copies and frees: a 64-row statement binds 300 texts.
struct BulkStatement {
    private let statement: Statement
    private let raw: OpaquePointer
    private let connection: OpaquePointer?
    private let texts = BoundTexts()

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

    /// Bound when the statement runs, from the statement's buffer of texts.
    func bind(_ index: Int32, _ value: String?) {
        guard let value else { return _ = sqlite3_bind_null(raw, index) }
        texts.add(value, at: index)
    }

    /// Binds a text SQLite reads where it is, without a copy: it must stay
    /// unchanged until the statement has run (``execute()``), which unbinds it.
    func bind(_ index: Int32, inPlace text: UnsafeBufferPointer<UInt8>) {
        texts.bindInPlace(text, at: index, to: raw)
    }

    /// Runs a statement that returns no row, then resets it for the next.
    func execute() throws {
        try texts.bound(to: raw) {
            defer { sqlite3_reset(raw) }
            let code = sqlite3_step(raw)
            guard code == SQLITE_DONE else { throw error(code) }
        }
    }

    /// Runs a query and hands its first row, if any, to `read` (columns from
    /// 0, through ``int64(_:)``, ``text(_:)``...), then resets it.
    func first<T>(_ read: (BulkStatement) throws -> T) throws -> T? {
        try texts.bound(to: raw) {
            defer { sqlite3_reset(raw) }
            switch sqlite3_step(raw) {
            case SQLITE_ROW: return try read(self)
            case SQLITE_DONE: return nil
            case let code: throw error(code)
            }
        }
    }

    /// Runs a query and hands each of its rows to `read`, then resets it.
    func forEach(_ read: (BulkStatement) throws -> Void) throws {
        try texts.bound(to: raw) {
            defer { sqlite3_reset(raw) }
            while true {
                switch sqlite3_step(raw) {
                case SQLITE_ROW: try read(self)
                case SQLITE_DONE: return
                case let code: throw error(code)
                }
            }
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(raw, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(raw, column) == SQLITE_NULL }

    func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(raw, column) }

    func text(_ column: Int32) -> String? { SQLiteColumn.text(raw, column) }

    /// A text column's bytes, valid until the statement steps again; empty for NULL.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> { SQLiteColumn.bytes(raw, column) }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) },
            sql: statement.sql)
    }
}

/// The texts of a statement's next run, one after another in one buffer.
///
/// They are bound with no destructor (SQLite's `SQLITE_STATIC`): SQLite
/// reads them where they are, so the buffer must stay unchanged until the
/// statement is reset; ``bound(to:_:)`` binds them, runs the statement and
/// unbinds them before the buffer is emptied for the next run.
private final class BoundTexts {
    private var bytes: [UInt8] = []
    private var pending: [(index: Int32, start: Int, count: Int)] = []
    /// Texts of the caller's own buffer are bound: they are unbound after the run.
    private var boundInPlace = false

    func add(_ text: String, at index: Int32) {
        pending.append((index, bytes.count, text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    func bindInPlace(_ text: UnsafeBufferPointer<UInt8>, at index: Int32, to statement: OpaquePointer) {
        let start = text.baseAddress ?? UnsafePointer(("" as StaticString).utf8Start)
        sqlite3_bind_text(statement, index, start, Int32(text.count), nil)
        boundInPlace = true
    }

    func bound<T>(to statement: OpaquePointer, _ run: () throws -> T) throws -> T {
        guard !pending.isEmpty || boundInPlace else { return try run() }
        defer {
            // No pointer into a buffer outlives this run.
            sqlite3_clear_bindings(statement)
            bytes.removeAll(keepingCapacity: true)
            pending.removeAll(keepingCapacity: true)
            boundInPlace = false
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            for text in pending {
                // An empty text needs an address too: a null one would bind NULL.
                let start = buffer.baseAddress.map { $0 + text.start } ?? ("" as StaticString).utf8Start
                sqlite3_bind_text(statement, text.index, start, Int32(text.count), nil)
            }
            return try run()
        }
    }
}
