import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import Testing

@Suite("Flags for gaming: information until the cio confirms them")
struct GamingFlagTests {
    let fixture: ProgrammeFixture
    let cio = valid { try EmailAddress("chloe.cio@corp.fr") }
    var programme: Programme { fixture.programme }
    var quarter: Period { .quarter(containing: fixture.today) }

    init() throws {
        fixture = try ProgrammeFixture()
        try fixture.programme.addEmployee(
            try NewEmployee(email: cio, name: "Chloé Cio", team: "Direction", role: .cio), by: fixture.admin)
    }

    func draft(_ path: String, title: String, on day: LocalDate? = nil, metrics: MetricsUpdate? = nil) throws -> ActionDraft {
        try ActionDraft(
            author: fixture.jane, url: fixture.url("https://jane.example.org/" + path), kind: .post, title: title,
            date: day ?? fixture.today, metrics: metrics, today: fixture.today)
    }

    func jane() throws -> PersonScore? {
        try programme.rank(period: quarter, today: fixture.today, by: cio).people.first { $0.person.email == fixture.jane }
    }

    func flag(_ kind: AuthenticityFlag.Kind) throws -> AuthenticityFlag? {
        try jane()?.flags.first { $0.kind == kind }
    }

    @Test func manyActionsInADayRaiseAFlagThatCostsNothingAndClearingHidesIt() throws {
        for index in 1...5 { try programme.logAction(try draft("busy-\(index)", title: "Note \(index)"), by: fixture.jane) }
        #expect(try flag(.busyDay) == nil, "five is below the policy's six")
        try programme.logAction(try draft("busy-6", title: "Note 6"), by: fixture.jane)
        let busy = try #require(try flag(.busyDay))
        #expect(busy.actions == 6 && busy.multiplier == 1)
        #expect(busy.reason.contains("6 on \(fixture.today)"))
        #expect(busy.reason.hasSuffix(AuthenticityFlag.noEffectUntilConfirmed))

        // Information only: clearing it moves no score.
        let flagged = try #require(try jane())
        #expect(flagged.exactComponents.authenticity == 0)
        let cleared = try programme.clearFlag(
            .busyDay, of: fixture.jane, period: quarter, note: "a conference day", today: fixture.today, by: cio)
        #expect(cleared.actions.count == 6)
        let after = try #require(try jane())
        #expect(after.flags.allSatisfy { $0.kind != .busyDay })
        #expect(after.score == flagged.score)
        #expect(after.exactComponents == flagged.exactComponents)

        // A seventh action that day raises it again, for itself alone.
        try programme.logAction(try draft("busy-7", title: "Note 7"), by: fixture.jane)
        let again = try #require(try flag(.busyDay))
        #expect(again.actions == 1)
        #expect(again.reason.contains("7 on \(fixture.today)"))
        let trail = try programme.auditEntries(AuditFilter(entity: "flagClearance"), by: fixture.admin)
        #expect(trail.count == 6)
        #expect(trail.allSatisfy { $0.actorEmail == cio.value && ($0.after ?? "").contains("a conference day") })
    }

    @Test func confirmingAFlagRejectsItsActionsWithTheNoteTheAuthorSees() throws {
        let metrics = try MetricsUpdate(impressions: 6_583, reactions: 4_400)
        try programme.logAction(try draft("viral", title: "Viral", metrics: metrics), by: fixture.jane)
        try fixture.logAccepted(try draft("honest", title: "Honest", on: fixture.today.adding(days: -3)))
        let high = try #require(try flag(.highEngagement))
        #expect(high.actions == 1)
        #expect(high.reason.contains("66.8% of 6,583 impressions"))
        let before = try #require(try jane()).score

        // Not by staff, not on one's own work, not a flag they do not have.
        #expect(throws: CoreError.self) {
            try programme.confirmFlag(
                .highEngagement, of: fixture.jane, period: quarter, note: "x", today: fixture.today, by: fixture.paul)
        }
        try programme.logAction(
            try ActionDraft(
                author: cio, url: fixture.url("https://chloe.example.org/viral"), kind: .post, title: "Mine",
                date: fixture.today, metrics: metrics, today: fixture.today),
            by: cio)
        #expect(throws: CoreError.ownFlagReview(flag: "high-engagement")) {
            try programme.clearFlag(.highEngagement, of: cio, period: quarter, note: "x", today: fixture.today, by: cio)
        }
        #expect(throws: CoreError.noSuchFlag(person: "jane@corp.fr", flag: "busy-day", period: "2026-Q4")) {
            try programme.confirmFlag(.busyDay, of: fixture.jane, period: quarter, note: "x", today: fixture.today, by: cio)
        }
        #expect(throws: CoreError.emptyText(field: "note")) {
            try programme.confirmFlag(
                .highEngagement, of: fixture.jane, period: quarter, note: " ", today: fixture.today, by: cio)
        }

        let confirmed = try programme.confirmFlag(
            .highEngagement, of: fixture.jane, period: quarter, note: "the figures were edited", today: fixture.today, by: cio)
        #expect(confirmed.actions == [fixture.url("https://jane.example.org/viral")])
        let viral = try programme.action(fixture.url("https://jane.example.org/viral"))
        #expect(viral.review == .rejected)
        #expect(viral.reviewNote == "high-engagement flag confirmed: the figures were edited")
        let after = try #require(try jane())
        #expect(after.flags.allSatisfy { $0.kind != .highEngagement })
        #expect(after.score < before)
    }

    @Test func linksWithoutFiguresPilingUpInAMonthRaiseAFlagUntilReviewed() throws {
        let days = [0, 6, 13, 20, 27].map { quarter.start.adding(days: $0) }
        for (index, day) in days.enumerated() {
            try programme.logAction(try draft("link-\(index)", title: "Link \(index)", on: day), by: fixture.jane)
        }
        let flag = try #require(try flag(.linksWithoutFigures))
        #expect(flag.actions == 5)
        #expect(flag.reason.contains("between \(days[0]) and \(days[4])"))
        // Reviewed, they are no longer unchecked: the flag goes.
        try programme.acceptActions([fixture.url("https://jane.example.org/link-0")], today: fixture.today, by: cio)
        #expect(try self.flag(.linksWithoutFigures) == nil)
    }

    @Test func onePostUnderTwoAddressesTheSameDayIsANearDuplicate() throws {
        try programme.logAction(try draft("stand", title: "Notre stand au salon"), by: fixture.jane)
        try programme.logAction(try draft("other", title: "Another thing"), by: fixture.jane)
        #expect(try flag(.nearDuplicate) == nil)
        try programme.logAction(try draft("stand?page=2", title: "notre  STAND au salon !"), by: fixture.jane)
        let near = try #require(try flag(.nearDuplicate))
        #expect(near.actions == 1)
        #expect(near.reason.contains("“notre  STAND au salon !”"))
        // Titles too short to fingerprint are compared as they are.
        try programme.logAction(try draft("s1", title: "Au salon"), by: fixture.jane)
        try programme.logAction(try draft("s2", title: "au Salon !"), by: fixture.jane)
        #expect(try flag(.nearDuplicate)?.actions == 2)
        // The same title another day is another post.
        try programme.logAction(
            try draft("stand-later", title: "Notre stand au salon", on: fixture.today.adding(days: -1)), by: fixture.jane)
        #expect(try flag(.nearDuplicate)?.actions == 2)

        let queue = try programme.reviewQueue(
            ActionFilter(ids: try programme.flaggedActionIDs(.nearDuplicate, period: quarter, today: fixture.today, by: cio)),
            by: cio)
        #expect(
            Set(queue.map(\.url))
                == [fixture.url("https://jane.example.org/stand?page=2"), fixture.url("https://jane.example.org/s2")])
    }

    @Test func aRiseThatRestsOnPendingWorkIsFlagged() throws {
        // A policy that lets pending work count for much, so that it can carry a rise.
        var policy = Policy.standard
        policy.scoring.review.pendingHoursPerWeek = 10
        _ = try programme.setPolicy(policy, effectOn: quarter, today: fixture.today, by: cio)
        let lastQuarter = quarter.previous
        try fixture.logAccepted(try draft("q3", title: "Summer", on: lastQuarter.start.adding(days: 20)))
        try fixture.logAccepted(try draft("q4", title: "Autumn", on: quarter.start.adding(days: 20)))
        #expect(try flag(.riseOnPending) == nil)
        for index in 0..<4 {
            try programme.logAction(
                try ActionDraft(
                    author: fixture.jane, url: fixture.url("https://jane.example.org/talk-\(index)"), kind: .talk,
                    title: "Talk \(index)", date: quarter.start.adding(days: 7 * index + 30), today: fixture.today),
                by: fixture.jane)
        }
        let rise = try #require(try flag(.riseOnPending))
        #expect(rise.actions == 4)
        #expect(rise.reason.contains("in 2026-Q3"))
        #expect(rise.reason.contains("4 actions awaiting review"))
        _ = try programme.clearFlag(
            .riseOnPending, of: fixture.jane, period: quarter, note: "the talks happened", today: fixture.today, by: cio)
        #expect(try flag(.riseOnPending) == nil)
    }

    @Test func staffSeeTheirOwnFlagsForGamingAndAHiddenPersonsKeepNoDetail() throws {
        let metrics = try MetricsUpdate(impressions: 6_583, reactions: 4_400)
        try programme.logAction(try draft("viral", title: "Mon billet très viral", metrics: metrics), by: fixture.jane)
        func janeAsSeen(by viewer: EmailAddress) throws -> PersonScore? {
            try programme.rank(period: quarter, today: fixture.today, by: viewer).people.first { $0.actions == 1 }
        }
        #expect(try janeAsSeen(by: fixture.jane)?.flags.map(\.kind) == [.highEngagement])
        #expect(try janeAsSeen(by: fixture.paul)?.flags == [])
        _ = try programme.setHidden(fixture.jane, true, by: fixture.jane)
        let masked = try #require(try janeAsSeen(by: cio)?.flags.first)
        #expect(masked.kind == .highEngagement)
        #expect(!masked.reason.contains("6,583") && !masked.reason.contains("66.8"))
        #expect(masked.reason.hasSuffix("no effect on the score unless the cio confirms it"), "\(masked.reason)")
        // HR decides rewards by name, and sees the details.
        try programme.addEmployee(
            try NewEmployee(email: try EmailAddress("hr@corp.fr"), name: "Hugo HR", role: .hr), by: fixture.admin)
        #expect(try janeAsSeen(by: try EmailAddress("hr@corp.fr"))?.flags.first?.reason.contains("6,583") == true)
    }

    @Test func theLinksWindowCountsThirtyDaysFromTheFirst() throws {
        // Five links spanning 29 days are within 30 days; spanning 30, they are not.
        for (index, offset) in [0, 7, 14, 21, 30].enumerated() {
            try programme.logAction(
                try draft("link-\(index)", title: "Link \(index)", on: quarter.start.adding(days: offset)), by: fixture.jane)
        }
        #expect(try flag(.linksWithoutFigures) == nil)
        try programme.logAction(
            try draft("link-5", title: "Link 5", on: quarter.start.adding(days: 29)), by: fixture.jane)
        // Days 0 to 29 hold five, and so do days 7 to 30: all six are in a burst.
        #expect(try flag(.linksWithoutFigures)?.actions == 6)
    }

    @Test func aLongNoteStillConfirmsWithTheFlagNamedInTheReason() throws {
        for index in 1...6 { try programme.logAction(try draft("busy-\(index)", title: "Note \(index)"), by: fixture.jane) }
        let note = String(repeating: "checked ", count: 125).trimmingCharacters(in: .whitespaces)
        #expect(note.count > 1_000 - "busy-day flag confirmed: ".count && note.count <= 1_000)
        #expect(throws: CoreError.textTooLong(field: "note", limit: 1_000 - "busy-day flag confirmed: ".count)) {
            try programme.confirmFlag(.busyDay, of: fixture.jane, period: quarter, note: note, today: fixture.today, by: cio)
        }
        let fits = String(note.prefix(900))
        let settled = try programme.confirmFlag(
            .busyDay, of: fixture.jane, period: quarter, note: fits, today: fixture.today, by: cio)
        #expect(settled.actions.count == 6)
        #expect(try programme.action(settled.actions[0]).reviewNote == "busy-day flag confirmed: " + fits)
    }

    @Test func checkListsTheFlagsAsWarningsAndStillPasses() throws {
        for index in 1...6 { try programme.logAction(try draft("burst-\(index)", title: "Burst \(index)"), by: fixture.jane) }
        let report = try programme.check(by: fixture.admin)
        #expect(report.ok)
        let gaming = try #require(report["gaming-flags"])
        #expect(gaming.ok)
        #expect(gaming.warnings.contains { $0.hasPrefix("jane@corp.fr busy-day: ") })
        #expect(gaming.warnings.contains { $0.hasPrefix("jane@corp.fr links-without-figures: ") })
        #expect(gaming.warningCount == 2)

        // Hidden from rankings, she is hidden in the check too.
        _ = try programme.setHidden(fixture.jane, true, by: fixture.jane)
        let hidden = try #require(try programme.check(by: fixture.admin)["gaming-flags"])
        #expect(hidden.warnings.count == 2 && hidden.warnings.allSatisfy { $0.hasPrefix("(hidden) ") })
        #expect(!hidden.warnings.contains { $0.contains("jane") || $0.contains(fixture.today.description) })
    }

    @Test func thePolicyReadsItsGamingSectionAndOlderVersionsTakeTheDefaults() throws {
        var document = Policy.standard.scoring.document
        guard case .table(var sections) = document else { Issue.record("a table"); return }
        sections.removeAll { $0.key == "gaming" }
        #expect(try ScoringPolicy(document: .table(sections)).gaming == .standard)

        var changed = Policy.standard.scoring
        changed.gaming.actionsInADay = 10
        document = changed.document
        #expect(try ScoringPolicy(document: document).gaming.actionsInADay == 10)

        guard case .table(var broken) = document, let index = broken.firstIndex(where: { $0.key == "gaming" }) else { return }
        broken[index].value = .table([
            ("highRateTimesNorm", .number(0.5)), ("actionsInADay", .number(6)), ("linksWithoutFigures", .number(5)),
            ("linksWithoutFiguresDays", .number(30)), ("riseMinPoints", .number(3)),
        ])
        #expect(throws: CoreError.self) { try ScoringPolicy(document: .table(broken)) }
        do {
            _ = try ScoringPolicy(document: .table(broken))
        } catch {
            #expect("\(error.localizedDescription)".contains("gaming.highRateTimesNorm"))
        }
    }
}
