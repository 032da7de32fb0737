import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

/// Upgrades keep a copy of the file as it was; a newer file is left alone.
@Suite("schema versions: the copy before an upgrade, and newer files")
struct SchemaVersionTests {
    /// The migration before the last: a file at that version needs the last one.
    static var previousMigration: String {
        let migrations = Migrations.migrator.migrations
        return migrations[migrations.count - 2]
    }

    /// A file migrated up to `previousMigration`, with two people and a
    /// project written in plain SQL (the tables every version has).
    static func olderFile(at path: String) throws {
        let queue = try AdvocacyStore.rawQueue(atPath: path)
        try Migrations.migrator.migrate(queue, upTo: previousMigration)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO employee (email, fullName, role, createdAt) VALUES
                        ('admin@corp.fr', 'Ada Admin', 'admin', '2026-01-01T00:00:00Z'),
                        ('jane@corp.fr', 'Jane Doe', 'staff', '2026-01-02T00:00:00Z');
                    INSERT INTO project (code, name) VALUES ('ERP-2027', 'Refonte ERP');
                    """)
        }
        try queue.close()
    }

    static let stamp = "20261121-120000"  // ProgrammeFixture.now in UTC

    @Test func upgradingAFileWritesACopyOfItBesideItFirst() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("programme.sqlite")
        try Self.olderFile(at: path)
        let before = try databaseDump(path)

        let store = try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now })
        let programme = Programme(store: store)
        let copy = "\(path).before-\(Self.previousMigration)-\(Self.stamp).sqlite"
        #expect(store.upgradeBackupPath == copy)
        #expect(try databaseDump(copy) == before)
        #expect(try fileMode(copy) == 0o600)
        let copied = try DatabaseQueue(path: copy).read { db in try Migrations.migrator.appliedMigrations(db) }
        #expect(copied.last == Self.previousMigration)
        // The file itself is upgraded and keeps its people.
        #expect(try store.writer.read { db in try Migrations.migrator.hasCompletedMigrations(db) })
        #expect(try programme.employees(seenBy: nil).map(\.email.value) == ["admin@corp.fr", "jane@corp.fr"])

        // Opening it again upgrades nothing and copies nothing.
        let again = try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now.addingTimeInterval(60) })
        #expect(again.upgradeBackupPath == nil)
        let copies = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".before-") }
        #expect(copies == [URL(fileURLWithPath: copy).lastPathComponent])
    }

    @Test func aNewFileOrOneWithNobodyInItGetsNoCopy() throws {
        let folder = try TemporaryFolder()
        let fresh = try AdvocacyStore.open(atPath: folder.path("new.sqlite"), create: true, now: { ProgrammeFixture.now })
        #expect(fresh.upgradeBackupPath == nil)

        let empty = folder.path("empty.sqlite")
        let queue = try AdvocacyStore.rawQueue(atPath: empty)
        try Migrations.migrator.migrate(queue, upTo: Self.previousMigration)
        try queue.close()
        #expect(try AdvocacyStore.open(atPath: empty, now: { ProgrammeFixture.now }).upgradeBackupPath == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".before-") }.isEmpty)
    }

    @Test func whenTheCopyCannotBeWrittenNothingIsUpgraded() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("programme.sqlite")
        try Self.olderFile(at: path)
        let before = try databaseDump(path)
        // A folder where the copy would go: it cannot be written.
        let copy = "\(path).before-\(Self.previousMigration)-\(Self.stamp).sqlite"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: false)
        #expect {
            try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now })
        } throws: { error in
            guard case StoreError.databaseFailure(let failed, let reason) = error else { return false }
            return failed == path && reason.contains("nothing was upgraded") && reason.contains(copy)
        }
        #expect(try databaseDump(path) == before)
    }

    @Test func aFileFromANewerVersionIsRefusedAndLeftByteForByte() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("future.sqlite")
        _ = try ProgrammeFixture(store: try AdvocacyStore.open(atPath: path, create: true, now: { ProgrammeFixture.now }))
        let future = try DatabaseQueue(path: path)
        try future.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try future.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()

        #expect(throws: StoreError.newerSchema(path: path)) { try AdvocacyStore.open(atPath: path) }
        #expect(throws: StoreError.newerSchema(path: path)) { try AdvocacyStore.open(atPath: path, create: true) }

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == beside, "\(beside)")
        let message = StoreError.newerSchema(path: path).localizedDescription
        #expect(message.contains("newer version of advocacy"))
        #expect(message.contains("use that version or a later one"))
        #expect(message.contains("the file was left unchanged"))
    }
}
