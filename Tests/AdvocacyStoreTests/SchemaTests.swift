import AdvocacyCore
import Foundation
import GRDB
import Testing
@testable import AdvocacyStore

@Suite("Schema and constraints")
struct SchemaTests {
    @Test func migrationsCreateEveryTable() throws {
        let store = try AdvocacyStore.inMemory()
        let tables = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(tables == [
            "action", "actionFact", "actionProject", "auditEntry", "channel", "consent", "employee", "followerSnapshot", "grdb_migrations", "metricsSnapshot",
            "project", "rewardBudget", "rewardClearance", "rewardItem", "rewardItemProject", "rewardProposal", "rewardWish",
            "scoreRun", "scoringPolicy",
        ])
        let applied = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1-programme", "v2-scoring", "v3-rewards", "v4-audit", "v5-privacy"])
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
        "INSERT INTO action (employeeId, channelId, kind, title, url, publishedOn, createdAt) VALUES (3, 1, 'post', 'Not my channel', 'https://x.com/jane/status/2', '2026-11-21', 'now')",
        "UPDATE action SET effortHours = 0",
        "UPDATE action SET publishedOn = '2026-19-39'",
        "UPDATE channel SET employeeId = 3",
    ])
    func theDatabaseEnforcesItsInvariants(sql: String) throws {
        let fixture = try StoreFixture()
        try fixture.store.logAction(try fixture.draft("https://x.com/jane/status/1", metrics: try MetricsUpdate(reactions: 1)), by: fixture.jane)
        #expect(throws: DatabaseError.self) {
            try fixture.store.writer.write { db in try db.execute(sql: sql) }
        }
    }

    @Test func foreignKeysCascadeFromEmployeesAndActions() throws {
        let fixture = try StoreFixture()
        try fixture.store.logAction(
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
