import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

#if canImport(Glibc)
    import Glibc
#endif

/// `backup` and `check` at the command line, the note after an upgrade, and
/// the refusal of a newer file.
@Suite("Operations: backup and check")
struct OperationsCLITests {
    static let admin = "admin@corp.fr"

    static func programme() throws -> CLIHarness {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess(
            "log", "https://jane.example.org/erp", "--project", "ERP-2027", "--reactions", "40", as: "jane@corp.fr")
        return cli
    }

    /// Damage done through the store's own connection, as a bug might.
    static func damage(_ cli: CLIHarness, _ sql: String) throws {
        try AdvocacyStore.open(atPath: cli.databasePath).writer.write { db in try db.execute(sql: sql) }
    }

    @Test func backupWritesAVerifiedCopyAndRefusesToOverwrite() throws {
        let cli = try Self.programme()
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        let result = try cli.expectSuccess(["backup", copy], as: Self.admin)
        let bytes = try #require(try FileManager.default.attributesOfItem(atPath: copy)[.size] as? Int)
        #expect(
            result.output
                == "Backed up \(cli.databasePath) to \(copy): \(NumberText.grouped(bytes)) bytes, 5 employees, 1 action; the copy passes SQLite's integrity check\n"
        )
        #expect(try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int == 0o600)

        let again = cli.run(["backup", copy], as: Self.admin)
        #expect(again.status == 1)
        #expect(again.error == "error: \(copy) already exists: choose another file, or pass --force to replace it\n")
        try cli.expectSuccess(["backup", copy, "--force"], as: Self.admin)

        // The copy is a programme: check passes on it.
        let checked = cli.run(["check", "--db", copy], as: Self.admin)
        #expect(checked.status == 0, "\(checked.output)\(checked.error)")
    }

    @Test func checkPrintsOneLinePerCheck() throws {
        let cli = try Self.programme()
        let result = try cli.expectSuccess(["check"], as: Self.admin)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines.first?.hasPrefix("result") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("ok ") }, "\(result.output)")
        #expect(lines.contains { $0.contains("reward-budgets") })
        #expect(result.error.isEmpty)

        let json = try #require(
            try cli.json(try cli.expectSuccess(["check", "--format", "json"], as: Self.admin)) as? [String: Any])
        #expect(json["ok"] as? Bool == true)
        #expect(json["path"] as? String == cli.databasePath)
        let checks = try #require(json["checks"] as? [[String: Any]])
        #expect(checks.count == 11)
        #expect(Set(checks[0].keys) == ["about", "name", "ok", "problemCount", "problems", "warningCount", "warnings"])
    }

    @Test func checkNamesTheRowsAtFaultAndExitsWith1() throws {
        let cli = try Self.programme()
        try Self.damage(cli, "UPDATE actionFact SET reactions = 999")
        let result = cli.run(["check"], as: Self.admin)
        #expect(result.status == 1)
        let line = try #require(result.output.split(separator: "\n").first { $0.contains("action-facts") })
        #expect(line.hasPrefix("PROBLEM"))
        #expect(line.hasSuffix("action 1 (https://jane.example.org/erp): its fact differs (reactions 999, expected 40)"))
        #expect(result.output.split(separator: "\n").filter { $0.hasPrefix("PROBLEM") }.count == 1)
        #expect(
            result.error
                == "error: 1 of 10 checks found problems (listed above); nothing was changed: docs/operations.md says what each check means and what to do\n"
        )

        let json = cli.run(["check", "--format", "json"], as: Self.admin)
        #expect(json.status == 1)
        let report = try #require(try cli.json(json) as? [String: Any])
        #expect(report["ok"] as? Bool == false)
        let facts = try #require((report["checks"] as? [[String: Any]])?.first { $0["name"] as? String == "action-facts" })
        #expect(facts["problemCount"] as? Int == 1)
    }

    @Test func onlyAnAdminBacksUpOrChecks() throws {
        let cli = try Self.programme()
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        for actor in ["jane@corp.fr", "cio@corp.fr", "hr@corp.fr"] {
            for arguments in [["backup", copy], ["check"]] {
                let result = cli.run(arguments, as: actor)
                #expect(result.status == 77)
                #expect(result.error.contains("this needs the admin role"))
            }
        }
        let anonymous = cli.run(["check"])
        #expect(anonymous.status == 1)
        #expect(
            anonymous.error
                == "error: only an admin may check the database: pass --as with an admin's email, or set ADVOCACY_USER\n")
        #expect(!FileManager.default.fileExists(atPath: copy))
    }

    @Test func anUpgradeSaysWhereTheCopyIsOnce() throws {
        let cli = try CLIHarness()
        let migrations = Migrations.migrator.migrations
        let previous = migrations[migrations.count - 2]
        let queue = try AdvocacyStore.rawQueue(atPath: cli.databasePath)
        try Migrations.migrator.migrate(queue, upTo: previous)
        try queue.write { db in
            try db.execute(
                sql:
                    "INSERT INTO employee (email, fullName, role, createdAt) VALUES ('admin@corp.fr', 'Ada Admin', 'admin', '2026-01-01T00:00:00Z')"
            )
        }
        try queue.close()

        let first = try cli.expectSuccess(["employee", "list"])
        let copy = "\(cli.databasePath).before-\(previous)-20261121-120000.sqlite"
        #expect(
            first.error
                == "advocacy: upgraded \(cli.databasePath) for this version; the database as it was before is saved as \(copy)\n")
        #expect(first.output.contains("admin@corp.fr"))
        #expect(FileManager.default.fileExists(atPath: copy))
        let second = try cli.expectSuccess(["employee", "list"])
        #expect(second.error.isEmpty)
    }

    @Test func aNewerFileIsRefusedWithWhatToDoAndLeftAsItWas() throws {
        let cli = try Self.programme()
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try queue.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        for arguments in [["employee", "list"], ["check"], ["backup", cli.folder.appendingPathComponent("copy.sqlite").path]] {
            let result = cli.run(arguments, as: Self.admin)
            #expect(result.status == 1)
            #expect(
                result.error
                    == "error: \(cli.databasePath) was written by a newer version of advocacy, whose database changes this one does not know: "
                    + "use that version or a later one ('advocacy --version' shows this one); the file was left unchanged\n")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.databasePath)) == bytes)
    }

    /// Other processes import and log while this one backs up and checks:
    /// every copy opens, passes SQLite's integrity check and `check`, and
    /// holds whole transactions: the import all or nothing, the logged posts
    /// a prefix of those logged one after the other.
    @Test(.tags(.slow)) func backupAndCheckWhileOtherProcessesWrite() throws {
        let cli = try CLIHarness()
        let file = cli.folder.appendingPathComponent("actions.csv").path
        let imported = 5_000, logged = 40
        try cli.expectSuccess("demo", "--employees", "60", "--actions", "\(imported)", "--export-actions", file)
        let admin = try GRDBProbe.admin(cli)
        let binary = try KilledImportTests.executable()

        func child(_ arguments: [String], log name: String) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
            process.environment = [
                "ADVOCACY_DB": cli.databasePath, "ADVOCACY_USER": admin, "HOME": cli.folder.path, "PATH": "/usr/bin:/bin",
            ]
            process.standardOutput = FileHandle.nullDevice
            let errors = cli.folder.appendingPathComponent(name).path
            _ = FileManager.default.createFile(atPath: errors, contents: nil)
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
            try process.run()
            return process
        }
        let logging = try child(
            [
                "/bin/sh", "-c",
                #"i=1; while [ $i -le "$1" ]; do "$0" log "https://ops-writer.example.net/posts/$i" --title "Post $i" --reactions $i || exit 1; i=$((i+1)); done"#,
                binary.path, "\(logged)",
            ], log: "log.err")
        let importing = try child([binary.path, "import", "actions", file], log: "import.err")

        var copies: [String] = []
        var checks: [CLIHarness.Result] = []
        while logging.isRunning || importing.isRunning || copies.count < 3 {
            let copy = cli.folder.appendingPathComponent("copy-\(copies.count).sqlite").path
            try cli.expectSuccess(["backup", copy], as: admin)
            copies.append(copy)
            checks.append(cli.run(["check"], as: admin))
            if copies.count >= 40 { break }
        }
        logging.waitUntilExit()
        importing.waitUntilExit()
        let logErrors = try String(contentsOfFile: cli.folder.appendingPathComponent("log.err").path, encoding: .utf8)
        let importErrors = try String(contentsOfFile: cli.folder.appendingPathComponent("import.err").path, encoding: .utf8)
        #expect(logging.terminationStatus == 0, "\(logErrors)")
        #expect(importing.terminationStatus == 0, "\(importErrors)")
        #expect(!logErrors.contains("locked") && !importErrors.contains("locked"))
        for check in checks { #expect(check.status == 0, "\(check.output)\(check.error)") }

        var seen: Set<String> = []
        for copy in copies {
            let (integrity, fromImport, posts) = try DatabaseQueue(path: copy).read { db in
                (
                    try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action WHERE url NOT LIKE 'https://ops-writer.example.net/%'")
                        ?? -1,
                    try String.fetchAll(db, sql: "SELECT title FROM action WHERE url LIKE 'https://ops-writer.example.net/%'")
                )
            }
            #expect(integrity == ["ok"])
            #expect(fromImport == 0 || fromImport == imported, "\(copy) holds part of the import: \(fromImport) actions")
            #expect(Set(posts) == Set((0..<posts.count).map { "Post \($0 + 1)" }), "\(copy) holds posts out of order: \(posts)")
            seen.insert("\(fromImport)/\(posts.count)")
            let checked = cli.run(["check", "--db", copy], as: admin)
            #expect(checked.status == 0, "\(checked.output)\(checked.error)")
        }
        // The final state has everything, and passes check too.
        #expect(try GRDBProbe.value(cli, "SELECT COUNT(*) FROM action") == imported + logged)
        try cli.expectSuccess(["check"], as: admin)
        #expect(copies.count >= 3, "\(seen)")
    }
}
