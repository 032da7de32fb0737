import Foundation
import Testing

@testable import AdvocacyCore

/// Batches between two threads, handed back to be refilled, so that what
/// the taker is done with is freed by the giver.
@Suite("Batch hand-off")
struct BatchHandOffTests {
    final class Released: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int] = []
        func add(_ value: Int) { lock.withLock { values.append(value) } }
        var all: [Int] { lock.withLock { values.sorted() } }
    }

    final class Tracked: Sendable {
        let value: Int
        let released: Released
        init(_ value: Int, released: Released) {
            self.value = value
            self.released = released
        }
        deinit { released.add(value) }
    }

    @Test func aSpentBatchIsFreedWhenTheGiverRefillsItAndKeepsItsCapacity() throws {
        let handOff = BatchHandOff<Tracked>(batchesAhead: 2)
        let released = Released()
        var batch = handOff.emptyBatch()
        #expect(batch.isEmpty)
        batch.append(contentsOf: (0..<100).map { Tracked($0, released: released) })
        handOff.give(batch)
        batch = []
        let taken = try #require(try handOff.take())
        #expect(taken.map(\.value) == Array(0..<100))
        let capacity = taken.capacity
        handOff.finish(.success(()))
        #expect(try handOff.take(returning: consume taken) == nil)
        // Handed back, not freed by the taker.
        #expect(released.all.isEmpty)
        let refill = handOff.emptyBatch()
        #expect(refill.isEmpty && refill.capacity == capacity)
        #expect(released.all == Array(0..<100))
        // Nothing more was handed back: a new batch.
        #expect(handOff.emptyBatch().capacity == 0)
    }
}
