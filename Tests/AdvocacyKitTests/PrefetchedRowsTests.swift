import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import Testing

@testable import AdvocacyKit

/// The second thread that reads an import's rows: what comes out is what
/// reading in turn gives, errors included, across its batches.
@Suite("Rows read ahead")
struct PrefetchedRowsTests {
    struct Unreadable: Error, Equatable { var line: Int }
    struct Refused: Error, Equatable { var line: Int }

    /// Rows 1...count; a line in `refused` has its draft refused, and reading `unreadable` fails.
    static func source(count: Int, unreadable: Int? = nil) -> () throws -> ImportRecord? {
        var line = 0
        return {
            line += 1
            if line == unreadable { throw Unreadable(line: line) }
            return line <= count ? ImportRecord(line: line, fields: ["row \(line)"]) : nil
        }
    }

    static func draft(refusing refused: Set<Int>) -> (ImportRecord) throws -> String {
        { record in
            if refused.contains(record.line) { throw Refused(line: record.line) }
            return record.fields[0].uppercased()
        }
    }

    @Test func rowsAndDraftsComeInFileOrderAcrossBatches() throws {
        let count = PrefetchedRows<String>.batchSize * PrefetchedRows<String>.batchesAhead * 3 + 7
        let refused: Set<Int> = [1, 256, 257, count]
        let rows = PrefetchedRows(next: Self.source(count: count), draft: Self.draft(refusing: refused))
        defer { rows.stop() }
        var lines: [Int] = []
        var refusals: [Int] = []
        while let record = try rows.next() {
            lines.append(record.line)
            do {
                #expect(try rows.draft(record) == "ROW \(record.line)")
            } catch let error as Refused {
                refusals.append(error.line)
            }
        }
        #expect(lines == Array(1...count))
        #expect(refusals == refused.sorted())
        #expect(try rows.next() == nil)
    }

    @Test func aFileThatCannotBeReadFailsAfterTheRowsBeforeIt() throws {
        let rows = PrefetchedRows(next: Self.source(count: 1_000, unreadable: 600), draft: Self.draft(refusing: []))
        defer { rows.stop() }
        var read = 0
        #expect(throws: Unreadable(line: 600)) {
            while try rows.next() != nil { read += 1 }
        }
        #expect(read == 599)
    }

    @Test func stoppingEarlyEndsTheReadingThread() throws {
        let rows = PrefetchedRows(next: Self.source(count: 1_000_000), draft: Self.draft(refusing: []))
        #expect(try rows.next()?.line == 1)
        rows.stop()  // returns only once the reader has ended, long before a million rows
        rows.stop()
    }
}
