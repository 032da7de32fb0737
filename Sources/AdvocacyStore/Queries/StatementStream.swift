import AdvocacyCore
import Foundation
import GRDB
import GRDBSQLite

/// The rows of a long read, stepped and decoded on a thread of their own a
/// few batches ahead of the caller: the scoring's facts and follower counts.
///
/// Stepping SQLite and decoding each row is over half of a ranking; the
/// scoring and the callers' tallies are most of the rest. Overlapped, they
/// keep both cores busy. The reading thread steps the statement with
/// SQLite's C API while the caller's thread, which holds GRDB's access to the
/// connection, works on the batches already read: so `body` must not use the
/// connection, and nothing it calls may either. The statement has been
/// stepped to its end (or its error), and the reading thread has ended,
/// before ``forEach(_:decode:_:)`` returns.
///
/// Stepped this way, the statement passes by GRDB's own bookkeeping: a
/// failure carries the SQL but not the arguments, and an interrupted read is
/// a `DatabaseError`, not a cancellation. Only plain reads in a read
/// transaction go through here, where neither matters.
enum StatementStream {
    /// Rows per batch: enough that handing over costs nothing, few enough
    /// that a batch stays in the processor's cache (about 300 KB of facts).
    static let batchSize = 2_048
    static let batchesAhead = 4

    /// Calls `body` with each row `decode` makes, in the statement's order.
    /// `decode` runs on the reading thread, on the row the statement is on;
    /// the statement's arguments must be set already.
    static func forEach<Element: Sendable>(
        _ statement: Statement, decode: @escaping @Sendable (SQLiteStatement) -> Element, _ body: (Element) throws -> Void
    ) throws {
        let reading = Reading(statement: statement.sqliteStatement, sql: statement.sql)
        let handOff = BatchHandOff<Element>(batchesAhead: batchesAhead)
        sqlite3_reset(reading.statement)
        Thread.detachNewThread { [handOff, reading] in
            handOff.finish(Result { try reading.run(handOff, decode: decode) })
        }
        // Also when `body` throws: the reading thread is told to stop, and waited for.
        defer { handOff.close() }
        while let batch = try handOff.take() {
            for element in batch { try body(element) }
        }
    }

    /// What the reading thread is handed: the statement, used by no other
    /// thread until the reading has finished.
    private struct Reading: @unchecked Sendable {
        let statement: SQLiteStatement
        let sql: String

        func run<Element: Sendable>(_ handOff: BatchHandOff<Element>, decode: (SQLiteStatement) -> Element) throws {
            var batch: [Element] = []
            batch.reserveCapacity(StatementStream.batchSize)
            while true {
                let code = sqlite3_step(statement)
                guard code == SQLITE_ROW else {
                    if !batch.isEmpty { handOff.give(batch) }
                    guard code == SQLITE_DONE else {
                        let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(statement)))
                        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
                    }
                    return
                }
                batch.append(decode(statement))
                if batch.count == StatementStream.batchSize {
                    // Refused: the caller stopped and wants no more rows.
                    guard handOff.give(batch) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
    }
}
