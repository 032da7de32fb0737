import AdvocacyCore
import AdvocacyTestSupport
import Foundation

@testable import AdvocacyStore

/// A store with an admin, two staff members who consented to being tracked
/// (so an admin may act for them) and a project, on a fixed clock.
struct StoreFixture {
    static let today = valid { try LocalDate(parsing: "2026-11-21") }
    static let now = Date(timeIntervalSince1970: 1_795_262_400)  // 2026-11-21T12:00:00Z

    let store: AdvocacyStore
    let admin = valid { try EmailAddress("admin@corp.fr") }
    let jane = valid { try EmailAddress("jane@corp.fr") }
    let paul = valid { try EmailAddress("paul@corp.fr") }
    let erp = valid { try ProjectCode("ERP-2027") }

    init(store: AdvocacyStore? = nil) throws {
        self.store = try store ?? AdvocacyStore.inMemory(now: { StoreFixture.now })
        _ = try self.store.initialise(firstAdmin: try NewEmployee(email: admin, name: "Ada Admin"))
        try self.store.addEmployee(try NewEmployee(email: jane, name: "Jane Doe", team: "Data"), by: admin)
        try self.store.addEmployee(try NewEmployee(email: paul, name: "Paul Martin", team: "Sécurité"), by: admin)
        try self.store.addProject(try Project.validated(code: erp, name: "Refonte ERP", weight: 3), by: admin)
        try self.store.recordConsent(jane, granted: true, by: admin)
        try self.store.recordConsent(paul, granted: true, by: admin)
    }

    var today: LocalDate { Self.today }

    func url(_ text: String) -> CanonicalURL { valid { try CanonicalURL(text) } }

    func draft(
        _ url: String, by author: EmailAddress? = nil, kind: ActionKind? = nil, date: LocalDate? = nil,
        projects: [ProjectCode] = [], metrics: MetricsUpdate? = nil
    ) throws -> ActionDraft {
        try ActionDraft(
            author: author ?? jane, url: self.url(url), kind: kind, date: date ?? today, projects: projects, metrics: metrics,
            today: today)
    }

    /// How many rows a table holds, to prove that nothing was written.
    func count(_ table: String) throws -> Int {
        try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    /// A fingerprint of every table, to compare before and after a refused write.
    func snapshot() throws -> [Int] {
        try ["employee", "channel", "followerSnapshot", "project", "action", "actionProject", "metricsSnapshot"].map(count)
    }
}

/// A temporary folder removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("advocacy-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
