import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

/// `check` finds each kind of damage it is meant to find, naming the rows.
///
/// The damage is done through the store's own connection (`store.writer`),
/// so that whatever SQL functions the store registers on its connections
/// (the audit trail's, for instance) are there for the triggers that need them.
@Suite("check: the programme's invariants")
struct CheckStoreTests {
    /// A programme with Jane's tagged article, a channel of Paul's, and
    /// approved rewards within this quarter's budget and their items' stock.
    static func programme() throws -> (fixture: ProgrammeFixture, hr: EmailAddress, approved: [Int64]) {
        let fixture = try ProgrammeFixture()
        let programme = fixture.programme
        let hr = try EmailAddress("hr@corp.fr")
        try programme.addEmployee(try NewEmployee(email: hr, name: "Hugo HR", role: .hr), by: fixture.admin)
        try fixture.logAccepted(
            try fixture.draft(
                "https://jane.example.org/erp", kind: .article, projects: [fixture.erp], metrics: try MetricsUpdate(reactions: 40)
            ),
            by: fixture.jane)
        try programme.addChannel(
            try NewChannel(owner: fixture.paul, url: fixture.url("https://paul.example.org"), followersDate: fixture.today),
            by: fixture.paul)
        try programme.addRewardItem(
            RewardItem(code: try RewardCode("BOOK-1"), name: "A book", category: .book, costCents: 4_000, stock: 3), by: hr)
        let quarter = Period.quarter(containing: fixture.today)
        try programme.setRewardBudget(quarter, cents: 100_000, by: hr)
        let run = try fixture.programme.proposeRewards(period: quarter, today: fixture.today, by: hr)
        #expect(!run.proposalIDs.isEmpty)
        try programme.approveRewards(run.proposalIDs, by: hr)
        return (fixture, hr, run.proposalIDs)
    }

    /// Runs `sql` on the store's connection with foreign keys off, as a bug
    /// or a hand edit with the sqlite3 shell might.
    static func damage(_ store: AdvocacyStore, foreignKeysOff: Bool = false, _ sql: String) throws {
        try store.writer.writeWithoutTransaction { db in
            if foreignKeysOff { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
            defer { if foreignKeysOff { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
            try db.inTransaction {
                try db.execute(sql: sql)
                return .commit
            }
        }
    }

    @Test func aSoundProgrammePassesEveryCheck() throws {
        let (fixture, _, _) = try Self.programme()
        let report = try fixture.programme.check(by: fixture.admin)
        #expect(report.ok, "\(report.failed)")
        #expect(
            report.checks.map(\.name) == [
                "integrity", "foreign-keys", "action-owners", "action-addresses", "action-facts", "reward-budgets",
                "reward-stock", "active-admin",
                "policy-versions", "audit-trail", "gaming-flags",
            ])
        #expect(report.checks.allSatisfy { $0.ok && $0.problems.isEmpty && $0.problemCount == 0 })
    }

    @Test func aDemoProgrammePassesEveryCheck() throws {
        let store = try AdvocacyStore.inMemory(now: { ProgrammeFixture.now })
        let programme = Programme(store: store)
        let summary = try programme.loadDemo(
            try DemoProgramme.generate(employees: 40, seed: 7, today: ProgrammeFixture.today), replacing: false)
        let report = try programme.check(by: summary.admin)
        #expect(report.ok, "\(report.failed)")
    }

    struct Damage: Sendable, CustomTestStringConvertible {
        var check: String
        var expected: String
        var foreignKeysOff = false
        var sql: String
        var testDescription: String { "\(check): \(sql)" }
    }

    static let damages: [Damage] = [
        Damage(
            check: "integrity", expected: "missing from index employee_on_team",
            sql: """
                PRAGMA writable_schema = ON;
                UPDATE sqlite_master SET sql = 'CREATE INDEX employee_on_team ON employee(fullName)' WHERE name = 'employee_on_team';
                PRAGMA writable_schema = RESET;
                """),
        Damage(
            check: "foreign-keys", expected: "a row of actionProject refers to a missing project row", foreignKeysOff: true,
            sql: "DELETE FROM project WHERE code = 'ERP-2027'"),
        Damage(
            check: "action-owners", expected: "action 1 (https://jane.example.org/erp): its author, employee 2, does not exist",
            foreignKeysOff: true, sql: "DELETE FROM employee WHERE email = 'jane@corp.fr'"),
        Damage(
            check: "action-owners", expected: "action 1 (https://jane.example.org/erp): its channel 1 does not exist",
            foreignKeysOff: true,
            sql: "DELETE FROM channel WHERE id = 1"),
        Damage(
            check: "action-owners",
            expected:
                "action 1 (https://jane.example.org/erp): its channel 2 belongs to employee 3, not to its author, employee 2",
            sql: "DROP TRIGGER action_channel_owner_update; UPDATE action SET channelId = 2 WHERE id = 1"),
        Damage(
            check: "action-addresses", expected: "the trigger action_url_insert is missing",
            sql: "DROP TRIGGER action_url_insert"),
        Damage(
            check: "action-addresses",
            expected: "action 1 (https://jane.example.org/erp): its stored hash 7 is not its address's",
            sql: "DROP TRIGGER action_url_update; UPDATE action SET urlHash = 7 WHERE id = 1"),
        Damage(
            check: "action-addresses", expected: "https://jane.example.org/erp is logged more than once: actions 1, ",
            sql: """
                DROP TRIGGER action_url_insert;
                INSERT INTO action (employeeId, channelId, kind, title, url, urlHash, publishedOn, createdAt)
                SELECT employeeId, channelId, kind, title, url, urlHash, publishedOn, createdAt FROM action WHERE id = 1
                """),
        Damage(
            check: "action-facts", expected: "action 1 (https://jane.example.org/erp) has no fact", sql: "DELETE FROM actionFact"),
        Damage(check: "action-facts", expected: "actionFact holds 0 rows for 1 action", sql: "DELETE FROM actionFact"),
        Damage(
            check: "action-facts",
            expected: "action 1 (https://jane.example.org/erp): its fact differs (reactions 999, expected 40)",
            sql: "UPDATE actionFact SET reactions = 999"),
        Damage(
            check: "action-facts", expected: "a fact remains for action 77, which does not exist",
            sql: """
                INSERT INTO actionFact (employeeId, day, actionId, channelId, channelKind, kind, contentFingerprint)
                VALUES (2, 20000, 77, 1, 'blog', 'article', 0)
                """),
        Damage(
            check: "reward-budgets", expected: "above its budget of 0.01 EUR (proposal",
            sql: "UPDATE rewardBudget SET amountCents = 1"),
        Damage(check: "reward-budgets", expected: "but no budget", sql: "DELETE FROM rewardBudget"),
        Damage(
            check: "reward-stock", expected: "BOOK-1 (item 1): 1 approved or granted, above its stock of 0 (proposals ",
            sql: "UPDATE rewardItem SET stock = 0 WHERE code = 'BOOK-1'"),
        Damage(check: "active-admin", expected: "no active admin", sql: "UPDATE employee SET isActive = 0 WHERE role = 'admin'"),
        Damage(
            check: "policy-versions", expected: "version 1 cannot be read",
            sql: #"UPDATE scoringPolicy SET document = '{"scoring": 1}'"#),
        Damage(
            check: "policy-versions", expected: "no policy version is stored", foreignKeysOff: true,
            sql: "DELETE FROM scoringPolicy"),
        Damage(
            check: "audit-trail", expected: "auditProbe has no trigger refusing UPDATE",
            sql: "CREATE TABLE auditProbe (id INTEGER PRIMARY KEY, what TEXT NOT NULL)"),
        Damage(
            check: "audit-trail", expected: "the migration v9-audit-probe is applied, but no audit table exists",
            sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-audit-probe')"),
    ]

    @Test(arguments: damages)
    func eachDamageIsFoundByItsCheck(_ damage: Damage) throws {
        let (fixture, _, _) = try Self.programme()
        // The audit-trail damages assume no audit table of the real schema's own.
        if damage.check == "audit-trail" {
            let audit = try fixture.store.writer.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'audit%'")
            }
            if damage.expected.contains("no audit table") && !audit.isEmpty { return }
        }
        try Self.damage(fixture.store, foreignKeysOff: damage.foreignKeysOff, damage.sql)
        let report = try fixture.programme.check(by: fixture.admin)
        #expect(!report.ok)
        let result = try #require(report[damage.check])
        #expect(!result.ok)
        #expect(result.problems.contains { $0.contains(damage.expected) }, "\(result.problems)")
        #expect(result.problemCount >= 1)
    }

    /// The checks are exact, not just noisy: damage to one invariant leaves
    /// the unrelated ones passing.
    @Test func aBudgetOverrunFailsOnlyTheBudgetCheck() throws {
        let (fixture, _, approved) = try Self.programme()
        try Self.damage(fixture.store, "UPDATE rewardBudget SET amountCents = 1")
        let report = try fixture.programme.check(by: fixture.admin)
        #expect(report.failed.map(\.name) == ["reward-budgets"])
        let ids = approved.sorted().map(String.init).joined(separator: ", ")
        #expect(report["reward-budgets"]?.problems.first?.hasSuffix("(proposal\(approved.count == 1 ? "" : "s") \(ids))") == true)
    }

    @Test func anAuditTableWithRefusingTriggersPasses() throws {
        let (fixture, _, _) = try Self.programme()
        try Self.damage(
            fixture.store,
            """
            CREATE TABLE auditProbe (id INTEGER PRIMARY KEY, what TEXT NOT NULL);
            CREATE TRIGGER auditProbe_no_update BEFORE UPDATE ON auditProbe
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            """)
        let halfway = try fixture.programme.check(by: fixture.admin)
        #expect(halfway["audit-trail"]?.problems == ["auditProbe has no trigger refusing DELETE: its rows could be changed"])
        try Self.damage(
            fixture.store,
            """
            CREATE TRIGGER auditProbe_no_delete BEFORE DELETE ON auditProbe
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            """)
        #expect(try fixture.programme.check(by: fixture.admin).ok)
    }

    @Test func aCheckThatCannotRunSaysSoAndTheOthersStillRun() throws {
        let (fixture, _, _) = try Self.programme()
        try Self.damage(
            fixture.store, foreignKeysOff: true, "DROP TABLE rewardWish; DROP TABLE rewardItemProject; DROP TABLE rewardProposal")
        let report = try fixture.programme.check(by: fixture.admin)
        #expect(report["reward-budgets"]?.problems.first?.hasPrefix("could not run: no such table: rewardProposal") == true)
        #expect(report["action-facts"]?.ok == true)
        #expect(report["active-admin"]?.ok == true)
    }

    @Test func manyProblemsAreCountedAndTheFirstListed() throws {
        let store = try AdvocacyStore.inMemory(now: { ProgrammeFixture.now })
        let programme = Programme(store: store)
        let summary = try programme.loadDemo(
            try DemoProgramme.generate(employees: 40, seed: 7, today: ProgrammeFixture.today), replacing: false)
        let actions = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action") ?? 0 }
        #expect(actions > CheckResult.listedProblems)
        try Self.damage(store, "DELETE FROM actionFact")
        let facts = try #require(try programme.check(by: summary.admin)["action-facts"])
        #expect(facts.problemCount == actions + 1)
        #expect(facts.problems.count == CheckResult.listedProblems)
        #expect(facts.problems.first == "actionFact holds 0 rows for \(actions) actions")
    }

    @Test func onlyAnAdminMayCheckWhileThereIsOne() throws {
        let (fixture, hr, _) = try Self.programme()
        #expect(throws: CoreError.self) { try fixture.programme.check(by: fixture.jane) }
        #expect(throws: CoreError.self) { try fixture.programme.check(by: hr) }
        #expect(throws: StoreError.adminRequired(operation: "check the database")) { try fixture.programme.check(by: nil) }
        // With no active admin, anyone may, so the missing admin can be seen.
        try Self.damage(fixture.store, "UPDATE employee SET isActive = 0 WHERE role = 'admin'")
        #expect(try fixture.programme.check(by: nil).failed.map(\.name) == ["active-admin"])
        #expect(try fixture.programme.check(by: fixture.jane).failed.map(\.name) == ["active-admin"])
    }
}
