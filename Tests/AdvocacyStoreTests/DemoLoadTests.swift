import AdvocacyCore
import Testing

@testable import AdvocacyStore

@Suite("Demo load")
struct DemoLoadTests {
    @Test func loadsEverythingAndRefusesToOverwriteWithoutForce() throws {
        let store = try AdvocacyStore.inMemory()
        let today = try LocalDate(parsing: "2026-11-21")
        let dataset = try DemoProgramme.generate(employees: 40, seed: 1, today: today)
        let summary = try store.loadDemo(dataset, replacing: false)
        #expect(summary.employees == 40)
        #expect(try store.employees().count == 40)
        let actions = dataset.allActions()
        #expect(try store.actions().count == actions.count)
        #expect(try store.channels().count == dataset.channels.count)
        #expect(try store.projects().count == dataset.projects.count)
        #expect(try store.employee(summary.cio).role == .cio)
        // Stored metrics are the latest snapshot of each generated action.
        let sample = actions[actions.count / 2]
        #expect(try store.action(sample.url).metrics == sample.metrics.last?.metrics)

        #expect(throws: StoreError.notEmpty(path: ":memory:")) { try store.loadDemo(dataset, replacing: false) }
        let other = try DemoProgramme.generate(employees: 12, seed: 2, today: today)
        #expect(throws: StoreError.replaceNeedsAdmin(path: ":memory:")) { try store.loadDemo(other, replacing: true) }
        #expect(throws: CoreError.self) { try store.loadDemo(other, replacing: true, by: summary.hr) }
        _ = try store.loadDemo(other, replacing: true, by: summary.admin)
        #expect(try store.employees().count == 12)
        #expect(try store.actions().count == other.allActions().count)
    }

    /// A bulk load widens the page cache and keeps temporary tables in
    /// memory for its own length only: the connection gets back what it had.
    @Test func aBulkLoadGivesTheConnectionItsSettingsBack() throws {
        let store = try AdvocacyStore.inMemory()
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -3000; PRAGMA temp_store = FILE")
        }
        _ = try store.loadDemo(
            try DemoProgramme.generate(employees: 12, seed: 3, today: try LocalDate(parsing: "2026-11-21")), replacing: false)
        let settings = try store.writer.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA cache_size"), try Int.fetchOne(db, sql: "PRAGMA temp_store"))
        }
        #expect(settings.0 == -3000)
        #expect(settings.1 == 1)
    }
}
