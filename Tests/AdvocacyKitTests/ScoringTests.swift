import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@Suite("Ranking and explaining")
struct ScoringTests {
    /// The demo programme as the pure scoring function's input.
    static func inputs(of dataset: DemoDataset) -> [ScoringInput] {
        let weights = Dictionary(uniqueKeysWithValues: dataset.projects.map { ($0.code, $0.weight) })
        var channelsByOwner: [EmailAddress: [Int]] = [:]
        for (index, entry) in dataset.channels.enumerated() { channelsByOwner[entry.channel.owner, default: []].append(index) }
        var actionsByChannel: [Int: [DemoDataset.ActionEntry]] = [:]
        for action in dataset.allActions() { actionsByChannel[action.channelIndex, default: []].append(action) }
        return dataset.employees.map { person in
            let owned = channelsByOwner[person.email] ?? []
            let channels = owned.map { index in
                ScoringInput.Channel(
                    url: dataset.channels[index].channel.url,
                    followers: dataset.channels[index].followerHistory.map { FollowerCount(day: $0.date, followers: $0.count) })
            }
            let actions = owned.enumerated().flatMap { position, index in
                (actionsByChannel[index] ?? []).map { action in
                    ScoringInput.Action(
                        channel: position, day: action.date, kind: action.kind, title: action.title,
                        effortHours: action.effortHours,
                        metrics: action.metrics.last?.metrics, projectWeights: action.projects.compactMap { weights[$0] },
                        review: action.review.standing, url: action.url)
                }
            }
            return ScoringInput(
                person: ScoredPerson(email: person.email, name: person.name, team: person.team), channels: channels,
                actions: actions)
        }
    }

    @Test(arguments: [(40, 2026 as UInt64), (300, 7)])
    func theStoreRanksExactlyAsThePureFunction(employees: Int, seed: UInt64) throws {
        let today = ProgrammeFixture.today
        let dataset = try DemoProgramme.generate(employees: employees, seed: seed, today: today)
        let programme = try Programme.inMemory(now: { ProgrammeFixture.now })
        _ = try programme.loadDemo(dataset, replacing: false)
        for period in [dataset.period, Period.quarter(containing: today), try Period.parse("2026-08")] {
            let stored = try programme.rank(period: period, today: today, by: dataset.admin)
            let pure = Scoring.rank(
                Self.inputs(of: dataset), policy: .standard, window: try Scoring.window(of: period, today: today))
            #expect(!pure.isEmpty)
            #expect(stored.people.map(\.comparable) == pure.map(\.comparable), "\(period)")
        }
    }

    @Test func theDemoShowsEveryKindOfFlag() throws {
        let dataset = try DemoProgramme.generate(employees: 40, seed: 2026, today: ProgrammeFixture.today)
        let programme = try Programme.inMemory(now: { ProgrammeFixture.now })
        _ = try programme.loadDemo(dataset, replacing: false)
        // Over its two quarters, and over the current one, which `rank` shows by default. A rise
        // on pending work depends on the day the demo is made (GamingFlagTests raise one).
        let kinds = try [dataset.period, Period.quarter(containing: ProgrammeFixture.today)].flatMap { period in
            try programme.rank(period: period, today: ProgrammeFixture.today, by: dataset.admin).people.flatMap(\.flags)
        }.map(\.kind)
        #expect(Set(kinds) == Set(AuthenticityFlag.Kind.allCases).subtracting([.riseOnPending]))
    }

    @Test func aPolicyChangeIsANewVersionAndRankingsRecordTheirs() throws {
        let fixture = try ProgrammeFixture()
        let programme = fixture.programme
        try programme.addEmployee(
            try NewEmployee(email: try EmailAddress("cio@corp.fr"), name: "Chloé CIO", role: .cio), by: fixture.admin)
        #expect(try programme.currentPolicy().version == 1)
        #expect(try programme.currentPolicy().policy == .standard)

        var policy = Policy.standard
        policy.scoring.reachPoints = 5
        policy.scoring.workPoints = 70
        let quarter = Period.quarter(containing: fixture.today)
        func set(by actor: EmailAddress) throws -> PolicyUpdate {
            try programme.setPolicy(policy, effectOn: quarter, today: fixture.today, by: actor)
        }
        #expect(throws: CoreError.self) { try set(by: fixture.jane) }
        let first = try set(by: try EmailAddress("cio@corp.fr"))
        #expect((first.version, first.previousVersion, first.isNew) == (2, 1, true))
        #expect(first.changes.map(\.description) == ["points.work: 60 → 70", "points.reach: 15 → 5"])
        let again = try set(by: fixture.admin)
        #expect((again.version, again.isNew, again.changes.isEmpty) == (2, false, true))
        #expect(try programme.currentPolicy().policy == policy)

        try programme.logAction(try fixture.draft("https://jane.example.org/erp", projects: [fixture.erp]), by: fixture.jane)
        let ranking = try programme.rank(
            period: Period.quarter(containing: fixture.today), today: fixture.today, by: fixture.jane)
        #expect(ranking.policyVersion == 2)
        #expect(ranking.people.map(\.person.email) == [fixture.jane])
        let run = try programme.store.writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT policyVersion, command, periodStart, periodEnd, people FROM scoreRun ORDER BY id DESC")
        }
        #expect(run?["policyVersion"] as Int? == 2)
        #expect(run?["command"] as String? == "rank")
        #expect(run?["periodStart"] as String? == "2026-10-01")
        #expect(run?["periodEnd"] as String? == "2026-11-21")
        #expect(run?["people"] as Int? == 1)
    }

    @Test func staffExplainOnlyTheirOwnScore() throws {
        let fixture = try ProgrammeFixture()
        let programme = fixture.programme, quarter = Period.quarter(containing: fixture.today)
        try programme.logAction(try fixture.draft("https://jane.example.org/erp", projects: [fixture.erp]), by: fixture.jane)
        let own = try programme.explain(fixture.jane, period: quarter, today: fixture.today, by: fixture.jane)
        #expect(own.score?.rank == 1)
        #expect(own.actions.map(\.url) == [fixture.url("https://jane.example.org/erp")])
        #expect(own.actions.map(\.projects) == [[fixture.erp]])
        #expect(throws: CoreError.self) {
            try programme.explain(fixture.jane, period: quarter, today: fixture.today, by: fixture.paul)
        }
        let byAdmin = try programme.explain(fixture.paul, period: quarter, today: fixture.today, by: fixture.admin)
        #expect(byAdmin.score == nil)
        #expect(byAdmin.actions.isEmpty)
    }

    @Test func postsLoggedWithoutATitleAreNotDuplicates() throws {
        let fixture = try ProgrammeFixture()
        for id in 1...3 {
            try fixture.programme.logAction(
                try fixture.draft("https://x.com/jane/status/\(id)", metrics: try MetricsUpdate(reactions: 5 * id)),
                by: fixture.jane)
        }
        let ranking = try fixture.programme.rank(
            period: Period.quarter(containing: fixture.today), today: fixture.today, by: fixture.jane)
        #expect(ranking.people.first?.actions == 3)
        #expect(ranking.people.first?.flags.isEmpty == true)
    }

    @Test func filtersNarrowWhatIsRanked() throws {
        let fixture = try ProgrammeFixture()
        let programme = fixture.programme, quarter = Period.quarter(containing: fixture.today)
        try programme.logAction(try fixture.draft("https://jane.example.org/erp", projects: [fixture.erp]), by: fixture.jane)
        try programme.logAction(try fixture.draft("https://x.com/jane/status/2"), by: fixture.jane)
        try programme.logAction(try fixture.draft("https://x.com/paul/status/3", by: fixture.paul), by: fixture.paul)
        func ranked(_ filter: RankingFilter) throws -> [String: Int] {
            let people = try programme.rank(period: quarter, today: fixture.today, filter: filter, by: fixture.paul).people
            return Dictionary(uniqueKeysWithValues: people.map { ($0.person.name, $0.actions) })
        }
        #expect(try ranked(RankingFilter()) == ["Jane Doe": 2, "Paul Martin": 1])
        #expect(try ranked(RankingFilter(project: fixture.erp)) == ["Jane Doe": 1])
        #expect(try ranked(RankingFilter(channelKind: .x)) == ["Jane Doe": 1, "Paul Martin": 1])
        #expect(try ranked(RankingFilter(team: "sécurité")) == ["Paul Martin": 1])
        #expect(try ranked(RankingFilter(tier: .nano)) == ["Jane Doe": 2, "Paul Martin": 1])
        #expect(try ranked(RankingFilter(tier: .micro)).isEmpty)
        #expect(throws: StoreError.self) { try ranked(RankingFilter(project: try ProjectCode("NOPE"))) }
    }
}
