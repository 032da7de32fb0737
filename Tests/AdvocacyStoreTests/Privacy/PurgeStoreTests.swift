import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

@Suite("Retention: purging old actions and follower counts")
struct PurgeStoreTests {
    /// Jane's blog with counts three years, 30 and 25 months and a month ago, and
    /// articles from three years, thirty months and a week ago.
    static func programme() throws -> ProgrammeFixture {
        let fixture = try ProgrammeFixture()
        let programme = fixture.programme, jane = fixture.jane
        let blog = fixture.url("https://jane.example.org")
        try programme.addChannel(
            try NewChannel(owner: jane, url: blog, followers: 100, followersDate: fixture.today.adding(days: -1100)), by: jane)
        try programme.recordFollowers(blog, count: 400, on: fixture.today.adding(days: -900), by: jane)
        try programme.recordFollowers(blog, count: 900, on: fixture.today.adding(days: -750), by: jane)
        try programme.recordFollowers(blog, count: 1_000, on: fixture.today.adding(days: -30), by: jane)
        for (slug, days) in [("old", -1090), ("older", -900), ("recent", -7)] {
            try programme.logAction(
                try fixture.draft(
                    "https://jane.example.org/\(slug)", kind: .article, date: fixture.today.adding(days: days),
                    projects: [fixture.erp],
                    metrics: try MetricsUpdate(reactions: 10)),
                by: jane)
        }
        return fixture
    }

    @Test func aDryRunCountsAndRemovesNothing() throws {
        let fixture = try Self.programme()
        let before = try fixture.snapshot()
        let summary = try fixture.programme.purge(
            olderThan: try RetentionPeriod(parsing: "24m"), today: fixture.today, dryRun: true, by: fixture.admin)
        #expect(summary.cutoff == (try LocalDate(parsing: "2024-11-21")))
        #expect(summary.actions == 2 && summary.metricsSnapshots == 2 && summary.projectLinks == 2)
        // Of the three counts before the cutoff, the last (900) is the audience on that day and stays.
        #expect(summary.followerSnapshots == 2)
        #expect(try fixture.snapshot() == before)
    }

    @Test func thePurgeRemovesOldDataInOneAuditedStepAndKeepsTheFactsRight() throws {
        let fixture = try Self.programme()
        let programme = fixture.programme, store = fixture.store, admin = fixture.admin
        let entriesBefore = try programme.auditEntries(by: admin).count
        #expect(throws: CoreError.self) {
            try programme.purge(
                olderThan: try RetentionPeriod(parsing: "24m"), today: fixture.today, dryRun: false, by: fixture.jane)
        }
        let summary = try programme.purge(
            olderThan: try RetentionPeriod(parsing: "24m"), today: fixture.today, dryRun: false, by: admin)
        #expect(summary.actions == 2 && summary.followerSnapshots == 2 && !summary.dryRun)

        #expect(try programme.actions().map(\.url.string) == ["https://jane.example.org/recent"])
        #expect(try fixture.count("metricsSnapshot") == 1 && fixture.count("actionProject") == 1)
        let counts = try store.writer.read { db in
            try Int.fetchAll(db, sql: "SELECT followers FROM followerSnapshot ORDER BY date")
        }
        #expect(counts == [900, 1_000])
        let facts = try FactSummaryStoreTests().factsAndRecomputed(store)
        #expect(facts.kept == facts.fresh && facts.kept.count == 1)

        // One entry for the whole purge; the entries of what was removed stay (they record that it happened).
        let entries = try programme.auditEntries(by: admin)
        #expect(entries.count == entriesBefore + 1)
        #expect(
            entries.last?.entity == "programme" && entries.last?.entityId == "purge"
                && entries.last?.after?.contains("\"actions\":2") == true)
        #expect(entries.contains { $0.entity == "action" && $0.after?.contains("jane.example.org/old") == true })

        // Purging again finds nothing and records nothing.
        let again = try programme.purge(
            olderThan: try RetentionPeriod(parsing: "24m"), today: fixture.today, dryRun: false, by: admin)
        #expect(again.actions == 0 && again.followerSnapshots == 0)
        #expect(try programme.auditEntries(by: admin).count == entriesBefore + 1)
    }
}
