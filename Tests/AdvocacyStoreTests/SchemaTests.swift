import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

@Suite("Schema and constraints")
struct SchemaTests {
    @Test func migrationsCreateEveryTable() throws {
        let store = try AdvocacyStore.inMemory()
        let tables = try store.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(
            tables == [
                "action", "actionFact", "actionProject", "actionReview", "auditEntry", "channel", "consent", "dataUpgrade",
                "employee", "flagClearance", "followerSnapshot",
                "grdb_migrations", "metricsSnapshot",
                "project", "rewardBudget", "rewardClearance", "rewardItem", "rewardItemProject", "rewardProposal", "rewardWish",
                "scoreRun", "scoringPolicy", "setting", "unconfirmedClaim",
            ])
        let applied = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(
            applied == [
                "v1-programme", "v2-scoring", "v3-rewards", "v4-audit", "v5-privacy", "v6-address-hash", "v7-follower-reading",
                "v8-data-upgrades", "v9-settings", "v10-figure-sources", "v11-action-review",
                "v12-flag-clearance", "v13-unconfirmed-claim",
            ])
    }

    /// Every ranking reads all follower counts of its window: from the
    /// covering index alone, never looking each count up in the table.
    @Test func followerCountsAreReadFromTheirIndexAlone() throws {
        let store = try AdvocacyStore.inMemory()
        let plan = try store.writer.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + AdvocacyStore.followerCountsSQL, arguments: ["2026-01-01", "2026-12-31"]
            )
            .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("COVERING INDEX followerSnapshot_reading") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }

    /// Version 6 rebuilds `action` to find actions by a hash of their
    /// address: a version-5 programme keeps its actions, ids, facts and
    /// counter, and its triggers still work.
    @Test func version6KeepsAVersion5ProgrammeWhole() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("v5.sqlite")
        do {
            let queue = try DatabaseQueue(
                path: path, configuration: AdvocacyStore.configuration(audit: AuditContext(now: { ProgrammeFixture.now })))
            try Migrations.migrator.migrate(queue, upTo: "v5-privacy")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO employee (email, fullName, role, createdAt) VALUES ('ada@corp.fr', 'Ada', 'admin', 'now'), ('jane@corp.fr', 'Jane', 'staff', 'now');
                        INSERT INTO channel (employeeId, kind, url, scope, createdAt) VALUES (2, 'blog', 'https://jane.example.org', 'external', 'now');
                        INSERT INTO action (employeeId, channelId, kind, title, url, publishedOn, createdAt) VALUES
                            (2, 1, 'article', 'One', 'https://jane.example.org/1', '2026-11-01', 'now'),
                            (2, 1, 'article', 'Two', 'https://jane.example.org/2', '2026-11-02', 'now'),
                            (2, 1, 'article', 'Three', 'https://jane.example.org/3', '2026-11-03', 'now');
                        INSERT INTO metricsSnapshot (actionId, date, reactions) VALUES (1, '2026-11-05', 7);
                        DELETE FROM action WHERE id = 3;
                        """)
            }
        }
        let store = try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now })
        let programme = Programme(store: store)
        try store.writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, url, urlHash FROM action ORDER BY id")
            #expect(rows.map { $0["id"] as Int64 } == [1, 2])
            #expect(rows.allSatisfy { ($0["urlHash"] as Int64) == AddressHash.of($0["url"]) })
            #expect(try Int.fetchOne(db, sql: "SELECT reactions FROM actionFact WHERE actionId = 1") == 7)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        #expect(try programme.action(try CanonicalURL("https://jane.example.org/2")).title == "Two")

        // The counter was kept (the next id is 4, never 3 again) and the
        // restored triggers write the new action's fact.
        let jane = try EmailAddress("jane@corp.fr")
        let draft = try ActionDraft(
            author: jane, url: try CanonicalURL("https://jane.example.org/4"), kind: .post, date: ProgrammeFixture.today,
            today: ProgrammeFixture.today)
        try programme.logAction(draft, by: jane)
        try store.writer.read { (db: Database) throws in
            #expect(try Int64.fetchOne(db, sql: "SELECT id FROM action WHERE url = 'https://jane.example.org/4'") == 4)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM actionFact WHERE actionId = 4") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditEntry WHERE entity = 'action' AND entityId = '4'") == 1)
        }
        #expect(throws: StoreError.self) { try programme.logAction(draft, by: jane) }
        #expect(throws: StoreError.self) {
            try programme.logAction(
                try ActionDraft(
                    author: jane, url: try CanonicalURL("http://jane.example.org/2"), date: ProgrammeFixture.today,
                    today: ProgrammeFixture.today),
                by: jane)
        }
    }

    @Test(arguments: [
        "INSERT INTO employee (email, fullName, role, createdAt) VALUES ('x@corp.fr', 'X', 'boss', 'now')",
        "INSERT INTO employee (email, fullName, role, createdAt) VALUES ('JANE@corp.fr', 'Jane again', 'staff', 'now')",
        "INSERT INTO employee (email, fullName, role, createdAt) VALUES ('not-an-email', 'X', 'staff', 'now')",
        "INSERT INTO project (code, name, strategicWeight) VALUES ('X1', 'X', 4)",
        "INSERT INTO project (code, name) VALUES ('erp-2027', 'Duplicate in another case')",
        "INSERT INTO project (code, name, startDate, endDate) VALUES ('X2', 'X', '2026-05-01', '2026-04-01')",
        "INSERT INTO followerSnapshot (channelId, date, followers) VALUES (1, '2026-11-21', -1)",
        "INSERT INTO followerSnapshot (channelId, date, followers) VALUES (999, '2026-11-21', 5)",
        "INSERT INTO channel (employeeId, kind, url, scope, createdAt) VALUES (2, 'tiktok', 'https://t.fr', 'external', 'now')",
        "INSERT INTO metricsSnapshot (actionId, date, reactions) VALUES (1, '2026-11-21', -5)",
        "INSERT INTO metricsSnapshot (actionId, date, reactions) VALUES (1, '21/11/2026', 5)",
        "INSERT INTO action (employeeId, channelId, kind, title, url, urlHash, publishedOn, createdAt) VALUES (3, 1, 'post', 'Not my channel', 'https://x.com/jane/status/2', advocacy_url_hash('https://x.com/jane/status/2'), '2026-11-21', 'now')",
        // One action per address, found by a hash that must be true to it.
        "INSERT INTO action (employeeId, channelId, kind, title, url, urlHash, publishedOn, createdAt) VALUES (2, 1, 'post', 'Again', 'https://x.com/jane/status/1', advocacy_url_hash('https://x.com/jane/status/1'), '2026-11-21', 'now')",
        "INSERT INTO action (employeeId, channelId, kind, title, url, urlHash, publishedOn, createdAt) VALUES (2, 1, 'post', 'Wrong hash', 'https://x.com/jane/status/3', 0, '2026-11-21', 'now')",
        "UPDATE action SET urlHash = urlHash + 1",
        "UPDATE action SET url = 'https://x.com/jane/status/9'",
        "UPDATE action SET effortHours = 0",
        "UPDATE action SET publishedOn = '2026-19-39'",
        "UPDATE channel SET employeeId = 3",
    ])
    func theDatabaseEnforcesItsInvariants(sql: String) throws {
        let fixture = try ProgrammeFixture()
        try fixture.programme.logAction(
            try fixture.draft("https://x.com/jane/status/1", metrics: try MetricsUpdate(reactions: 1)), by: fixture.jane)
        #expect(throws: DatabaseError.self) {
            try fixture.store.writer.write { db in try db.execute(sql: sql) }
        }
    }

    @Test func foreignKeysCascadeFromEmployeesAndActions() throws {
        let fixture = try ProgrammeFixture()
        try fixture.programme.logAction(
            try fixture.draft("https://x.com/jane/status/1", projects: [fixture.erp], metrics: try MetricsUpdate(reactions: 3)),
            by: fixture.jane)
        #expect(throws: DatabaseError.self) {
            try fixture.store.writer.write { db in try db.execute(sql: "DELETE FROM project") }
        }
        try fixture.store.writer.write { db in try db.execute(sql: "DELETE FROM employee WHERE email = 'jane@corp.fr'") }
        #expect(try fixture.count("channel") == 0)
        #expect(try fixture.count("action") == 0)
        #expect(try fixture.count("actionProject") == 0)
        #expect(try fixture.count("metricsSnapshot") == 0)
    }
}
