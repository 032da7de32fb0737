import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

@Suite("Database files")
struct DatabaseFileTests {
    @Test func aMissingDatabaseIsNotCreatedByAccident() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("missing.sqlite")
        #expect(throws: StoreError.databaseMissing(path: path)) { try AdvocacyStore.open(atPath: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try AdvocacyStore.open(atPath: folder.path("nested/deeper/new.sqlite"), create: true)
        #expect(FileManager.default.fileExists(atPath: folder.path("nested/deeper/new.sqlite")))
    }

    @Test func aFileThatIsNotOursIsRefusedUntouched() throws {
        let folder = try TemporaryFolder()
        let text = folder.path("notes.sqlite")
        try Data("hello, this is not SQLite, just some words to fill a page".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.notADatabase(path: text, reason: "the file is not SQLite")) {
            try AdvocacyStore.open(atPath: text)
        }
        #expect(try String(contentsOfFile: text, encoding: .utf8).hasPrefix("hello"))

        let other = folder.path("other.sqlite")
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE invoice (id INTEGER)") }
        #expect(throws: StoreError.notADatabase(path: other, reason: "it holds another application's tables")) {
            try AdvocacyStore.open(atPath: other)
        }
    }

    @Test func aDatabaseFromANewerVersionIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("future.sqlite")
        _ = try AdvocacyStore.open(atPath: path, create: true)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        #expect(throws: StoreError.newerSchema(path: path)) { try AdvocacyStore.open(atPath: path) }
    }

    @Test func theFileIsInWALModeWithForeignKeys() throws {
        let folder = try TemporaryFolder()
        let store = try AdvocacyStore.open(atPath: folder.path("wal.sqlite"), create: true)
        let (mode, foreignKeys) = try store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(foreignKeys == true)
    }

    /// Two connections stand for two processes: each has its own SQLite lock.
    @Test func twoWritersOnOneFileBothSucceed() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("shared.sqlite")
        _ = try ProgrammeFixture(store: try AdvocacyStore.open(atPath: path, create: true))
        let first = try AdvocacyStore.open(atPath: path)
        let second = try AdvocacyStore.open(atPath: path)
        let admin = try EmailAddress("admin@corp.fr")
        let perWriter = 150
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in [first, second].enumerated() {
                group.addTask {
                    for n in 0..<perWriter {
                        try Programme(store: store).addEmployee(
                            try NewEmployee(email: try EmailAddress("w\(index)-\(n)@corp.fr"), name: "Writer \(index) \(n)"),
                            by: admin)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try first.employees().count == 3 + 2 * perWriter)
    }
}

@Suite("Database files, first runs")
struct FirstRunTests {
    /// Several processes running `init` on a new file at once all succeed.
    @Test func concurrentFirstOpensOfANewFileAllSucceed() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("new.sqlite")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask { _ = try AdvocacyStore.open(atPath: path, create: true) }
            }
            try await group.waitForAll()
        }
        #expect(try AdvocacyStore.open(atPath: path).employees().isEmpty)
    }

    @Test func aFolderIsNotADatabase() throws {
        let folder = try TemporaryFolder()
        #expect(
            throws: StoreError.databaseFailure(
                path: folder.url.path, reason: "it is a folder: expected the path of a database file")
        ) {
            try AdvocacyStore.open(atPath: folder.url.path, create: true)
        }
    }
}

@Suite("Database file permissions")
struct DatabaseFilePermissionTests {
    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aNewDatabaseIsReadableByItsOwnerOnly() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("programme.sqlite")
        let store = try AdvocacyStore.open(atPath: path, create: true)
        let programme = Programme(store: store)
        _ = try programme.initialise(firstAdmin: try NewEmployee(email: try EmailAddress("ada@corp.fr"), name: "Ada"))
        #expect(try Self.mode(path) == 0o600)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            #expect(try Self.mode(path + suffix) == 0o600, "\(suffix)")
        }
    }

    @Test func aTeamDatabaseBelongsToItsGroup() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("programme.sqlite")
        let store = try AdvocacyStore.open(atPath: path, create: true)
        let group = String(cString: getgrgid(getegid()).pointee.gr_name)
        try store.share(withGroup: group)
        #expect(try Self.mode(path) == 0o660)
        #expect(throws: StoreError.self) { try store.share(withGroup: "no-such-group-here") }
    }
}
