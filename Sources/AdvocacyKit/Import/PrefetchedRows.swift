import AdvocacyCore
import Foundation

/// Reads an import's rows and makes their drafts on a second thread, up to
/// as many rows ahead of the database applying them as its writer holds
/// back (32,768), so that reading goes on while those are written.
///
/// Reading the CSV, checking each cell and working out titles, content
/// fingerprints and the channels addresses name needs no database; the
/// store's writes need one thread. Overlapped, they keep both cores busy.
/// The rows and their drafts (or the reason a draft was refused) come out in
/// file order, so the import's report, its rejects file and the database are
/// exactly what reading in turn gives; a file that is not CSV fails at the
/// same row.
final class PrefetchedRows<Draft: Sendable>: @unchecked Sendable {
    /// A row and its draft, or why the draft was refused.
    private typealias Item = (record: ImportRecord, draft: Result<Draft, any Error>)

    private let handOff = BatchHandOff<Item>(batchesAhead: PrefetchedRows.batchesAhead)
    // The consumer's side, one thread.
    private var batch: [Item] = []
    private var position = 0

    static var batchSize: Int { 256 }
    static var batchesAhead: Int { 128 }

    /// Starts reading at once. `next` and `draft` are called on the reading
    /// thread only, one row after another.
    init(next: @escaping () throws -> ImportRecord?, draft: @escaping (ImportRecord) throws -> Draft) {
        let work = ReadingWork(next: next, draft: draft)
        Thread.detachNewThread { [handOff] in
            var items: [Item] = []
            let outcome = Result<Void, any Error> {
                while let record = try work.next() {
                    items.append((record, Result { try work.draft(record) }))
                    if items.count == Self.batchSize {
                        // Refused: the import stopped and wants no more rows.
                        guard handOff.give(items) else { return }
                        items = handOff.emptyBatch()
                    }
                }
            }
            if !items.isEmpty { handOff.give(items) }
            handOff.finish(outcome)
        }
    }

    /// The next row, or nil after the last; rethrows the reading error where it happened.
    func next() throws -> ImportRecord? {
        if position == batch.count {
            // The rows read go back to the reading thread to be freed there.
            var spent: [Item] = []
            swap(&spent, &batch)
            position = 0
            guard let taken = try handOff.take(returning: consume spent) else { return nil }
            batch = taken
        }
        position += 1
        return batch[position - 1].record
    }

    /// The draft of `record`, which must be the row `next` returned last:
    /// drafts were made in file order, one per row. Read where it is in its
    /// batch, not copied out with its row first: each copy retains every
    /// string of both.
    func draft(_ record: ImportRecord) throws -> Draft {
        guard position > 0, batch[position - 1].record.line == record.line else {
            preconditionFailure("draft(_:) of line \(record.line), not the row next() returned last")
        }
        return try batch[position - 1].draft.get()
    }

    /// Stops the reading thread and waits for it to end, so that nothing
    /// reads the file after the import: for an import that ends before the
    /// file does (a database error), and after every import. Safe to call
    /// more than once.
    func stop() { handOff.close() }

    /// The reading closures, handed to the one thread that calls them.
    private struct ReadingWork: @unchecked Sendable {
        let next: () throws -> ImportRecord?
        let draft: (ImportRecord) throws -> Draft
    }
}
