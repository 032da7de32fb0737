import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

/// The ranking's summary table (`actionFact`), kept by triggers.
@Suite("The fact summary")
struct FactSummaryStoreTests {
    /// The summary rows as the triggers left them, and as computed afresh.
    func factsAndRecomputed(_ store: AdvocacyStore) throws -> (kept: [Row], fresh: [Row]) {
        try store.writer.write { db in
            let order = "SELECT * FROM actionFact ORDER BY actionId"
            let kept = try Row.fetchAll(db, sql: order)
            try db.execute(sql: "DELETE FROM actionFact")
            try db.execute(sql: try StoredFactRule.insert(db, where: "1"))
            return (kept, try Row.fetchAll(db, sql: order))
        }
    }

    @Test func theFactSummaryFollowsEveryChange() throws {
        let fixture = try ProgrammeFixture()
        let programme = fixture.programme, store = fixture.store, jane = fixture.jane, admin = fixture.admin
        let data = try ProjectCode("DATA")
        try programme.addProject(try Project.validated(code: data, name: "Données", weight: 1), by: admin)
        let blog = fixture.url("https://jane.example.org")
        try programme.addChannel(
            try NewChannel(owner: jane, url: blog, followers: 900, followersDate: fixture.today.adding(days: -60)), by: jane)
        try programme.logAction(
            try fixture.draft(
                "https://jane.example.org/erp", date: fixture.today.adding(days: -50), projects: [fixture.erp, data]), by: jane)
        try programme.logAction(
            try fixture.draft(
                "https://jane.example.org/notes", kind: .article, date: fixture.today.adding(days: -30),
                metrics: try MetricsUpdate(reactions: 10, comments: 2)), by: jane)
        // Logged before its channel had any follower count: the earliest known applies once there is one.
        try programme.logAction(try fixture.draft("https://x.com/jane/status/1", date: fixture.today.adding(days: -40)), by: jane)
        #expect(try factsAndRecomputed(store).kept.map { $0["followers"] as Int? } == [900, 900, nil])

        try programme.recordFollowers(
            fixture.url("https://x.com/jane"), count: 4_000, on: fixture.today.adding(days: -10), by: jane)
        try programme.recordFollowers(blog, count: 1_500, on: fixture.today.adding(days: -45), by: jane)
        try programme.recordMetrics(
            fixture.url("https://jane.example.org/erp"), try MetricsUpdate(impressions: 800, reactions: 30),
            on: fixture.today.adding(days: -20), by: jane)
        try programme.recordMetrics(
            fixture.url("https://jane.example.org/erp"), try MetricsUpdate(reactions: 45),
            on: fixture.today.adding(days: -5), by: jane)
        try programme.updateProject(fixture.erp, ProjectChanges(weight: 1, today: fixture.today), by: admin)
        try programme.updateProject(data, ProjectChanges(weight: 2, today: fixture.today), by: admin)
        try programme.removeAction(fixture.url("https://jane.example.org/notes"), by: jane)

        let (kept, fresh) = try factsAndRecomputed(store)
        #expect(kept == fresh)
        #expect(kept.count == 2)
        let erp = kept[0]
        #expect(erp["followers"] as Int? == 900)  // 2026-10-02: the count of 09-22, not the later one of 10-07
        #expect(erp["reactions"] as Int? == 45)  // the latest snapshot…
        #expect(erp["impressions"] as Int? == 800)  // …carries forward the impressions it left out
        #expect(erp["strategicWeight"] as Int? == 2)  // the highest of its projects' new weights
        #expect(kept[1]["followers"] as Int? == 4_000)  // the earliest known count of a channel registered later
    }
}
