import AdvocacyCore
import AdvocacyKit
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import GRDB

/// A programme with an admin, two staff members who consented to being
/// tracked (so an admin may act for them) and a project, on a fixed clock:
/// use cases are called on `programme`, and the Store's own tests reach the
/// database under it as `store`.
public struct ProgrammeFixture {
    public static let today = valid { try LocalDate(parsing: "2026-11-21") }
    public static let now = FixedClock.now

    public let programme: Programme
    public var store: AdvocacyStore { programme.store }
    public let admin = valid { try EmailAddress("admin@corp.fr") }
    public let jane = valid { try EmailAddress("jane@corp.fr") }
    public let paul = valid { try EmailAddress("paul@corp.fr") }
    public let erp = valid { try ProjectCode("ERP-2027") }

    public init(programme: Programme? = nil) throws {
        self.programme = try programme ?? Programme.inMemory(now: { ProgrammeFixture.now })
        let programme = self.programme
        _ = try programme.initialise(firstAdmin: try NewEmployee(email: admin, name: "Ada Admin"))
        try programme.addEmployee(try NewEmployee(email: jane, name: "Jane Doe", team: "Data"), by: admin)
        try programme.addEmployee(try NewEmployee(email: paul, name: "Paul Martin", team: "Sécurité"), by: admin)
        try programme.addProject(try Project.validated(code: erp, name: "Refonte ERP", weight: 3), by: admin)
        try programme.recordConsent(jane, granted: true, by: admin)
        try programme.recordConsent(paul, granted: true, by: admin)
    }

    /// The same programme over a store the test opened itself (a real file).
    public init(store: AdvocacyStore) throws {
        try self.init(programme: Programme(store: store))
    }

    public var today: LocalDate { Self.today }

    public func url(_ text: String) -> CanonicalURL { valid { try CanonicalURL(text) } }

    public func draft(
        _ url: String, by author: EmailAddress? = nil, kind: ActionKind? = nil, date: LocalDate? = nil,
        projects: [ProjectCode] = [], metrics: MetricsUpdate? = nil
    ) throws -> ActionDraft {
        try ActionDraft(
            author: author ?? jane, url: self.url(url), kind: kind, date: date ?? today, projects: projects, metrics: metrics,
            today: today)
    }

    /// Logs `draft` and has the admin accept it, so it counts in full, as
    /// work checked in review does (a logged action awaits review).
    @discardableResult
    public func logAccepted(_ draft: ActionDraft, by actor: EmailAddress? = nil) throws -> Action {
        try programme.logAction(draft, by: actor ?? draft.author)
        return try programme.acceptActions([draft.url], today: today, by: admin)[0]
    }

    /// How many rows a table holds, to prove that nothing was written.
    public func count(_ table: String) throws -> Int {
        try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    /// A fingerprint of every table, to compare before and after a refused write.
    public func snapshot() throws -> [Int] {
        try ["employee", "channel", "followerSnapshot", "project", "action", "actionProject", "metricsSnapshot"].map(count)
    }
}
