import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import Testing

@Suite("The report's review of a period")
struct ReviewTests {
    /// Jane writes twice about the ERP in Q4 (one post with figures, one
    /// article also about TWO-1); between the two, Paul logs a Q3 article,
    /// untagged, so the merge of actions and projects meets an action of
    /// another period. GAP-1 is active with nothing; NEXT-1 starts after the
    /// period; OLD-1 is closed.
    static func programme() throws -> (fixture: ProgrammeFixture, quarter: Period) {
        let fixture = try ProgrammeFixture()
        let programme = fixture.programme
        let (admin, jane, paul) = (fixture.admin, fixture.jane, fixture.paul)
        try programme.addProject(
            try Project.validated(code: try ProjectCode("GAP-1"), name: "Nobody's project", weight: 2), by: admin)
        try programme.addProject(try Project.validated(code: try ProjectCode("TWO-1"), name: "Second tag", weight: 1), by: admin)
        try programme.addProject(
            try Project.validated(
                code: try ProjectCode("NEXT-1"), name: "Starts in December", weight: 3,
                start: try LocalDate(parsing: "2026-12-01")),
            by: admin)
        try programme.addProject(
            try Project.validated(code: try ProjectCode("OLD-1"), name: "Closed long ago", weight: 1, status: .closed), by: admin)
        try programme.addChannel(
            try NewChannel(
                owner: jane, url: fixture.url("https://jane.example.org"), followers: 800,
                followersDate: try LocalDate(parsing: "2026-06-01")),
            by: jane)
        try programme.logAction(
            try fixture.draft(
                "https://jane.example.org/erp", date: try LocalDate(parsing: "2026-10-05"), projects: [fixture.erp],
                metrics: try MetricsUpdate(reactions: 40, comments: 4)), by: jane)
        try programme.logAction(
            try fixture.draft(
                "https://paul.example.org/notes", by: paul, kind: .article, date: try LocalDate(parsing: "2026-08-10"),
                projects: [fixture.erp]), by: paul)
        try programme.logAction(
            try fixture.draft(
                "https://jane.example.org/erp-2", kind: .article, date: try LocalDate(parsing: "2026-11-16"),
                projects: [fixture.erp, try ProjectCode("TWO-1")]),
            by: jane)
        return (fixture, .quarter(year: 2026, quarter: 4))
    }

    @Test func projectsShowTheirCoverageAndTheGapsStandOut() throws {
        let (fixture, quarter) = try Self.programme()
        let review = try fixture.programme.review(
            period: quarter, comparison: quarter.previous, today: fixture.today, by: fixture.admin)
        let byCode = Dictionary(uniqueKeysWithValues: review.projects.map { ($0.project.code.value, $0) })
        // A closed project with nothing in the period, and one not started yet, are left out.
        #expect(byCode.keys.sorted() == ["ERP-2027", "GAP-1", "TWO-1"])
        #expect(byCode["ERP-2027"]?.actions == 2)
        #expect(byCode["ERP-2027"]?.advocates == 1)
        #expect(byCode["ERP-2027"]?.engagement == 40 + 4 * review.policy.scoring.commentWeight)
        #expect(byCode["ERP-2027"]?.isGap == false)
        #expect(byCode["TWO-1"]?.actions == 1)
        #expect(byCode["TWO-1"]?.engagement == 0)
        #expect(byCode["GAP-1"]?.isGap == true)
        // In Q3, Paul's article covers the ERP; GAP-1 (no start date) was already a gap.
        let summer = try fixture.programme.review(
            period: quarter.previous, comparison: quarter, today: fixture.today, by: fixture.admin)
        let before = Dictionary(uniqueKeysWithValues: summer.projects.map { ($0.project.code.value, $0) })
        #expect(before["ERP-2027"]?.actions == 1 && before["ERP-2027"]?.advocates == 1)
        #expect(before["TWO-1"]?.isGap == true && before["NEXT-1"] == nil)
    }

    @Test func bothPeriodsAreRankedAndCountedWeekByWeek() throws {
        let (fixture, quarter) = try Self.programme()
        let review = try fixture.programme.review(
            period: quarter, comparison: quarter.previous, today: fixture.today, by: fixture.admin)
        #expect(review.current.people.map(\.person.email) == [fixture.jane])
        #expect(review.comparison.people.map(\.person.email) == [fixture.paul])
        #expect(review.current.window == quarter.start...fixture.today)
        #expect(review.comparison.window == quarter.previous.start...quarter.previous.end)
        // Weeks are seven days from 2026-10-01: the 5th is in week 1, 16 November (day 47) in week 7;
        // 52 days make 7 whole weeks and a running eighth.
        let weekly = review.current.activity.weeklyActions
        #expect(weekly.count == 8 && review.current.activity.fullWeeks == 7)
        #expect(weekly[0] == 1 && weekly[6] == 1 && weekly.reduce(0, +) == 2)
        // Q3 at the same stage (its first 52 days, to 21 August) already had Paul's article of the 10th.
        #expect(review.comparison.activity.earlyActions == 1 && review.comparison.activity.actions == 1)
        #expect(review.current.activity.earlyActions == 0)
        // Only the post with figures has a rate: 44 engagements (comments weigh 2) on 800 followers, in the nano tier.
        #expect(review.current.activity.ratedActions(of: .nano) == 1)
        #expect(review.current.activity.medianRate(of: .nano) == (40 + 4 * review.policy.scoring.commentWeight) / 800)
        #expect(review.current.activity.medianRate(of: .micro) == nil)
        #expect(review.activeEmployees == 3)
        #expect(review.budgetCents == nil && review.rewards.isEmpty)
    }

    @Test func staffMayNotReadTheReport() throws {
        let (fixture, quarter) = try Self.programme()
        #expect(throws: (any Error).self) {
            try fixture.programme.review(period: quarter, comparison: quarter.previous, today: fixture.today, by: fixture.jane)
        }
    }

    @Test func aComparisonPeriodNotYetStartedIsRefused() throws {
        let (fixture, quarter) = try Self.programme()
        #expect(throws: CoreError.self) {
            try fixture.programme.review(
                period: quarter, comparison: .quarter(year: 2027, quarter: 1), today: fixture.today, by: fixture.admin)
        }
    }
}
