import AdvocacyCore
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An import killed mid-way (SIGKILL: no chance to clean up) leaves a sound
/// database with none of its rows, and running it again completes.
@Suite("Killed import", .tags(.slow))
struct KilledImportTests {
    /// The `advocacy` executable `swift build` put beside the test bundle.
    static func executable() throws -> URL {
        let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("advocacy")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw CLIHarness.CommandFailed(
                description: "no advocacy executable at \(binary.path): run 'swift build --build-tests' first")
        }
        return binary
    }

    @Test func aKilledImportWritesNothingAndTheRerunCompletes() throws {
        let cli = try CLIHarness()
        let file = cli.folder.appendingPathComponent("actions.csv").path
        try cli.expectSuccess("demo", "--employees", "500", "--actions", "150000", "--export-actions", file)
        let admin = try GRDBProbe.admin(cli)
        let before = try cli.databaseDump()

        let child = Process()
        child.executableURL = try Self.executable()
        child.arguments = ["import", "actions", file]
        child.environment = ["ADVOCACY_DB": cli.databasePath, "ADVOCACY_USER": admin, "HOME": cli.folder.path]
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        // Mid-way: the transaction has spilled pages into the write-ahead log.
        let wal = cli.databasePath + "-wal"
        let deadline = Date().addingTimeInterval(120)
        var walSize = 0
        while child.isRunning && Date() < deadline {
            walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if walSize > 4 << 20 { break }
            usleep(5_000)
        }
        #expect(child.isRunning, "the import ended before it could be killed")
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(walSize > 4 << 20)

        let check = try DatabaseQueue(path: cli.databasePath).read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
        #expect(check == ["ok"])
        #expect(try cli.databaseDump() == before)

        let rerun = try cli.expectSuccess(["import", "actions", file], as: admin)
        #expect(rerun.output.contains("inserted 150000, updated 0, unchanged 0, rejected 0"), "\(rerun.output) \(rerun.error)")
        let actions = try DatabaseQueue(path: cli.databasePath).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action")
        }
        #expect(actions == 150_000)
    }
}
