import AdvocacyCore
import AdvocacyTestSupport
import Testing

/// The hours an action counts for, the one rule scoring and proposals share.
@Suite("Effort rule")
struct EffortRuleTests {
    static let day = valid { try LocalDate(parsing: "2026-10-05") }

    @Test(arguments: ActionKind.allCases)
    func withoutHoursAnActionCountsItsKindsDefault(kind: ActionKind) {
        var policy = ScoringPolicy.standard
        policy.effortHours[kind] = 7.5
        let rule = EffortRule(policy)
        #expect(rule.hours(ActionFacts(day: Self.day, kind: kind)) == 7.5)
        #expect(rule.defaultHours(kind) == 7.5)
    }

    @Test func givenHoursWinOverTheDefault() {
        let rule = EffortRule(.standard)
        #expect(rule.hours(ActionFacts(day: Self.day, kind: .article, effortHours: 2)) == 2)
        #expect(rule.hours(ActionFacts(day: Self.day, kind: .post)) == ScoringPolicy.standard.effortHours[.post])
    }

    @Test(arguments: ActionKind.allCases)
    func scoringCountsTheSameHours(kind: ActionKind) {
        let facts = ActionFacts(day: Self.day, kind: kind)
        let score = ActionScore(facts, policy: .standard)
        #expect(score.effort == EffortRule(.standard).hours(facts))
    }
}
