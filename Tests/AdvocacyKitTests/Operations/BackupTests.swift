import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

@Suite("backup")
struct BackupStoreTests {
    static func programme(in folder: TemporaryFolder) throws -> ProgrammeFixture {
        let fixture = try ProgrammeFixture(
            store: try AdvocacyStore.open(atPath: folder.path("programme.sqlite"), create: true, now: { ProgrammeFixture.now }))
        try fixture.programme.logAction(
            try fixture.draft("https://jane.example.org/erp", projects: [fixture.erp]), by: fixture.jane)
        return fixture
    }

    @Test func theCopyHoldsTheSameRowsInOneFileOnlyItsOwnerCanRead() throws {
        let folder = try TemporaryFolder()
        let fixture = try Self.programme(in: folder)
        let target = folder.path("copy.sqlite")
        let summary = try fixture.programme.backup(toPath: target, by: fixture.admin)
        #expect(summary.path == target)
        #expect(summary.employees == 3 && summary.actions == 1)
        #expect(summary.bytes == (try FileManager.default.attributesOfItem(atPath: target)[.size] as? Int))
        #expect(try fileMode(target) == 0o600)
        #expect(try databaseDump(target) == databaseDump(fixture.store.path))
        // One self-contained file: not in WAL mode, nothing beside it, no temporary left.
        #expect(try DatabaseQueue(path: target).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "delete")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter {
            $0.hasPrefix("copy") || $0.hasPrefix(".copy")
        }
        #expect(left == ["copy.sqlite"])
        // The copy is a programme advocacy opens as it is.
        let restored = try AdvocacyStore.open(atPath: target)
        #expect(try restored.actions().map(\.url) == [fixture.url("https://jane.example.org/erp")])
        #expect(restored.upgradeBackupPath == nil)
    }

    @Test func anExistingFileIsReplacedOnlyWhenAsked() throws {
        let folder = try TemporaryFolder()
        let fixture = try Self.programme(in: folder)
        let target = folder.path("copy.sqlite")
        try Data("an earlier file".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: StoreError.backupExists(path: target)) { try fixture.programme.backup(toPath: target, by: fixture.admin) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "an earlier file")
        try fixture.programme.backup(toPath: target, replacing: true, by: fixture.admin)
        #expect(try databaseDump(target) == databaseDump(fixture.store.path))
        #expect(try fileMode(target) == 0o600)
    }

    @Test func theDatabaseItselfAndItsSideFilesAreNeverTargets() throws {
        let folder = try TemporaryFolder()
        let fixture = try Self.programme(in: folder)
        let before = try databaseDump(fixture.store.path)
        for target in [fixture.store.path, fixture.store.path + "-wal", folder.path("./programme.sqlite-shm")] {
            #expect(throws: StoreError.self) { try fixture.programme.backup(toPath: target, replacing: true, by: fixture.admin) }
        }
        // A hard link is the same file under another name.
        let link = folder.path("link.sqlite")
        try FileManager.default.linkItem(atPath: fixture.store.path, toPath: link)
        #expect(throws: StoreError.self) { try fixture.programme.backup(toPath: link, replacing: true, by: fixture.admin) }
        #expect(try databaseDump(fixture.store.path) == before)
    }

    @Test func aMissingFolderOrAFolderAsTargetIsRefusedLeavingNothing() throws {
        let folder = try TemporaryFolder()
        let fixture = try Self.programme(in: folder)
        let missing = folder.path("nowhere/copy.sqlite")
        #expect(throws: StoreError.backupFailed(path: missing, reason: "the folder \(folder.path("nowhere")) does not exist")) {
            try fixture.programme.backup(toPath: missing, by: fixture.admin)
        }
        try FileManager.default.createDirectory(atPath: folder.path("copies"), withIntermediateDirectories: false)
        #expect(
            throws: StoreError.backupFailed(path: folder.path("copies"), reason: "it is a folder: expected the path of a file")
        ) {
            try fixture.programme.backup(toPath: folder.path("copies"), replacing: true, by: fixture.admin)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter {
            !$0.hasPrefix("programme.sqlite")
        }
        #expect(files == ["copies"])
    }

    @Test func onlyAnAdminBacksUp() throws {
        let folder = try TemporaryFolder()
        let fixture = try Self.programme(in: folder)
        let target = folder.path("copy.sqlite")
        #expect(throws: CoreError.self) { try fixture.programme.backup(toPath: target, by: fixture.jane) }
        #expect(throws: StoreError.adminRequired(operation: "back up the database")) {
            try fixture.programme.backup(toPath: target, by: nil)
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// Two connections stand for two processes: the copy is taken on one
    /// snapshot while the other keeps committing, and holds a whole number
    /// of its transactions.
    @Test func aBackupWhileAnotherConnectionWritesIsConsistent() async throws {
        let folder = try TemporaryFolder()
        let fixture = try Self.programme(in: folder)
        let writer = try AdvocacyStore.open(atPath: fixture.store.path, now: { ProgrammeFixture.now })
        let perTransaction = 5, transactions = 60
        let writing = Task {
            for n in 0..<transactions {
                try writer.writer.write { db in
                    for k in 0..<perTransaction {
                        try db.execute(
                            sql: "INSERT INTO project (code, name) VALUES (?, ?)",
                            arguments: ["BULK-\(n)-\(k)", "Bulk \(n) \(k)"])
                    }
                }
            }
        }
        var copies: [String] = []
        for index in 0..<8 {
            let target = folder.path("copy-\(index).sqlite")
            try fixture.programme.backup(toPath: target, by: fixture.admin)
            copies.append(target)
        }
        try await writing.value
        for copy in copies {
            let queue = try DatabaseQueue(path: copy)
            let (integrity, projects) = try await queue.read { db in
                (
                    try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM project") ?? -1
                )
            }
            #expect(integrity == ["ok"])
            #expect((projects - 1) % perTransaction == 0, "a copy holds part of a transaction: \(projects - 1) bulk projects")
            try queue.close()
            #expect(try Programme(store: try AdvocacyStore.open(atPath: copy)).check(by: fixture.admin).ok)
        }
    }
}
