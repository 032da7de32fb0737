import Foundation

/// Batches handed from one thread (the giver) to another (the taker), in
/// order and a bounded number ahead, so that two cores share a long job:
/// reading a file while the database writes (the import's prefetched rows),
/// stepping SQLite while the facts read are scored (the store's fact stream).
///
/// The giver calls ``give(_:)`` for each batch and ``finish(_:)`` once; the
/// taker calls ``take(returning:)`` until it returns nil (or rethrows the
/// giver's error, after every batch given before it), and ``close()`` when it
/// stops early, which also waits for the giver to finish.
///
/// The taker may hand each batch back when it is done with it, and the
/// giver fill it again (``emptyBatch()``): the elements are then released
/// on the giver's thread. A million rows of strings and arrays freed by the
/// taker cost the import's database thread a twentieth of its time.
package final class BatchHandOff<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let batchesAhead: Int
    // Guarded by `condition`.
    private var batches: [[Element]] = []
    private var returned: [[Element]] = []
    private var end: Result<Void, any Error>?
    private var closed = false

    package init(batchesAhead: Int = 8) {
        self.batchesAhead = batchesAhead
    }

    /// Hands over a batch, waiting while `batchesAhead` are waiting already;
    /// false once the taker has closed, when the giver should stop.
    @discardableResult
    package func give(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= batchesAhead && !closed { condition.wait() }
        guard !closed else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The giver is done: every batch was given, or `outcome` says why not.
    package func finish(_ outcome: Result<Void, any Error>) {
        condition.withLock {
            end = outcome
            condition.broadcast()
        }
    }

    /// A batch to fill: one the taker handed back, emptied here (its elements
    /// released on this thread) with its capacity kept, or a new one.
    package func emptyBatch() -> [Element] {
        guard var batch = condition.withLock({ returned.popLast() }) else { return [] }
        batch.removeAll(keepingCapacity: true)
        return batch
    }

    /// The next batch, or nil after the last; rethrows the giver's error in
    /// its place. `spent`, a batch taken before, goes back to the giver.
    package func take(returning spent: consuming [Element] = []) throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        if spent.capacity > 0 && !closed { returned.append(spent) }
        while batches.isEmpty && end == nil { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        try end?.get()
        return nil
    }

    /// The taker stops: the giver's next ``give(_:)`` returns false. Waits
    /// until the giver has finished. Safe to call more than once.
    package func close() {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        batches.removeAll()
        returned.removeAll()
        condition.broadcast()
        while end == nil { condition.wait() }
    }
}
