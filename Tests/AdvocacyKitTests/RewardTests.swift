import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

@Suite("rewards in the store: upgrade, proposals and the state machine")
struct RewardStoreTests {
    @Test func upgradingAVersion2DatabaseGivesEveryPolicyVersionTheStandardRewards() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v2-scoring")
            try queue.write { db in
                // A second scoring version and a recorded run, as a version-2 database would hold.
                var scoring = ScoringPolicy.standard
                scoring.reachPoints = 10
                scoring.workPoints = 65
                try db.execute(
                    sql: "INSERT INTO scoringPolicy (version, document, createdAt) VALUES (2, ?, '2026-11-01T00:00:00Z')",
                    arguments: [scoring.document.renderJSON()])
                try db.execute(
                    sql: """
                        INSERT INTO scoreRun (policyVersion, command, periodStart, periodEnd, filters, people, ranAt)
                        VALUES (2, 'rank', '2026-10-01', '2026-11-21', '{}', 3, '2026-11-21T00:00:00Z')
                        """)
            }
        }
        let store = try AdvocacyStore.open(atPath: path)
        let (version, policy) = try store.currentPolicy()
        #expect(version == 2)
        #expect(policy.rewards == .standard)
        #expect(policy.scoring.reachPoints == 10)
        let runs = try store.writer.read { db in try Row.fetchAll(db, sql: "SELECT command, people FROM scoreRun") }
        #expect(runs.count == 1 && runs[0]["people"] as Int == 3)
        // The literal written by the migration is the standard of this release.
        let first = try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT document FROM scoringPolicy WHERE version = 1")
        }
        #expect(try Policy(document: try PolicyValue.parseJSON(try #require(first))) == .standard)
    }

    /// The fixture with an HR officer, and Jane's one article scoring above the minimum.
    static func programmeWithWork() throws -> (ProgrammeFixture, EmailAddress) {
        let fixture = try ProgrammeFixture()
        let hr = try EmailAddress("hr@corp.fr")
        try fixture.programme.addEmployee(try NewEmployee(email: hr, name: "Hugo HR", role: .hr), by: fixture.admin)
        try fixture.logAccepted(
            try fixture.draft(
                "https://jane.example.org/erp", kind: .article, projects: [fixture.erp], metrics: try MetricsUpdate(reactions: 40)
            ),
            by: fixture.jane)
        return (fixture, hr)
    }

    /// Counts by kind and hours by project come from the same pass that
    /// scores, matched to `actionProject`: the item goes with the project
    /// that had the most hours (one article's 6), not the most actions (three
    /// posts, 1 hour each).
    @Test func proposalsFollowTheProjectWithTheMostHours() throws {
        let (fixture, hr) = try Self.programmeWithWork()
        let programme = fixture.programme
        let security = try ProjectCode("SEC-1")
        try programme.addProject(try Project.validated(code: security, name: "Sécurité", weight: 3), by: fixture.admin)
        for index in 1...3 {
            try fixture.logAccepted(
                try fixture.draft("https://jane.example.org/sec-\(index)", kind: .post, projects: [security]), by: fixture.jane)
        }
        for (code, project) in [("ERP-BOOK", fixture.erp), ("SEC-BOOK", security)] {
            try programme.addRewardItem(
                RewardItem(
                    code: try RewardCode(code), name: "A book", category: .book, costCents: 3_000, stock: 10,
                    projects: [project]),
                by: hr)
        }
        let quarter = Period.quarter(containing: fixture.today)
        try programme.setRewardBudget(quarter, cents: 100_000, by: hr)
        let run = try fixture.programme.proposeRewards(period: quarter, today: fixture.today, dryRun: true, by: hr)
        let jane = try #require(run.allocation.proposals.first { $0.email == fixture.jane })
        #expect(jane.item.code.value == "ERP-BOOK")
        #expect(jane.reason == .work(fixture.erp))
        #expect(jane.rationale.contains("for 3 posts and 1 article, mostly on ERP-2027;"))
    }

    @Test func theDatabaseRefusesAStatusChangeOutOfOrder() throws {
        let (fixture, hr) = try Self.programmeWithWork()
        let programme = fixture.programme
        try programme.addRewardItem(
            RewardItem(code: try RewardCode("BOOK-1"), name: "A book", category: .book, costCents: 4_000, stock: 10), by: hr)
        let quarter = Period.quarter(containing: fixture.today)
        try programme.setRewardBudget(quarter, cents: 100_000, by: hr)
        let run = try fixture.programme.proposeRewards(period: quarter, today: fixture.today, by: hr)
        let id = try #require(run.proposalIDs.first)
        #expect(throws: DatabaseError.self) {
            try fixture.store.writer.write { db in
                try db.execute(sql: "UPDATE rewardProposal SET status = 'granted', grantedAt = 'x' WHERE id = ?", arguments: [id])
            }
        }
        try programme.approveRewards([id], by: hr)
        try programme.grantRewards([id], by: hr)
        #expect(throws: StoreError.proposalTransition(id: id, status: .granted, to: .rejected)) {
            try programme.rejectRewards([id], note: "too late", by: hr)
        }
        // Granted rewards survive a new proposal run, and the budget cannot fall below them.
        let again = try fixture.programme.proposeRewards(period: quarter, today: fixture.today, by: hr)
        #expect(again.allocation.keptCents == 4_000)
        #expect(try programme.rewardProposals(period: quarter, by: hr).first { $0.id == id }?.status == .granted)
        #expect(throws: StoreError.self) { try programme.setRewardBudget(quarter, cents: 3_999, by: hr) }
    }

    @Test func approvalChecksStockAgainAcrossPeriods() throws {
        let (fixture, hr) = try Self.programmeWithWork()
        let programme = fixture.programme
        try programme.addRewardItem(
            RewardItem(code: try RewardCode("CONF-1"), name: "A conference", category: .conference, costCents: 5_000, stock: 1),
            by: hr)
        let quarter = Period.quarter(containing: fixture.today)
        let month = try Period.parse("2026-11")
        for period in [quarter, month] { try programme.setRewardBudget(period, cents: 100_000, by: hr) }
        let first = try #require(
            try fixture.programme.proposeRewards(period: quarter, today: fixture.today, by: hr).proposalIDs.first)
        let second = try #require(
            try fixture.programme.proposeRewards(period: month, today: fixture.today, by: hr).proposalIDs.first)
        try programme.approveRewards([first], by: hr)
        #expect(
            throws: StoreError.approvalBlocked(id: second, reason: "CONF-1 has no stock left (1 approved or granted already)")
        ) {
            try programme.approveRewards([second], by: hr)
        }
        #expect(try programme.rewardProposals(period: month, by: hr).first?.status == .proposed)
    }
}
