import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

/// Several people logging at the same time on one database file: every
/// `log` succeeds, none of them reports a locked database, and nothing is
/// lost or doubled.
///
/// Four writers, each its own person with their own blog, each running
/// `advocacy log` (a new process every time) as fast as it can. 4×50 here,
/// 4×250 under `scripts/soak.sh`.
@Suite("Robustness: concurrency", .serialized, .tags(.slow))
struct RobustnessConcurrencyTests {
    static let writers = 4
    static let actionsPerWriter = Soak.pick(fast: 50, soak: 250)

    /// What one writer saw: the failures it met (command, status, standard error).
    final class WriterLog: @unchecked Sendable {
        var failures: [String] = []
        var logged = 0
    }

    @Test func fourProcessesLogAtOnceWithoutALockError() throws {
        let cli = try CLIHarness()
        try cli.expectSuccess("init", "--admin", "admin@corp.fr", "--name", "Ada Admin")
        try cli.expectSuccess("project", "add", "ERP-2027", "--name", "Refonte ERP", "--weight", "3", as: "admin@corp.fr")
        var children: [ChildProcess] = []
        for writer in 1...Self.writers {
            let email = "writer\(writer)@corp.fr"
            try cli.expectSuccess(
                "employee", "add", email, "--name", "Writer \(writer)", "--team", "Team \(writer % 2)", as: "admin@corp.fr")
            try cli.expectSuccess(
                "channel", "add", email, "https://writer\(writer).example.org", "--kind", "blog", "--followers", "2000", as: email
            )
            children.append(try ChildProcess(databasePath: cli.databasePath, actor: email, folder: cli.folder))
        }

        let logs = (1...Self.writers).map { _ in WriterLog() }
        let group = DispatchGroup()
        let started = Date()
        for (index, child) in children.enumerated() {
            let log = logs[index], writer = index + 1
            group.enter()
            // A thread each: the dispatch pool may run fewer at once than there are writers.
            Thread {
                defer { group.leave() }
                for number in 1...Self.actionsPerWriter {
                    let arguments = [
                        "log", "https://writer\(writer).example.org/posts/\(number)", "--title",
                        "Post \(number) by writer \(writer)",
                        "--date", "2026-01-15", "--project", "ERP-2027", "--reactions", String(number), "--comments",
                        String(writer),
                    ]
                    do {
                        let outcome = try child.run(arguments)
                        if outcome.status != 0 || !outcome.error.isEmpty || !outcome.output.hasPrefix("Logged ") {
                            log.failures.append("\(arguments[1]): exit \(outcome.status): \(outcome.error)")
                        } else {
                            log.logged += 1
                        }
                    } catch {
                        log.failures.append("\(arguments[1]): \(error)")
                    }
                }
            }.start()
        }
        group.wait()
        let seconds = Date().timeIntervalSince(started)
        Swift.print("concurrency: \(Self.writers)×\(Self.actionsPerWriter) logs in \(String(format: "%.1f", seconds)) s")

        let failures = logs.flatMap(\.failures)
        #expect(failures.isEmpty, "\(failures.count) logs failed, first: \(failures.prefix(3))")
        #expect(logs.map(\.logged) == Array(repeating: Self.actionsPerWriter, count: Self.writers))
        let total = Self.writers * Self.actionsPerWriter
        let counts = try DatabaseQueue(path: cli.databasePath).read { db in
            try ["action", "actionFact", "metricsSnapshot", "actionProject"].map { table in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
        }
        #expect(counts == [total, total, total, total], "actions, facts, snapshots, tags")
        let perWriter = try DatabaseQueue(path: cli.databasePath).read { db in
            try Int.fetchAll(db, sql: "SELECT COUNT(*) FROM action GROUP BY employeeId ORDER BY employeeId")
        }
        #expect(perWriter == Array(repeating: Self.actionsPerWriter, count: Self.writers))
        #expect(try DatabaseHealth.problems(atPath: cli.databasePath).isEmpty)
    }

    /// Six people running `init` on a file that does not exist yet, at the
    /// same moment: they race to switch it to WAL (a switch SQLite does not
    /// wait for) and to apply each migration. Every run succeeds and the
    /// file holds one programme with one admin. A race is lost rarely, so it
    /// is run 8 times here, 50 under `scripts/soak.sh`.
    @Test func sixProcessesCreateOneFileAtOnce() throws {
        let cli = try CLIHarness()
        let rounds = Soak.pick(fast: 8, soak: 50)
        var failures: [String] = []
        for round in 1...rounds {
            let path = cli.folder.appendingPathComponent("first-\(round).sqlite").path
            let child = try ChildProcess(databasePath: path, actor: "admin@corp.fr", folder: cli.folder)
            let outcomes = (1...6).map { _ in WriterLog() }
            let group = DispatchGroup()
            for log in outcomes {
                group.enter()
                Thread {
                    defer { group.leave() }
                    do {
                        let outcome = try child.run(["init", "--admin", "admin@corp.fr", "--name", "Ada Admin"])
                        if outcome.status != 0 { log.failures.append("round \(round): exit \(outcome.status): \(outcome.error)") }
                    } catch {
                        log.failures.append("round \(round): \(error)")
                    }
                }.start()
            }
            group.wait()
            failures += outcomes.flatMap(\.failures)
            let admins = try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT email FROM employee WHERE role = 'admin'")
            }
            #expect(admins == ["admin@corp.fr"], "round \(round)")
            #expect(try DatabaseHealth.problems(atPath: path).isEmpty, "round \(round)")
        }
        #expect(failures.isEmpty, "\(failures.count) of \(6 * rounds) runs failed, first: \(failures.prefix(3))")
    }
}
