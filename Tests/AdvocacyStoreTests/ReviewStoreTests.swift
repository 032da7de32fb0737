import AdvocacyCore
import Foundation
import Testing
@testable import AdvocacyStore

@Suite("The report's review of a period")
struct ReviewStoreTests {
    /// Jane writes twice about the ERP in Q4 (one post with figures); Paul
    /// wrote once in Q3, untagged; two more active projects and a closed one.
    static func programme() throws -> (fixture: StoreFixture, quarter: Period) {
        let fixture = try StoreFixture()
        let store = fixture.store
        let (admin, jane, paul) = (fixture.admin, fixture.jane, fixture.paul)
        try store.addProject(try Project.validated(code: try ProjectCode("GAP-1"), name: "Nobody's project", weight: 2), by: admin)
        try store.addProject(
            try Project.validated(code: try ProjectCode("OLD-1"), name: "Closed long ago", weight: 1, status: .closed), by: admin)
        try store.addChannel(
            try NewChannel(owner: jane, url: fixture.url("https://jane.example.org"), followers: 800, followersDate: try LocalDate(parsing: "2026-06-01")),
            by: jane)
        try store.logAction(
            try fixture.draft(
                "https://jane.example.org/erp", date: try LocalDate(parsing: "2026-10-05"), projects: [fixture.erp],
                metrics: try MetricsUpdate(reactions: 40, comments: 4)), by: jane)
        try store.logAction(
            try fixture.draft("https://jane.example.org/erp-2", kind: .article, date: try LocalDate(parsing: "2026-11-16"), projects: [fixture.erp]),
            by: jane)
        try store.logAction(
            try fixture.draft("https://paul.example.org/notes", by: paul, kind: .article, date: try LocalDate(parsing: "2026-08-10")), by: paul)
        return (fixture, .quarter(year: 2026, quarter: 4))
    }

    @Test func projectsShowTheirCoverageAndTheGapsStandOut() throws {
        let (fixture, quarter) = try Self.programme()
        let review = try fixture.store.review(period: quarter, comparison: quarter.previous, today: fixture.today, by: fixture.admin)
        let byCode = Dictionary(uniqueKeysWithValues: review.projects.map { ($0.project.code.value, $0) })
        #expect(byCode.keys.sorted() == ["ERP-2027", "GAP-1"])  // a closed project with nothing in the period is left out
        #expect(byCode["ERP-2027"]?.actions == 2)
        #expect(byCode["ERP-2027"]?.advocates == 1)
        #expect(byCode["ERP-2027"]?.engagement == 40 + 4 * review.policy.scoring.commentWeight)
        #expect(byCode["ERP-2027"]?.isGap == false)
        #expect(byCode["GAP-1"]?.isGap == true)
    }

    @Test func bothPeriodsAreRankedAndCountedWeekByWeek() throws {
        let (fixture, quarter) = try Self.programme()
        let review = try fixture.store.review(period: quarter, comparison: quarter.previous, today: fixture.today, by: fixture.admin)
        #expect(review.current.people.map(\.person.email) == [fixture.jane])
        #expect(review.comparison.people.map(\.person.email) == [fixture.paul])
        #expect(review.current.window == quarter.start...fixture.today)
        #expect(review.comparison.window == quarter.previous.start...quarter.previous.end)
        // 2026-10-01 is a Thursday: week 1 runs from Monday 2026-09-28; 2026-10-05 is week 2, 2026-11-16 week 8.
        let weekly = review.current.activity.weeklyActions
        #expect(weekly.count == 8)
        #expect(weekly[1] == 1 && weekly[7] == 1 && weekly.reduce(0, +) == 2)
        #expect(review.current.activity.weekStarts.first == (try LocalDate(parsing: "2026-09-28")))
        // Only the post with figures has a rate: 44 engagements (comments weigh 2) on 800 followers, in the nano tier.
        #expect(review.current.activity.ratedActions(of: .nano) == 1)
        #expect(review.current.activity.medianRate(of: .nano) == (40 + 4 * review.policy.scoring.commentWeight) / 800)
        #expect(review.current.activity.medianRate(of: .micro) == nil)
        #expect(review.activeEmployees == 3)
        #expect(review.budget == nil && review.rewards.isEmpty)
    }

    @Test func staffMayNotReadTheReport() throws {
        let (fixture, quarter) = try Self.programme()
        #expect(throws: (any Error).self) {
            try fixture.store.review(period: quarter, comparison: quarter.previous, today: fixture.today, by: fixture.jane)
        }
    }

    @Test func aComparisonPeriodNotYetStartedIsRefused() throws {
        let (fixture, quarter) = try Self.programme()
        #expect(throws: CoreError.self) {
            try fixture.store.review(period: quarter, comparison: .quarter(year: 2027, quarter: 1), today: fixture.today, by: fixture.admin)
        }
    }
}
