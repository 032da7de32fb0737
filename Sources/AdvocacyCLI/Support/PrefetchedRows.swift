import AdvocacyCore
import Foundation

/// Reads an import's rows and makes their drafts on a second thread, a few
/// hundred rows ahead of the database applying them.
///
/// Reading the CSV, checking each cell and working out titles and content
/// fingerprints is a third of an import and needs no database; the store's
/// writes are the rest and need one thread. Overlapped, they keep both cores
/// busy. The rows and their drafts (or the reason a draft was refused) come
/// out in file order, so the import's report, its rejects file and the
/// database are exactly what reading in turn gives; a file that is not CSV
/// fails at the same row.
final class PrefetchedRows<Draft: Sendable>: @unchecked Sendable {
    /// A row and its draft, or why the draft was refused.
    private typealias Item = (record: ImportRecord, draft: Result<Draft, any Error>)

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var batches: [[Item]] = []
    private var end: Result<Void, any Error>?
    private var stopped = false

    // The consumer's side, one thread.
    private var batch: [Item] = []
    private var position = 0
    private var lastDraft: Result<Draft, any Error>?

    static var batchSize: Int { 256 }
    static var batchesAhead: Int { 8 }

    /// Starts reading at once. `next` and `draft` are called on the reading
    /// thread only, one row after another.
    init(next: @escaping () throws -> ImportRecord?, draft: @escaping (ImportRecord) throws -> Draft) {
        let work = ReadingWork(next: next, draft: draft)
        Thread.detachNewThread { [self] in produce(work) }
    }

    /// The next row, or nil after the last; rethrows the reading error where it happened.
    func next() throws -> ImportRecord? {
        if position == batch.count {
            guard let taken = try take() else { return nil }
            batch = taken
            position = 0
        }
        let item = batch[position]
        position += 1
        lastDraft = item.draft
        return item.record
    }

    /// The draft of the row `next` returned last.
    func draft(_ record: ImportRecord) throws -> Draft {
        guard let lastDraft else { preconditionFailure("draft(_:) before next()") }
        return try lastDraft.get()
    }

    /// Stops the reading thread and waits for it to end, so that nothing
    /// reads the file after the import: for an import that ends before the
    /// file does (a database error), and after every import. Safe to call
    /// more than once.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        batches.removeAll()
        condition.broadcast()
        while end == nil { condition.wait() }
    }

    private func take() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && end == nil { condition.wait() }
        if !batches.isEmpty {
            let taken = batches.removeFirst()
            condition.broadcast()
            return taken
        }
        try end?.get()
        return nil
    }

    private func produce(_ work: ReadingWork) {
        var items: [Item] = []
        func hand(_ items: [Item]) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while batches.count >= Self.batchesAhead && !stopped { condition.wait() }
            guard !stopped else { return false }
            batches.append(items)
            condition.broadcast()
            return true
        }
        let outcome = Result<Void, any Error> {
            while let record = try work.next() {
                items.append((record, Result { try work.draft(record) }))
                if items.count == Self.batchSize {
                    guard hand(items) else { return }
                    items.removeAll(keepingCapacity: true)
                }
            }
        }
        if !items.isEmpty { _ = hand(items) }
        condition.withLock {
            end = outcome
            condition.broadcast()
        }
    }

    /// The reading closures, handed to the one thread that calls them.
    private struct ReadingWork: @unchecked Sendable {
        let next: () throws -> ImportRecord?
        let draft: (ImportRecord) throws -> Draft
    }
}
