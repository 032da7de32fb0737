import AdvocacyCore
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Fast in the normal suite, long under `scripts/soak.sh` (`ADVOCACY_SOAK=1`).
enum Soak {
    static var isOn: Bool { ProcessInfo.processInfo.environment["ADVOCACY_SOAK"] == "1" }

    /// `fast` in the normal suite, `soak` when soaking.
    static func pick<T>(fast: T, soak: T) -> T { isOn ? soak : fast }
}

/// The seed of a randomised test: `ADVOCACY_SEED` when set (to replay a
/// failure), else a fresh one. It is printed, and failure messages name it.
struct ReplaySeed: CustomStringConvertible {
    let value: UInt64

    init(_ test: String) {
        if let text = ProcessInfo.processInfo.environment["ADVOCACY_SEED"], let given = UInt64(text) {
            value = given
        } else {
            value = UInt64.random(in: 1...UInt64(UInt32.max))
        }
        Swift.print("\(test): seed \(value) (replay with ADVOCACY_SEED=\(value))")
    }

    var description: String { "seed \(value) (replay with ADVOCACY_SEED=\(value))" }
}

/// The `advocacy` executable run as a child process, as a user would run it.
struct ChildProcess {
    /// How one run ended.
    struct Outcome {
        var status: Int32
        /// Killed by our SIGKILL rather than exiting.
        var killed: Bool
        var output: String
        var error: String

        var succeeded: Bool { !killed && status == 0 }
    }

    let executable: URL
    let environment: [String: String]
    /// Where the child's standard output and error go: files, so a killed
    /// child's last words are still there and no pipe can fill up.
    let scratch: URL

    init(databasePath: String, actor: String, folder: URL) throws {
        executable = try KilledImportTests.executable()
        environment = ["ADVOCACY_DB": databasePath, "ADVOCACY_USER": actor, "HOME": folder.path, "TZ": "UTC"]
        scratch = folder.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    /// Runs `arguments` to the end.
    func run(_ arguments: [String]) throws -> Outcome {
        try run(arguments, killAt: nil)
    }

    /// Runs `arguments`, sending SIGKILL when `deadline` passes while it still runs.
    func run(_ arguments: [String], killAt deadline: Date?) throws -> Outcome {
        let outPath = scratch.appendingPathComponent("out-\(UUID().uuidString)").path
        let errPath = scratch.appendingPathComponent("err-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let child = Process()
        child.executableURL = executable
        child.arguments = arguments
        child.environment = environment
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        child.standardOutput = out
        child.standardError = err
        child.standardInput = FileHandle.nullDevice
        try child.run()
        try? out.close()
        try? err.close()
        var killed = false
        if let deadline {
            while child.isRunning {
                if Date() >= deadline {
                    killed = kill(child.processIdentifier, SIGKILL) == 0
                    break
                }
                usleep(500)
            }
        }
        child.waitUntilExit()
        killed = killed && child.terminationReason == .uncaughtSignal
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let error = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Outcome(status: child.terminationStatus, killed: killed, output: output, error: error)
    }
}

/// What must hold in any database, whatever happened to the last process
/// that wrote it: SQLite's own checks and the programme's derived rows.
enum DatabaseHealth {
    /// Every problem found, empty when the database is sound.
    static func problems(atPath path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems.append("integrity_check: \(integrity.joined(separator: "; "))") }
            let foreign = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if !foreign.isEmpty { problems.append("foreign_key_check: \(foreign.map(\.description).joined(separator: "; "))") }
            let checks: [(String, String)] = [
                (
                    "actions without their actionFact",
                    "SELECT COUNT(*) FROM action a WHERE NOT EXISTS (SELECT 1 FROM actionFact f WHERE f.actionId = a.id)"
                ),
                (
                    "actionFact rows without their action",
                    "SELECT COUNT(*) FROM actionFact f WHERE NOT EXISTS (SELECT 1 FROM action a WHERE a.id = f.actionId)"
                ),
                (
                    "actionFact rows whose author, channel or kind differ from their action's",
                    """
                    SELECT COUNT(*) FROM actionFact f JOIN action a ON a.id = f.actionId
                    WHERE f.employeeId IS NOT a.employeeId OR f.channelId IS NOT a.channelId OR f.kind IS NOT a.kind
                    """
                ),
                (
                    "actionFact rows whose figures are not the latest metrics snapshot",
                    """
                    SELECT COUNT(*) FROM actionFact f
                    LEFT JOIN metricsSnapshot m ON m.id = (SELECT id FROM metricsSnapshot WHERE actionId = f.actionId ORDER BY date DESC LIMIT 1)
                    WHERE f.impressions IS NOT m.impressions OR f.reactions IS NOT m.reactions OR f.comments IS NOT m.comments
                       OR f.shares IS NOT m.shares OR f.clicks IS NOT m.clicks
                    """
                ),
                (
                    "actionFact rows whose strategic weight is not their projects' highest",
                    """
                    SELECT COUNT(*) FROM actionFact f
                    WHERE f.strategicWeight IS NOT (SELECT MAX(p.strategicWeight) FROM actionProject ap
                        JOIN project p ON p.id = ap.projectId WHERE ap.actionId = f.actionId)
                    """
                ),
                (
                    "periods whose proposals (rejected ones aside) cost more than their budget",
                    """
                    SELECT COUNT(*) FROM rewardBudget b
                    WHERE b.amountCents < (SELECT COALESCE(SUM(costCents), 0) FROM rewardProposal p
                        WHERE p.period = b.period AND p.status <> 'rejected')
                    """
                ),
                (
                    "reward proposals without their score run",
                    "SELECT COUNT(*) FROM rewardProposal p WHERE NOT EXISTS (SELECT 1 FROM scoreRun r WHERE r.id = p.scoreRunId)"
                ),
            ]
            for (what, sql) in checks {
                let count = try Int.fetchOne(db, sql: sql) ?? 0
                if count > 0 { problems.append("\(count) \(what)") }
            }
            return problems
        }
    }
}
