import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

/// The bulk loads' statements: texts SQLite reads from one buffer in place,
/// many rows to a statement, and a refused row that leaves nothing behind.
@Suite("Bulk statements")
struct BulkStatementTests {
    static func table() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (n INTEGER NOT NULL, text TEXT, CHECK (n < 1000))")
        }
        return queue
    }

    static let texts: [String?] = [
        "plain", "", nil, "accentué · 日本語 · 🎉", String(repeating: "long ", count: 2_000), "last",
    ]

    @Test func textsComeBackAsBoundAcrossWholeStatementsAndTheRest() throws {
        let queue = try Self.table()
        // 3 rows to a statement: two whole statements of the first six rows,
        // then the six again, one statement each, twice (the buffer is reused).
        let rows = Array(Self.texts.enumerated()) + Array(Self.texts.enumerated()).map { ($0.offset + 6, $0.element) }
        try queue.write { db in
            let insert = try MultiRowInsert(db, into: "t", columns: ["n", "text"], rowsPerStatement: 3)
            try insert.write(rows) { statement, row, first in
                statement.bind(first, Int64(row.offset))
                statement.bind(first + 1, row.element)
            }
            for (offset, text) in rows.prefix(4) {
                try insert.write(CollectionOfOne((offset + 100, text))) { statement, row, first in
                    statement.bind(first, Int64(row.0))
                    statement.bind(first + 1, row.1)
                }
            }
        }
        let stored = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT n, text FROM t ORDER BY n").map { ($0["n"] as Int, $0["text"] as String?) }
        }
        let expected = rows.map { ($0.offset, $0.element) } + rows.prefix(4).map { ($0.offset + 100, $0.element) }
        #expect(stored.map(\.0) == expected.map(\.0))
        #expect(stored.map(\.1) == expected.map(\.1))
        // An empty text is stored as an empty text, not as NULL.
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM t WHERE text = ''") } == 3)
    }

    @Test func aQueryFindsByABoundTextAndThenByAnother() throws {
        let queue = try Self.table()
        try queue.write { db in
            try db.execute(sql: "INSERT INTO t (n, text) VALUES (1, 'one'), (2, 'two')")
            let find = try BulkStatement(db, sql: "SELECT n FROM t WHERE text = ?")
            for (text, n) in [("two", 2), ("one", 1), ("three", nil)] as [(String, Int64?)] {
                find.bind(1, text)
                #expect(try find.first { $0.int64(0) } == n)
            }
        }
    }

    @Test func everyRowOfAQueryIsReadAndTheQueryRunsAgain() throws {
        let queue = try Self.table()
        try queue.write { db in
            try db.execute(sql: "INSERT INTO t (n, text) VALUES (1, 'a'), (2, NULL), (3, 'ccc'), (4, 'a')")
            let find = try BulkStatement(db, sql: "SELECT n, text FROM t WHERE n >= ? ORDER BY n")
            for from in [2, 1, 5] as [Int64] {
                var read: [(Int64, String, Bool)] = []
                find.bind(1, from)
                try find.forEach { row in
                    read.append((row.int64(0), String(decoding: row.bytes(1), as: UTF8.self), row.isNull(1)))
                }
                let expected = [(1, "a", false), (2, "", true), (3, "ccc", false), (4, "a", false)].filter { $0.0 >= from }
                #expect(read.map(\.0) == expected.map { Int64($0.0) })
                #expect(read.map(\.1) == expected.map(\.1))
                #expect(read.map(\.2) == expected.map(\.2))
            }
        }
    }

    @Test func aRefusedRowFailsTheStatementAndTheTransactionWritesNothing() throws {
        let queue = try Self.table()
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                let insert = try MultiRowInsert(db, into: "t", columns: ["n", "text"], rowsPerStatement: 4)
                try insert.write([1, 2, 5_000, 4]) { statement, n, first in
                    statement.bind(first, Int64(n))
                    statement.bind(first + 1, "row \(n)")
                }
            }
        }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM t") } == 0)
    }
}
