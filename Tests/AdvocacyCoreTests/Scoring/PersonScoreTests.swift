import AdvocacyTestSupport
import Foundation
import Testing

@testable import AdvocacyCore

@Suite("Scoring a person")
struct PersonScoreTests {
    let policy = ScoringPolicy.standard

    func score(_ input: ScoringInput, window: ClosedRange<LocalDate> = Scenario.window) -> (
        score: PersonScore, actions: [ActionScore]
    ) {
        present(Scoring.score(input, policy: policy, window: window))
    }

    @Test func componentsAddUpToTheScore() {
        var generator = ProgrammeGenerator(seed: 11)
        for input in generator.programme(people: 200) {
            guard let (score, _) = Scoring.score(input, policy: policy, window: Scenario.window) else { continue }
            #expect(abs(score.components.total - score.score) < 1e-9)
            #expect(abs(score.exactComponents.total - score.score) <= 0.05 + 1e-9)
            #expect((0...100).contains(score.score))
            #expect(score.components.reach <= policy.reachPoints)
        }
    }

    @Test(
        arguments: [
            ([], 0), ([0.5], 0), ([1], 1), ([5], 1), ([3, 3, 3], 3), ([10, 8, 5, 4, 3], 4), ([100, 100, 1, 1], 2),
            ([2.5, 2.5, 2.5], 2),
        ] as [([Double], Int)])
    func tFactorIsTheLargestTWithTActionsOfAtLeastT(engagements: [Double], expected: Int) {
        #expect(PersonScoreBuilder.tFactor(engagements) == expected)
        #expect(PersonScoreBuilder.tFactor(engagements.reversed()) == expected)
    }

    @Test func consistencyIsTheShareOfWeeksWithAnAction() {
        // 2026-Q3 runs from Wednesday July 1 to Wednesday September 30: 14 weeks overlap it.
        #expect(PersonScoreBuilder.weeks(in: Scenario.window) == 14)
        let weekly = score(Scenario.poster("Ann Lee", followers: 5_000, ratePercent: 2.75, posts: 7)).score
        #expect(weekly.weeksActive == 7)
        #expect(abs(weekly.exactComponents.consistency - 25.0 * 7 / 14) < 1e-9)
    }

    @Test func workSaturatesAtHalfThePointsForTheWeeklyTarget() {
        // 14 weeks × 4 hours: 56 quality-weighted, aligned hours earn half of 60 points.
        // Quality 1, alignment 1.
        var input = Scenario.poster("Ann Lee", followers: 4_000, ratePercent: 2.75, posts: 1, weight: 2)
        input.actions[0].effortHours = 56
        let result = score(input).score
        #expect(result.halfWorkHours == 56)
        #expect(
            abs(result.exactComponents.effort + result.exactComponents.quality + result.exactComponents.alignment - 30) < 1e-6)
        #expect(abs(result.qualityHours - 56) < 1e-6)
    }

    @Test func reachIsLogScaledAndCapped() {
        let small = score(Scenario.poster("Ann Lee", followers: 999, ratePercent: 6, posts: 1)).score
        let huge = score(Scenario.poster("Bob Ray", followers: 5_000_000, ratePercent: 0.85, posts: 1)).score
        #expect(abs(small.reachShare - log10(1_000) / log10(1_000_001)) < 1e-9)
        #expect(huge.reachShare == 1)
        #expect(huge.components.reach == 15)
    }

    @Test func theSameContentUnderTwoAddressesCountsOnceInFull() {
        var input = Scenario.poster("Ann Lee", followers: 5_000, ratePercent: 2.75, posts: 2)
        input.actions[1].title = input.actions[0].title
        input.actions[1].metrics = Metrics(reactions: 10)
        let (result, actions) = score(input)
        #expect(result.flags.map(\.kind) == [.duplicateContent])
        // The copy with fewer points is the one discounted.
        #expect(actions.filter { $0.duplicateMultiplier < 1 }.map(\.engagement) == [10])
        let expected = actions[0].alignedPoints + actions[1].alignedPoints * policy.duplicateMultiplier
        #expect(abs(result.countedPoints - expected) < 1e-5)
        #expect(result.components.authenticity < 0)
    }

    @Test func aFollowerSpikeWithNoActionCostsTheWholeScoreItsMultiplier() {
        var input = Scenario.poster("Ann Lee", followers: 5_000, ratePercent: 2.75, posts: 3)
        let clean = score(input).score
        input.channels[0].followers += [
            FollowerCount(day: Scenario.day("2026-08-20"), followers: 5_000),
            FollowerCount(day: Scenario.day("2026-08-21"), followers: 25_000),
        ]
        let spiked = score(input).score
        #expect(spiked.flags.map(\.kind) == [.followerSpike])
        #expect(spiked.flags[0].reason.contains("gained 20,000 followers"))
        #expect(spiked.spikeMultiplier == 0.7)
        var lenient = policy
        lenient.spikeMultiplier = 1
        let unflagged = Scoring.score(input, policy: lenient, window: Scenario.window)!.score
        #expect(unflagged.flags.first?.kind == .followerSpike)
        #expect(abs(spiked.exactComponents.total - 0.7 * unflagged.exactComponents.total) < 1e-9)
        #expect(spiked.score < clean.score)  // the bought reach does not pay for the flag
    }

    @Test func aJumpExplainedByAnActionIsNotASpike() {
        var input = Scenario.poster("Ann Lee", followers: 5_000, ratePercent: 2.75, posts: 3)
        input.channels[0].followers += [
            FollowerCount(day: Scenario.day("2026-07-12"), followers: 5_000),
            FollowerCount(day: Scenario.day("2026-07-14"), followers: 25_000),
        ]
        // The second post went out on 2026-07-13, between the two counts.
        #expect(!score(input).score.flags.contains { $0.kind == .followerSpike })
    }

    @Test func rankingBreaksTiesByEngagementThenName() {
        let a = Scenario.poster("Zoé Zhu", followers: 5_000, ratePercent: 2.75, posts: 3)
        let b = Scenario.poster("Émile Abel", followers: 5_000, ratePercent: 2.75, posts: 3)
        var c = Scenario.poster("Carl Cox", followers: 5_000, ratePercent: 2.75, posts: 3)
        c.actions[0].metrics = Metrics(reactions: c.actions[0].metrics!.reactions, clicks: 1)  // half a point more engagement
        let ranked = Scoring.rank([a, b, c], policy: policy, window: Scenario.window)
        #expect(Set(ranked.map(\.score)).count == 1)
        #expect(ranked.map(\.person.name) == ["Carl Cox", "Émile Abel", "Zoé Zhu"])
        #expect(ranked.map(\.rank) == [1, 2, 3])
    }

    @Test func teamsRankByTheAverageOfTheirActiveAdvocatesNotBySize() {
        let small = (0..<5).map { Scenario.poster("Small \($0)", followers: 5_000, ratePercent: 4, posts: 8, team: "Small") }
        let large = (0..<200).map { Scenario.poster("Large \($0)", followers: 5_000, ratePercent: 2, posts: 4, team: "Large") }
        var inactive = Scenario.poster("Gone Away", followers: 5_000, ratePercent: 0.1, posts: 1, team: "Small")
        inactive.person.isActive = false
        let scores = Scoring.rank(small + large + [inactive], policy: policy, window: Scenario.window)
        let teams = Ranking.teams(scores)
        #expect(teams.map(\.team) == ["Small", "Large"])
        #expect(teams[0].advocates == 5)
        #expect(teams[1].advocates == 200)
        let smallScores = scores.filter { $0.person.team == "Small" && $0.person.isActive }.map(\.score)
        #expect(teams[0].score == (smallScores.reduce(0, +) / 5 * 10).rounded() / 10)
    }

    @Test func scoringAPeriodThatHasNotStartedIsRefused() throws {
        #expect(throws: CoreError.periodNotStarted(period: "2027-Q1", today: Scenario.today)) {
            try Scoring.window(of: try Period.parse("2027-Q1"), today: Scenario.today)
        }
        #expect(try Scoring.window(of: try Period.parse("2026-Q4"), today: Scenario.today).upperBound == Scenario.today)
    }
}
