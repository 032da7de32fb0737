import AdvocacyCore
import AdvocacyKit
import Testing

@testable import AdvocacyStore

@Suite("Demo load")
struct DemoLoadTests {
    @Test func loadsEverythingAndRefusesToOverwriteWithoutForce() throws {
        let store = try AdvocacyStore.inMemory()
        let programme = Programme(store: store)
        let today = try LocalDate(parsing: "2026-11-21")
        let dataset = try DemoProgramme.generate(employees: 40, seed: 1, today: today)
        let summary = try programme.loadDemo(dataset, replacing: false)
        #expect(summary.employees == 40)
        #expect(try programme.employees(seenBy: nil).count == 40)
        let actions = dataset.allActions()
        #expect(try programme.actions().count == actions.count)
        #expect(try programme.channels().count == dataset.channels.count)
        #expect(try programme.projects().count == dataset.projects.count)
        #expect(try programme.employee(summary.cio).role == .cio)
        // Stored metrics are the latest snapshot of each generated action.
        let sample = actions[actions.count / 2]
        #expect(try programme.action(sample.url).metrics == sample.metrics.last?.metrics)

        #expect(throws: StoreError.notEmpty(path: ":memory:")) { try programme.loadDemo(dataset, replacing: false) }
        let other = try DemoProgramme.generate(employees: 12, seed: 2, today: today)
        #expect(throws: StoreError.replaceNeedsAdmin(path: ":memory:")) { try programme.loadDemo(other, replacing: true) }
        #expect(throws: CoreError.self) { try programme.loadDemo(other, replacing: true, by: summary.hr) }
        _ = try programme.loadDemo(other, replacing: true, by: summary.admin)
        #expect(try programme.employees(seenBy: nil).count == 12)
        #expect(try programme.actions().count == other.allActions().count)
    }

    /// A bulk load widens the page cache and keeps temporary tables in
    /// memory for its own length only: the connection gets back what it had.
    @Test func aBulkLoadGivesTheConnectionItsSettingsBack() throws {
        let store = try AdvocacyStore.inMemory()
        let programme = Programme(store: store)
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -3000; PRAGMA temp_store = FILE")
        }
        _ = try programme.loadDemo(
            try DemoProgramme.generate(employees: 12, seed: 3, today: try LocalDate(parsing: "2026-11-21")), replacing: false)
        let settings = try store.writer.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA cache_size"), try Int.fetchOne(db, sql: "PRAGMA temp_store"))
        }
        #expect(settings.0 == -3000)
        #expect(settings.1 == 1)
    }
}
