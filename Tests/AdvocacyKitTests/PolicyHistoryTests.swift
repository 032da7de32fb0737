import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import Testing

@Suite("Policy history")
struct PolicyHistoryTests {
    /// Jane's work in Q2, Q3 and Q4, and two versions after the first: one
    /// set on 2026-09-15 (during Q3), one on 2026-11-21 (today, in Q4). Each
    /// halves the weekly hours that earn half the work points, so each
    /// version scores the same work differently.
    struct History {
        let fixture: ProgrammeFixture
        let cio = valid { try EmailAddress("cio@corp.fr") }
        var programme: Programme { fixture.programme }

        init() throws {
            let clock = MovableClock()
            clock.set("2026-07-01")
            fixture = try ProgrammeFixture(programme: try Programme.inMemory(now: { clock.now }, timeZone: FixedClock.timeZone))
            let programme = fixture.programme
            try programme.addEmployee(try NewEmployee(email: cio, name: "Chloé CIO", role: .cio), by: fixture.admin)
            for (path, day) in [("q2", "2026-05-12"), ("q3", "2026-08-10"), ("q4", "2026-11-02")] {
                try programme.logAction(
                    try fixture.draft(
                        "https://jane.example.org/\(path)", date: try LocalDate(parsing: day), projects: [fixture.erp]),
                    by: fixture.jane)
            }
            for (day, hours, actor) in [("2026-09-15", 2.0, fixture.admin), ("2026-11-21", 1.0, cio)] {
                clock.set(day)
                var policy = try programme.currentPolicy().policy
                policy.scoring.halfWorkHoursPerWeek = hours
                _ = try programme.setPolicy(
                    policy, effectOn: .quarter(containing: fixture.today), today: fixture.today, by: actor)
            }
        }

        func score(_ period: String, _ choice: PolicyChoice = .inForce) throws -> (version: Int, score: Double?) {
            let ranking = try programme.rank(
                period: try Period.parse(period), today: fixture.today, policy: choice, by: fixture.jane)
            return (ranking.policyVersion, ranking.people.first?.score)
        }
    }

    @Test func aPeriodIsScoredWithTheVersionInForceWhenItEnded() throws {
        let history = try History()
        // Q2 ended before any version but the first; Q3 saw version 2 set; Q4 runs under version 3.
        #expect(try history.score("2026-Q2").version == 1)
        #expect(try history.score("2026-Q3").version == 2)
        #expect(try history.score("2026-Q4").version == 3)
        // Asked for, another version scores the same work differently.
        let q3 = try history.score("2026-Q3")
        let q3UnderNewest = try history.score("2026-Q3", .version(3))
        #expect(q3UnderNewest.version == 3)
        #expect(q3.score != nil && q3UnderNewest.score != nil && q3.score != q3UnderNewest.score)
        #expect(try history.score("2026-Q3", .version(2)).score == q3.score)

        let explained = try history.programme.explain(
            history.fixture.jane, period: try Period.parse("2026-Q3"), today: history.fixture.today, by: history.fixture.jane)
        #expect(explained.policyVersion == 2)
        #expect(explained.score?.score == q3.score)
    }

    @Test func theReportScoresEachPeriodWithItsOwnVersion() throws {
        let history = try History()
        let review = try history.programme.review(
            period: try Period.parse("2026-Q4"), comparison: try Period.parse("2026-Q3"), today: history.fixture.today,
            by: history.cio)
        #expect((review.policyVersion, review.comparisonPolicyVersion) == (3, 2))
        #expect(review.comparison.people.first?.score == (try history.score("2026-Q3").score))
        #expect(review.current.people.first?.score == (try history.score("2026-Q4").score))

        let forced = try history.programme.review(
            period: try Period.parse("2026-Q4"), comparison: try Period.parse("2026-Q3"), today: history.fixture.today,
            policy: .version(1), by: history.cio)
        #expect((forced.policyVersion, forced.comparisonPolicyVersion) == (1, 1))
    }

    @Test func proposalsRecordTheVersionOfTheirPeriod() throws {
        let history = try History()
        let hr = try EmailAddress("hr@corp.fr")
        try history.programme.addEmployee(try NewEmployee(email: hr, name: "Hugo RH", role: .hr), by: history.fixture.admin)
        let q3 = try Period.parse("2026-Q3")
        _ = try history.programme.setRewardBudget(q3, cents: 100_000, by: hr)
        let run = try history.programme.proposeRewards(period: q3, today: history.fixture.today, dryRun: true, by: hr)
        #expect(run.policyVersion == 2)
        let asked = try history.programme.proposeRewards(
            period: q3, today: history.fixture.today, dryRun: true, policy: .version(3), by: hr)
        #expect(asked.policyVersion == 3)
    }

    @Test func aVersionNeverSetIsRefusedWithTheRangeThatExists() throws {
        let history = try History()
        #expect(throws: CoreError.unknownPolicyVersion(4, newest: 3)) { try history.score("2026-Q3", .version(4)) }
        #expect(
            CoreError.unknownPolicyVersion(4, newest: 3).localizedDescription
                == "there is no policy version 4: expected a version from 1 to 3 ('advocacy policy history' lists them)")
        #expect(throws: CoreError.unknownPolicyVersion(9, newest: 3)) { try history.programme.policy(version: 9) }
        #expect(
            CoreError.unknownPolicyVersion(2, newest: 1).localizedDescription
                == "there is no policy version 2: expected 1, the only version so far ('advocacy policy history' lists it)")
        #expect(try history.programme.policy(version: 2).scoring.halfWorkHoursPerWeek == 2)
    }

    @Test func theHistorySaysWhoSetEachVersionWhenAndWhatItChanged() throws {
        let history = try History()
        let entries = try history.programme.policyHistory(by: history.fixture.jane)
        #expect(entries.map(\.version) == [1, 2, 3])
        #expect(entries.map(\.setBy) == [nil, history.fixture.admin, history.cio])
        #expect(entries.dropFirst().map(\.inForceFrom.description) == ["2026-09-15", "2026-11-21"])
        #expect(
            entries.map { $0.changes.map(\.description) } == [
                [], ["points.halfWorkHoursPerWeek: 4 → 2"], ["points.halfWorkHoursPerWeek: 2 → 1"],
            ])
    }

    @Test func settingAPolicyTellsWhoMovesInTheTopTwenty() throws {
        let today = ProgrammeFixture.today
        let dataset = try DemoProgramme.generate(employees: 60, seed: 2026, today: today)
        let programme = try Programme.inMemory(now: { ProgrammeFixture.now }, timeZone: FixedClock.timeZone)
        _ = try programme.loadDemo(dataset, replacing: false)
        let quarter = Period.quarter(containing: today)
        let before = try programme.rank(period: quarter, today: today, by: dataset.admin).people
        var policy = Policy.standard
        (policy.scoring.workPoints, policy.scoring.reachPoints) = (35, 40)
        let update = try programme.setPolicy(policy, effectOn: quarter, today: today, by: dataset.admin)
        let after = try programme.rank(period: quarter, today: today, by: dataset.admin).people

        let effect = try #require(update.effect)
        let rankBefore = Dictionary(uniqueKeysWithValues: before.map { ($0.person.email, $0) })
        let rankAfter = Dictionary(uniqueKeysWithValues: after.map { ($0.person.email, $0) })
        let concerned = Set((before.prefix(20) + after.prefix(20)).map(\.person.email))
        let moved = concerned.filter { rankBefore[$0]?.rank != rankAfter[$0]?.rank }
        #expect(!moved.isEmpty)
        #expect(Set(effect.moves.map(\.person.email)) == moved)
        for move in effect.moves {
            #expect(move.before?.rank == rankBefore[move.person.email]?.rank)
            #expect(move.after?.rank == rankAfter[move.person.email]?.rank)
            #expect(move.after?.score == rankAfter[move.person.email]?.score)
        }
        #expect(effect.moves.map { $0.after?.rank ?? .max } == effect.moves.map { $0.after?.rank ?? .max }.sorted())
        let largest = after.map { abs($0.score - (rankBefore[$0.person.email]?.score ?? 0)) }.max()
        #expect(effect.largestScoreChange == largest)
        #expect(effect.rankedPeople == after.count)
    }
}
