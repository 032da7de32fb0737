import AdvocacyTestSupport
import Testing

@testable import AdvocacyCore

@Suite("Activity tallies and fast risers")
struct ReviewTallyTests {
    @Test(
        arguments: [
            ([], nil), ([3.0], 3.0), ([4.0, 1.0], 2.5), ([5.0, 1.0, 3.0], 3.0), ([0.1, 0.4, 0.2, 0.3], 0.25),
        ] as [([Double], Double?)])
    func medianIsTheMiddleValue(values: [Double], median: Double?) {
        #expect(ActivityTally.median(values) == median)
    }

    static func person(_ name: String) -> ScoredPerson {
        ScoredPerson(email: valid { try EmailAddress("\(name.lowercased())@corp.fr") }, name: name, team: nil)
    }

    static func score(_ name: String, _ value: Double) -> PersonScore {
        PersonScore(
            person: person(name), tier: .micro, audience: 2_000, score: value,
            components: ScoreComponents([value, 0, 0, 0, 0, 0]),
            flags: [], actions: 1, engagement: 0, tFactor: 0, weeksActive: 1, weeks: 1, hours: 1, qualityHours: 1,
            alignedHours: 1,
            countedPoints: 1, halfWorkHours: 1, reachShare: 0, spikeMultiplier: 1,
            exactComponents: ScoreComponents([value, 0, 0, 0, 0, 0]))
    }

    /// Equal scores and engagement fall back to the name, ignoring case and
    /// accents, then the email; a higher score still comes first.
    @Test func tiesGoByFoldedNameThenEmail() {
        var twin = Self.score("Zoé", 10)
        twin.person.email = valid { try EmailAddress("a.zoe@corp.fr") }
        let ranked = Ranking.rank([
            Self.score("Zoé", 10), Self.score("émile", 10), Self.score("Bob", 10), Self.score("alice", 10), twin,
            Self.score("Yann", 11),
        ])
        #expect(
            ranked.map(\.person.email.value) == [
                "yann@corp.fr", "alice@corp.fr", "bob@corp.fr", "émile@corp.fr", "a.zoe@corp.fr", "zoé@corp.fr",
            ])
        #expect(ranked.map(\.rank) == Array(1...6))
    }

    @Test func risersAreTheLargestGainsNewcomersIncluded() {
        let now = Ranking.rank([Self.score("Ana", 60), Self.score("Ben", 50), Self.score("Cleo", 30), Self.score("Dan", 20)])
        let before = Ranking.rank([Self.score("Ana", 55), Self.score("Ben", 10), Self.score("Dan", 25)])
        let risers = ScoreChange.risers(now: now, before: before, limit: 10)
        #expect(risers.map(\.person.name) == ["Ben", "Cleo", "Ana"])  // Dan fell: not a riser
        #expect(risers.map(\.gain) == [40, 30, 5])
        #expect(risers[1].before == nil)
        #expect(ScoreChange.risers(now: now, before: before, limit: 1).map(\.person.name) == ["Ben"])
    }

    @Test func equalGainsKeepTheRankingOrder() {
        let now = Ranking.rank([Self.score("Ana", 40), Self.score("Ben", 30)])
        let before = Ranking.rank([Self.score("Ana", 30), Self.score("Ben", 20)])
        #expect(ScoreChange.risers(now: now, before: before, limit: 5).map(\.person.name) == ["Ana", "Ben"])
    }
}
