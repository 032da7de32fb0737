import AdvocacyCore
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI
@testable import AdvocacyStore

@Suite("The audit trail")
struct AuditCLITests {
    /// A programme taken through most writes a programme sees: people,
    /// channels, actions and figures, projects, the policy, the catalogue,
    /// budget, wishes, a clearance, proposals approved, rejected and granted,
    /// and a roster import.
    static func workedProgramme() throws -> CLIHarness {
        let cli = try CLIHarness.withProgramme()
        let (admin, jane, hr, cio) = ("admin@corp.fr", "jane@corp.fr", "hr@corp.fr", "cio@corp.fr")
        try cli.expectSuccess("employee", "update", "paul@corp.fr", "--team", "Réseaux", "--role", "staff", as: admin)
        try cli.expectSuccess("channel", "add", jane, "https://jane.example.org", "--followers", "1500", as: jane)
        try cli.expectSuccess("channel", "followers", "https://jane.example.org", "1600", as: jane)
        try cli.expectSuccess(
            "log", "https://jane.example.org/erp", "--project", "ERP-2027", "--reactions", "30", "--date", "2026-11-02", as: jane)
        try cli.expectSuccess("log", "https://jane.example.org/notes", "--date", "2026-11-03", as: jane)
        try cli.expectSuccess("metrics", "https://jane.example.org/erp", "--reactions", "45", as: jane)
        try cli.expectSuccess("action", "remove", "https://jane.example.org/notes", as: jane)
        try cli.expectSuccess("project", "add", "SSO-1", "--name", "SSO", as: admin)
        try cli.expectSuccess("project", "close", "SSO-1", as: admin)
        let policy = try cli.expectSuccess("policy", "show", as: cio).output.replacingOccurrences(
            of: "micro = 1000", with: "micro = 1200")
        try cli.expectSuccess("policy", "set", try cli.file("policy.toml", policy), as: cio)
        try cli.expectSuccess(
            "rewards", "catalog", "add", "BOOK-1", "--name", "Un livre", "--category", "book", "--cost", "40", as: hr)
        try cli.expectSuccess(
            "rewards", "catalog", "add", "CONF-1", "--name", "Une conférence", "--category", "conference", "--cost", "300", as: hr
        )
        try cli.expectSuccess("rewards", "catalog", "update", "BOOK-1", "--stock", "5", as: hr)
        try cli.expectSuccess("rewards", "budget", "set", "2026-Q4", "1000", as: hr)
        try cli.expectSuccess("rewards", "wish", "CONF-1", as: jane)
        try cli.expectSuccess("rewards", "clear", jane, "--period", "2026-Q4", "--note", "checked", as: cio)
        try cli.expectSuccess("rewards", "propose", "--period", "2026-Q4", as: hr)
        let ids = try cli.expectSuccess("rewards", "list", "--period", "2026-Q4", "--format", "csv", as: hr).output
            .split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        if let first = ids.first {
            try cli.expectSuccess("rewards", "approve", first, as: cio)
            try cli.expectSuccess("rewards", "grant", first, as: hr)
        }
        for id in ids.dropFirst() { try cli.expectSuccess("rewards", "reject", id, "--note", "not this time", as: cio) }
        try cli.expectSuccess(
            "import", "employees", try cli.file("roster.csv", "email,name,team,role\nnew.hire@corp.fr,New Hire,Data,staff\n"),
            as: admin)
        try cli.expectSuccess("employee", "deactivate", "new.hire@corp.fr", as: admin)
        return cli
    }

    @Test func theTrailAccountsForEveryRowAsItIsNow() throws {
        let cli = try Self.workedProgramme()
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.read { db in
            for table in AdvocacyStore.auditedEntities where table != "programme" {
                let columns = try String.fetchAll(
                    db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                let keys =
                    columns.contains("id")
                    ? ["id"]
                    : try String.fetchAll(
                        db, sql: "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", arguments: [table])
                let json = "json_object(" + columns.map { "'\($0)', t.\($0)" }.joined(separator: ", ") + ")"
                let key = keys.map { "t.\($0)" }.joined(separator: " || '/' || ")
                // Each row as it is now, and the `after` of the last entry about it.
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT CAST(\(key) AS TEXT) AS key, \(json) AS now,
                            (SELECT after FROM auditEntry WHERE entity = ? AND entityId = \(key) ORDER BY id DESC LIMIT 1) AS recorded
                        FROM \(table) t
                        """,
                    arguments: [table])
                for row in rows {
                    #expect(row["recorded"] as String? == row["now"] as String?, "\(table) \(row["key"] as String? ?? "?")")
                }
                // A key whose last entry is a deletion is gone.
                let deleted = try String.fetchAll(
                    db,
                    sql: """
                        SELECT entityId FROM auditEntry e WHERE entity = ? AND operation = 'delete'
                        AND id = (SELECT MAX(id) FROM auditEntry WHERE entity = e.entity AND entityId = e.entityId)
                        """,
                    arguments: [table])
                let present = Set(rows.map { $0["key"] as String })
                #expect(deleted.allSatisfy { !present.contains($0) }, "\(table)")
            }
            // The system wrote only the first policy (when the trail began) and the first admin (init);
            // every other entry names who acted, with their role.
            let bySystem = try String.fetchAll(db, sql: "SELECT entity FROM auditEntry WHERE actorEmail IS NULL ORDER BY id")
            #expect(bySystem == ["scoringPolicy", "employee"])
            let roles = try String.fetchAll(
                db, sql: "SELECT DISTINCT actorRole FROM auditEntry WHERE actorRole IS NOT NULL ORDER BY 1")
            #expect(roles == ["admin", "cio", "hr", "staff"])
            let operations = try String.fetchAll(db, sql: "SELECT DISTINCT operation FROM auditEntry ORDER BY 1")
            #expect(operations == ["delete", "insert", "update"])
        }
    }

    @Test(arguments: [
        "UPDATE auditEntry SET actorEmail = 'someone.else@corp.fr'", "DELETE FROM auditEntry",
        "UPDATE auditEntry SET after = NULL WHERE id = 2",
    ])
    func theTrailCannotBeAltered(sql: String) throws {
        let cli = try CLIHarness.withProgramme()
        let before = try cli.databaseDump()
        let store = try AdvocacyStore.open(atPath: cli.databasePath)
        #expect(throws: (any Error).self) { try store.write { try $0.execute(sql: sql) } }
        #expect(try cli.databaseDump() == before)
    }

    @Test func aWriteFromAnotherProgramIsRefused() throws {
        let cli = try CLIHarness.withProgramme()
        let before = try cli.databaseDump()
        // Without advocacy's connection, the triggers cannot say who acts, so the change is refused.
        #expect(throws: DatabaseError.self) {
            try DatabaseQueue(path: cli.databasePath).write { db in try db.execute(sql: "UPDATE employee SET fullName = 'Nobody'")
            }
        }
        #expect(try cli.databaseDump() == before)
    }

    @Test func importsOfActionsAreOneEntryAndRostersOneEntryPerRow() throws {
        let cli = try CLIHarness.withProgramme()
        let rows = (1...30).map { "jane@corp.fr,https://jane.example.org/post-\($0),2026-11-0\($0 % 9 + 1),Post \($0)" }
        let file = try cli.file("actions.csv", "email,url,date,title\n" + rows.joined(separator: "\n") + "\n")
        let before = try GRDBProbe.value(cli, "SELECT COUNT(*) FROM auditEntry") ?? 0
        let triggers = try GRDBProbe.value(
            cli, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit%'")
        try cli.expectSuccess("import", "actions", file, as: "admin@corp.fr")
        // The import set the per-row audit triggers aside; they are all back.
        #expect(
            try GRDBProbe.value(cli, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit%'")
                == triggers)
        #expect((triggers ?? 0) > 40)
        let entries =
            try cli.json(try cli.expectSuccess("audit", "--entity", "action", "--format", "json", as: "admin@corp.fr"))
            as? [[String: Any]]
        let bulk = try #require(entries?.last)
        #expect(bulk["operation"] as? String == "bulk")
        #expect((bulk["after"] as? [String: Any])?["inserted"] as? Int == 30)
        #expect(try GRDBProbe.value(cli, "SELECT COUNT(*) FROM auditEntry") == before + 1)
        // The same file again changes nothing, and records nothing.
        try cli.expectSuccess("import", "actions", file, as: "admin@corp.fr")
        #expect(try GRDBProbe.value(cli, "SELECT COUNT(*) FROM auditEntry") == before + 1)
        let roster = try cli.file("roster.csv", "email,name\nana@corp.fr,Ana\nben@corp.fr,Ben\n")
        try cli.expectSuccess("import", "employees", roster, as: "admin@corp.fr")
        #expect(
            try GRDBProbe.value(
                cli,
                "SELECT COUNT(*) FROM auditEntry WHERE entity = 'employee' AND operation = 'insert' AND actorEmail = 'admin@corp.fr'"
            ) ?? 0 >= 2)
    }

    @Test func theAuditCommandFiltersAndSaysWhatChanged() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("employee", "update", "jane@corp.fr", "--team", "Plateforme", as: "admin@corp.fr")
        let text = try cli.expectSuccess("audit", "--actor", "admin@corp.fr", "--entity", "employee", as: "cio@corp.fr").output
        #expect(text.contains("team: Data → Plateforme"))
        let none = try cli.expectSuccess("audit", "--since", "2030-01-01", as: "hr@corp.fr").output
        #expect(none == "No change recorded matches these filters.\n")
        let csv = try cli.expectSuccess("audit", "--format", "csv", as: "admin@corp.fr").output
        #expect(csv.hasPrefix("id,at,actor,role,operation,entity,entityId,before,after"))
        let refused = cli.run("audit", as: "jane@corp.fr")
        #expect(refused.status == 77 && refused.errorLines.count == 1)
        let unknown = cli.run("audit", "--entity", "salary", as: "admin@corp.fr")
        #expect(unknown.status == 64 && unknown.error.contains("expected one of employee"))
    }
}
