import AdvocacyCore
import Foundation
import GRDB
import GRDBSQLite

/// The facts a scoring statement selects, stepped and decoded on a thread
/// of their own a few batches ahead of the scoring.
///
/// Stepping SQLite and decoding each row is over half of a ranking; the
/// scoring and the callers' tallies are most of the rest. Overlapped, they
/// keep both cores busy. The caller's thread, which holds GRDB's access to
/// the connection, only waits for batches while the reading thread steps the
/// statement with SQLite's C API: the connection is used by one thread at a
/// time, and the statement has been stepped to its end (or its error), and
/// the reading thread has ended, before ``forEach(_:_:)`` returns.
enum FactStream {
    /// Rows per batch: enough that handing over costs nothing, few enough
    /// that a batch stays in the processor's cache (about 300 KB).
    static let batchSize = 2_048
    static let batchesAhead = 4

    /// Calls `body` with each row's author (the first column) and facts
    /// (``AdvocacyStore/factColumns``, from the first column on), in the
    /// statement's order. The statement's arguments must be set already.
    static func forEach(_ statement: Statement, _ body: (_ employeeID: Int64, ActionFacts) -> Void) throws {
        let reading = Reading(statement: statement.sqliteStatement, sql: statement.sql)
        let handOff = BatchHandOff<(Int64, ActionFacts)>(batchesAhead: batchesAhead)
        sqlite3_reset(reading.statement)
        Thread.detachNewThread { [handOff, reading] in
            handOff.finish(Result { try reading.run(handOff) })
        }
        defer { handOff.close() }
        while let batch = try handOff.take() {
            for (employeeID, facts) in batch { body(employeeID, facts) }
        }
    }

    /// What the reading thread is handed: the statement, used by no other
    /// thread until the reading has finished.
    private struct Reading: @unchecked Sendable {
        let statement: SQLiteStatement
        let sql: String

        func run(_ handOff: BatchHandOff<(Int64, ActionFacts)>) throws {
            var batch: [(Int64, ActionFacts)] = []
            batch.reserveCapacity(FactStream.batchSize)
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
                batch.append((sqlite3_column_int64(statement, 0), AdvocacyStore.facts(statement)))
                if batch.count == FactStream.batchSize {
                    // Refused: the scoring stopped and wants no more rows.
                    guard handOff.give(batch) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
    }
}
