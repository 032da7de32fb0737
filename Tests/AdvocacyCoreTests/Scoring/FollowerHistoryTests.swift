import AdvocacyTestSupport
import Testing

@testable import AdvocacyCore

@Suite("Follower history")
struct FollowerHistoryTests {
    let channel = valid { try CanonicalURL("https://x.com/jane") }
    let history = [
        FollowerCount(day: Scenario.day("2026-07-01"), followers: 1_000),
        FollowerCount(day: Scenario.day("2026-08-01"), followers: 1_200),
        FollowerCount(day: Scenario.day("2026-09-01"), followers: 1_500),
    ]

    @Test(arguments: [
        ("2026-06-15", 1_000), ("2026-07-01", 1_000), ("2026-07-31", 1_000), ("2026-08-01", 1_200), ("2026-12-01", 1_500),
    ])
    func theAudienceIsTheNearestCountAtOrBeforeElseTheEarliest(day: String, expected: Int) {
        #expect(FollowerHistory.audience(at: Scenario.day(day), in: history) == expected)
    }

    @Test func noHistoryNoAudience() {
        #expect(FollowerHistory.audience(at: Scenario.day("2026-07-01"), in: []) == nil)
    }

    func spike(_ counts: [(String, Int)], actionBetween: Bool = false) -> FollowerSpike? {
        FollowerHistory.spike(
            on: channel, in: counts.map { FollowerCount(day: Scenario.day($0.0), followers: $0.1) }, within: Scenario.window,
            policy: .standard
        ) { _, _ in actionBetween }
    }

    @Test(
        arguments: [
            // counts, is a spike
            ([("2026-08-01", 2_000), ("2026-08-05", 2_700)], true),  // +35 % in 4 days
            ([("2026-08-01", 2_000), ("2026-08-05", 2_500)], false),  // +25 %
            ([("2026-08-01", 2_000), ("2026-08-20", 2_700)], false),  // +35 %, but over 19 days
            ([("2026-08-01", 2_000), ("2026-08-04", 2_300), ("2026-08-07", 2_650)], true),  // +32.5 % within 6 days, in two steps
            ([("2026-08-01", 40), ("2026-08-02", 80)], false),  // doubling a tiny audience is not suspicious
            ([("2026-08-01", 123_457), ("2026-08-02", 133_457)], true),  // exactly 10,000 more in a day
            ([("2026-08-01", 123_457), ("2026-08-02", 133_458)], false),  // 10,001: growth, not a bought round number
            ([("2026-08-01", 123_457), ("2026-08-30", 133_457)], false),  // a round jump over a month
            ([("2026-06-01", 2_000), ("2026-06-02", 20_000)], false),  // before the period
        ] as [([(String, Int)], Bool)])
    func spikesAreFastOrRoundJumps(counts: [(String, Int)], isSpike: Bool) {
        #expect((spike(counts) != nil) == isSpike)
    }

    @Test func anActionInBetweenExplainsTheJump() {
        #expect(spike([("2026-08-01", 2_000), ("2026-08-05", 20_000)], actionBetween: true) == nil)
    }

    @Test func theLargestJumpIsReported() {
        let found = spike([("2026-08-01", 5_000), ("2026-08-02", 6_000), ("2026-09-01", 6_000), ("2026-09-02", 16_000)])
        #expect(found?.gained == 10_000)
        #expect(found?.after.day == Scenario.day("2026-09-02"))
    }

    /// The store finds the jumps while it reads the counts and asks about
    /// actions afterwards: the same spike, asking only about a jump that
    /// would be the largest so far.
    @Test func candidatesThenActionsFindTheSameSpike() {
        let counts = [
            ("2026-08-01", 5_000), ("2026-08-02", 16_000), ("2026-09-01", 16_000), ("2026-09-02", 26_000), ("2026-09-03", 27_000),
        ]
        .map { FollowerCount(day: Scenario.day($0.0), followers: $0.1) }
        let candidates = FollowerHistory.spikeCandidates(in: counts, within: Scenario.window, policy: .standard)
        // Each later count within a week: a round jump from the count before, fast growth from the oldest.
        #expect(
            candidates.map { "\($0.before.day)→\($0.after.day)" } == [
                "2026-08-01→2026-08-02", "2026-08-01→2026-08-02", "2026-09-01→2026-09-02", "2026-09-01→2026-09-02",
                "2026-09-02→2026-09-03", "2026-09-01→2026-09-03",
            ])
        // An action explains the August jump; of the rest, 11,000 from 1 to 3 September is the largest.
        func explained(_ before: LocalDate, _ after: LocalDate) -> Bool { before == Scenario.day("2026-08-01") }
        var asked: [String] = []
        let found = FollowerHistory.spike(on: channel, among: candidates) { before, after in
            asked.append("\(before)→\(after)")
            return explained(before, after)
        }
        #expect(found?.gained == 11_000)
        #expect(found?.before.day == Scenario.day("2026-09-01") && found?.after.day == Scenario.day("2026-09-03"))
        #expect(
            found
                == FollowerHistory.spike(
                    on: channel, in: counts, within: Scenario.window, policy: .standard, hasActionBetween: explained))
        // A jump no larger than the one found is never asked about.
        #expect(asked == ["2026-08-01→2026-08-02", "2026-08-01→2026-08-02", "2026-09-01→2026-09-02", "2026-09-01→2026-09-03"])
    }
}
