import AdvocacyCore
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

@Suite("Scoring in the store")
struct ScoringStoreTests {
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
                        metrics: action.metrics.last?.metrics, projectWeights: action.projects.compactMap { weights[$0] })
                }
            }
            return ScoringInput(
                person: ScoredPerson(email: person.email, name: person.name, team: person.team), channels: channels,
                actions: actions)
        }
    }

    @Test(arguments: [(40, 2026 as UInt64), (300, 7)])
    func theStoreRanksExactlyAsThePureFunction(employees: Int, seed: UInt64) throws {
        let today = StoreFixture.today
        let dataset = try DemoProgramme.generate(employees: employees, seed: seed, today: today)
        let store = try AdvocacyStore.inMemory(now: { StoreFixture.now })
        _ = try store.loadDemo(dataset, replacing: false)
        for period in [dataset.period, Period.quarter(containing: today), try Period.parse("2026-08")] {
            let stored = try store.rank(period: period, today: today, by: dataset.admin)
            let pure = Scoring.rank(
                Self.inputs(of: dataset), policy: .standard, window: try Scoring.window(of: period, today: today))
            #expect(!pure.isEmpty)
            #expect(stored.people == pure, "\(period)")
        }
    }

    @Test func theDemoShowsEveryKindOfFlag() throws {
        let dataset = try DemoProgramme.generate(employees: 40, seed: 2026, today: StoreFixture.today)
        let store = try AdvocacyStore.inMemory(now: { StoreFixture.now })
        _ = try store.loadDemo(dataset, replacing: false)
        let ranking = try store.rank(period: dataset.period, today: StoreFixture.today, by: dataset.admin)
        let kinds = Set(ranking.people.flatMap(\.flags).map(\.kind))
        #expect(kinds == Set(AuthenticityFlag.Kind.allCases))
    }

    /// The summary rows as the triggers left them, and as computed afresh.
    func factsAndRecomputed(_ store: AdvocacyStore) throws -> (kept: [Row], fresh: [Row]) {
        try store.writer.write { db in
            let order = "SELECT * FROM actionFact ORDER BY actionId"
            let kept = try Row.fetchAll(db, sql: order)
            try db.execute(sql: "DELETE FROM actionFact")
            try db.execute(sql: try StoredFactRule.insert(db, where: "1"))
            return (kept, try Row.fetchAll(db, sql: order))
        }
    }

    @Test func theFactSummaryFollowsEveryChange() throws {
        let fixture = try StoreFixture()
        let store = fixture.store, jane = fixture.jane, admin = fixture.admin
        let data = try ProjectCode("DATA")
        try store.addProject(try Project.validated(code: data, name: "Données", weight: 1), by: admin)
        let blog = fixture.url("https://jane.example.org")
        try store.addChannel(
            try NewChannel(owner: jane, url: blog, followers: 900, followersDate: fixture.today.adding(days: -60)), by: jane)
        try store.logAction(
            try fixture.draft(
                "https://jane.example.org/erp", date: fixture.today.adding(days: -50), projects: [fixture.erp, data]), by: jane)
        try store.logAction(
            try fixture.draft(
                "https://jane.example.org/notes", kind: .article, date: fixture.today.adding(days: -30),
                metrics: try MetricsUpdate(reactions: 10, comments: 2)), by: jane)
        // Logged before its channel had any follower count: the earliest known applies once there is one.
        try store.logAction(try fixture.draft("https://x.com/jane/status/1", date: fixture.today.adding(days: -40)), by: jane)
        #expect(try factsAndRecomputed(store).kept.map { $0["followers"] as Int? } == [900, 900, nil])

        try store.recordFollowers(fixture.url("https://x.com/jane"), count: 4_000, on: fixture.today.adding(days: -10), by: jane)
        try store.recordFollowers(blog, count: 1_500, on: fixture.today.adding(days: -45), by: jane)
        try store.recordMetrics(
            fixture.url("https://jane.example.org/erp"), try MetricsUpdate(impressions: 800, reactions: 30),
            on: fixture.today.adding(days: -20), by: jane)
        try store.recordMetrics(
            fixture.url("https://jane.example.org/erp"), try MetricsUpdate(reactions: 45),
            on: fixture.today.adding(days: -5), by: jane)
        try store.updateProject(fixture.erp, ProjectChanges(weight: 1, today: fixture.today), by: admin)
        try store.updateProject(data, ProjectChanges(weight: 2, today: fixture.today), by: admin)
        try store.removeAction(fixture.url("https://jane.example.org/notes"), by: jane)

        let (kept, fresh) = try factsAndRecomputed(store)
        #expect(kept == fresh)
        #expect(kept.count == 2)
        let erp = kept[0]
        #expect(erp["followers"] as Int? == 900)  // 2026-10-02: the count of 09-22, not the later one of 10-07
        #expect(erp["reactions"] as Int? == 45)  // the latest snapshot…
        #expect(erp["impressions"] as Int? == 800)  // …carries forward the impressions it left out
        #expect(erp["strategicWeight"] as Int? == 2)  // the highest of its projects' new weights
        #expect(kept[1]["followers"] as Int? == 4_000)  // the earliest known count of a channel registered later
    }

    @Test func aPolicyChangeIsANewVersionAndRankingsRecordTheirs() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try store.addEmployee(
            try NewEmployee(email: try EmailAddress("cio@corp.fr"), name: "Chloé CIO", role: .cio), by: fixture.admin)
        #expect(try store.currentPolicy().version == 1)
        #expect(try store.currentPolicy().policy == .standard)

        var policy = Policy.standard
        policy.scoring.reachPoints = 5
        policy.scoring.workPoints = 70
        #expect(throws: CoreError.self) { try store.setPolicy(policy, by: fixture.jane) }
        #expect(try store.setPolicy(policy, by: try EmailAddress("cio@corp.fr")) == (2, true))
        #expect(try store.setPolicy(policy, by: fixture.admin) == (2, false))
        #expect(try store.currentPolicy().policy == policy)

        try store.logAction(try fixture.draft("https://jane.example.org/erp", projects: [fixture.erp]), by: fixture.jane)
        let ranking = try store.rank(period: Period.quarter(containing: fixture.today), today: fixture.today, by: fixture.jane)
        #expect(ranking.policyVersion == 2)
        #expect(ranking.people.map(\.person.email) == [fixture.jane])
        let run = try store.writer.read { db in
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
        let fixture = try StoreFixture()
        let store = fixture.store, quarter = Period.quarter(containing: fixture.today)
        try store.logAction(try fixture.draft("https://jane.example.org/erp", projects: [fixture.erp]), by: fixture.jane)
        let own = try store.explain(fixture.jane, period: quarter, today: fixture.today, by: fixture.jane)
        #expect(own.score?.rank == 1)
        #expect(own.actions.map(\.url) == [fixture.url("https://jane.example.org/erp")])
        #expect(own.actions.map(\.projects) == [[fixture.erp]])
        #expect(throws: CoreError.self) {
            try store.explain(fixture.jane, period: quarter, today: fixture.today, by: fixture.paul)
        }
        let byAdmin = try store.explain(fixture.paul, period: quarter, today: fixture.today, by: fixture.admin)
        #expect(byAdmin.score == nil)
        #expect(byAdmin.actions.isEmpty)
    }

    @Test func postsLoggedWithoutATitleAreNotDuplicates() throws {
        let fixture = try StoreFixture()
        for id in 1...3 {
            try fixture.store.logAction(
                try fixture.draft("https://x.com/jane/status/\(id)", metrics: try MetricsUpdate(reactions: 5 * id)),
                by: fixture.jane)
        }
        let ranking = try fixture.store.rank(
            period: Period.quarter(containing: fixture.today), today: fixture.today, by: fixture.jane)
        #expect(ranking.people.first?.actions == 3)
        #expect(ranking.people.first?.flags.isEmpty == true)
    }

    @Test func filtersNarrowWhatIsRanked() throws {
        let fixture = try StoreFixture()
        let store = fixture.store, quarter = Period.quarter(containing: fixture.today)
        try store.logAction(try fixture.draft("https://jane.example.org/erp", projects: [fixture.erp]), by: fixture.jane)
        try store.logAction(try fixture.draft("https://x.com/jane/status/2"), by: fixture.jane)
        try store.logAction(try fixture.draft("https://x.com/paul/status/3", by: fixture.paul), by: fixture.paul)
        func ranked(_ filter: RankingFilter) throws -> [String: Int] {
            let people = try store.rank(period: quarter, today: fixture.today, filter: filter, by: fixture.paul).people
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
