import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import Testing

@Suite("The review queue: what counts before a check")
struct ReviewQueueTests {
    /// The demo programme, and a person from the middle of its ranking with
    /// a channel to post on.
    struct Demo {
        let programme: Programme
        let dataset: DemoDataset
        let quarter = Period.quarter(containing: ProgrammeFixture.today)
        let today = ProgrammeFixture.today
        let person: EmailAddress
        let channel: CanonicalURL

        init() throws {
            let dataset = try DemoProgramme.generate(employees: 60, seed: 2026, today: ProgrammeFixture.today)
            let programme = try Programme.inMemory(now: { ProgrammeFixture.now }, timeZone: FixedClock.timeZone)
            _ = try programme.loadDemo(dataset, replacing: false)
            (self.dataset, self.programme) = (dataset, programme)
            let ranked = try programme.rank(
                period: Period.quarter(containing: ProgrammeFixture.today), today: ProgrammeFixture.today, by: dataset.admin
            ).people
            let middle = ranked[ranked.count / 2 - 2..<ranked.count / 2 + 3].map(\.person.email)
            let staff = Set(
                dataset.employees.filter { $0.role == .staff && $0.email != dataset.admin && $0.email != dataset.cio }.map(
                    \.email))
            var found: (EmailAddress, CanonicalURL)?
            for email in middle where staff.contains(email) {
                if let blog = try programme.channels(owner: email).first(where: { $0.kind == .blog || $0.kind == .internal }) {
                    found = (email, blog.url)
                    break
                }
            }
            let chosen = try #require(found, "someone in the middle ranks has a blog")
            (person, channel) = chosen
        }

        func score() throws -> Double {
            try ranked()?.score ?? 0
        }

        /// The person as `rank` shows them.
        func ranked() throws -> PersonScore? {
            try programme.rank(period: quarter, today: today, by: dataset.admin).people.first { $0.person.email == person }
        }

        /// The kinds of the person's flags in the cio's report.
        func reportedFlags() throws -> Set<AuthenticityFlag.Kind> {
            let report = try programme.review(
                period: quarter, comparison: quarter.previous, today: today, by: dataset.cio)
            return Set(report.current.people.filter { $0.person.email == person }.flatMap(\.flags).map(\.kind))
        }

        /// A link published `week` weeks into the quarter, on the person's
        /// blog, or (`unknownAudience`) on a site with no follower count,
        /// where a link without figures counts at the norm once accepted.
        func draft(
            _ slug: String, week: Int, kind: ActionKind? = nil, metrics: MetricsUpdate? = nil, unknownAudience: Bool = false
        ) throws -> ActionDraft {
            let site = unknownAudience ? "https://notes-\(person.value.prefix { $0 != "@" }).example.net" : channel.string
            return try ActionDraft(
                author: person, url: try CanonicalURL(site + "/" + slug), kind: kind,
                title: "Gamed \(slug)", date: quarter.start.adding(days: 7 * week + 1), metrics: metrics, today: today)
        }
    }

    @Test(arguments: [ActionKind.article, .post])
    func eightLinksWithoutFiguresMoveAMiddleRankAtMostFivePoints(kind: ActionKind) throws {
        let demo = try Demo()
        let before = try demo.score()
        for week in 0..<8 {
            try demo.programme.logAction(
                try demo.draft("link-\(week)", week: week, kind: kind, unknownAudience: true), by: demo.person)
        }
        let after = try demo.score()
        #expect(after > before, "adding work never lowers a score")
        #expect(after - before <= 5, "\(before) → \(after)")
        let flag = try #require(try demo.ranked()?.flags.first { $0.kind == .linksWithoutFigures })
        #expect(flag.actions == 8 && flag.multiplier == 1)
        #expect(flag.reason.contains("8 actions without figures awaiting review"))
        #expect(try demo.reportedFlags().contains(.linksWithoutFigures))

        // Accepted, the same links count in full: the cap was what held them.
        let links = try (0..<8).map { try demo.draft("link-\($0)", week: $0, kind: kind, unknownAudience: true).url }
        try demo.programme.acceptActions(links, today: demo.today, by: demo.dataset.cio)
        #expect(try demo.score() - before > 5)
    }

    @Test func threePostsTypedAtSixtySixPercentMoveAtMostThreePoints() throws {
        let demo = try Demo()
        let before = try demo.score()
        for week in 0..<3 {
            try demo.programme.logAction(
                try demo.draft(
                    "viral-\(week)", week: week * 3, kind: .post,
                    metrics: try MetricsUpdate(impressions: 6_583, reactions: 4_400)),
                by: demo.person)
        }
        let after = try demo.score()
        #expect(after >= before)
        #expect(after - before <= 3, "\(before) → \(after)")
        let flag = try #require(try demo.ranked()?.flags.first { $0.kind == .highEngagement })
        #expect(flag.actions == 3)
        #expect(flag.reason.contains("66.8% of 6,583 impressions"))
        #expect(try demo.reportedFlags().contains(.highEngagement))
    }

    @Test func acceptAdjustAndRejectReachTheAuthorWithTheirReason() throws {
        let demo = try Demo()
        let (programme, cio) = (demo.programme, demo.dataset.cio)
        let drafts = try (0..<3).map { try demo.draft("work-\($0)", week: $0, kind: .article) }
        for draft in drafts { try programme.logAction(draft, by: demo.person) }
        let urls = drafts.map(\.url)
        let queue = try programme.reviewQueue(ActionFilter(author: demo.person, review: .pending), by: cio)
        #expect(Set(urls).isSubset(of: Set(queue.map(\.url))))

        // Staff may not review; no one reviews their own work; a reason is required.
        #expect(throws: CoreError.self) { try programme.acceptActions([urls[0]], today: demo.today, by: demo.person) }
        #expect(throws: CoreError.self) { try programme.rejectActions([urls[0]], reason: "  ", today: demo.today, by: cio) }

        try programme.acceptActions([urls[0]], note: "read it", today: demo.today, by: cio)
        try programme.adjustAction(
            urls[1], effortHours: 2, metrics: nil, reason: "a short note, not an article", today: demo.today, by: cio)
        try programme.rejectActions([urls[2]], reason: "nothing at this address", today: demo.today, by: cio)

        let own = try programme.actions(ActionFilter(author: demo.person)).filter { urls.contains($0.url) }
            .sorted { $0.url.string < $1.url.string }
        #expect(own.map(\.review) == [.accepted, .partlyAccepted, .rejected])
        #expect(own.map(\.reviewNote) == ["read it", "a short note, not an article", "nothing at this address"])
        #expect(own.allSatisfy { $0.reviewedBy == cio })
        #expect(own[1].effortHours == 2)

        let explained = try programme.explain(demo.person, period: demo.quarter, today: demo.today, by: demo.person)
        let byURL = Dictionary(uniqueKeysWithValues: explained.actions.map { ($0.url, $0) })
        #expect(byURL[urls[2]]?.review == .rejected)
        #expect(byURL[urls[2]]?.score.points == 0)
        #expect(byURL[urls[1]]?.score.effort == 2)
        #expect(byURL[urls[0]]?.score.effort == 6)

        // Typed figures on an accepted action send it back to review, and the decision on the old ones goes.
        try programme.recordMetrics(urls[0], try MetricsUpdate(reactions: 900), on: demo.today, by: demo.person)
        let again = try programme.actions(ActionFilter(author: demo.person, review: .pending)).first { $0.url == urls[0] }
        #expect(again != nil && again?.reviewNote == nil && again?.reviewedBy == nil)

        // A rejected action stays: removed by its author, it could be logged again as new.
        #expect(throws: CoreError.rejectedActionStays(url: urls[2].string)) {
            try programme.removeAction(urls[2], by: demo.person)
        }
        try programme.removeAction(urls[2], by: demo.dataset.admin)
    }

    @Test func aRejectedActionCountsForNothingAndAcceptingEveryPendingOneAddsWhatExplainSaid() throws {
        let demo = try Demo()
        let draft = try demo.draft("solid", week: 2, kind: .talk)
        try demo.programme.logAction(draft, by: demo.person)
        let explained = try demo.programme.explain(demo.person, period: demo.quarter, today: demo.today, by: demo.person)
        let before = try demo.score()
        let promised = explained.gainIfAllAccepted
        #expect(promised > 0)
        let pending = try demo.programme.actions(ActionFilter(author: demo.person, review: .pending)).map(\.url)
        try demo.programme.acceptActions(pending, today: demo.today, by: demo.dataset.cio)
        #expect(abs(try demo.score() - before - promised) < 0.11, "scores are shown in tenths")

        try demo.programme.rejectActions([draft.url], reason: "no such talk", today: demo.today, by: demo.dataset.cio)
        let withoutIt = try demo.score()
        try demo.programme.removeAction(draft.url, by: demo.dataset.admin)
        #expect(try demo.score() == withoutIt)
    }

    @Test func figuresFromAFileTheDemoLoadedAreAcceptedAndTypedOnesOfTheLastWeeksPending() throws {
        let demo = try Demo()
        let all = try demo.programme.actions()
        #expect(all.contains { $0.figureSource == .file && $0.review == .accepted })
        #expect(all.contains { $0.figureSource == .typed && $0.review == .pending })
        #expect(all.filter { $0.review == .pending }.allSatisfy { $0.date > demo.today.adding(days: -21) })
        #expect(all.filter { $0.figureSource == .file }.allSatisfy { $0.review == .accepted })
    }
}
