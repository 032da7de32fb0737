import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

/// The migrations are frozen: they make the schema the release before made,
/// an old file ends with the schema of a new one, and a shipped migration
/// cannot be edited without a test failing.
@Suite("Frozen migrations")
struct FrozenMigrationTests {
    static func fixture(_ name: String, _ ext: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"))
    }

    /// A fixture copied to a temporary folder, since opening a file may change it.
    static func copy(_ name: String, into folder: TemporaryFolder) throws -> String {
        let path = folder.path("\(name).sqlite")
        try FileManager.default.copyItem(atPath: try fixture(name, "sqlite").path, toPath: path)
        return path
    }

    static func schema(_ reader: any DatabaseReader) throws -> (master: [String], tables: [String]) {
        try reader.read { db in (try SchemaDump.master(db), try SchemaDump.tables(db)) }
    }

    /// `v7-demo.sqlite` was made by `advocacy demo` before the migrations
    /// were frozen; opened now, it ends with the schema of a new file:
    /// every object's SQL, every table's columns and indexes.
    @Test func aFileMadeBeforeTheFreezeEndsWithTheSchemaOfANewOne() throws {
        let folder = try TemporaryFolder()
        let path = try Self.copy("v7-demo", into: folder)
        let upgraded = try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now })
        let fresh = try AdvocacyStore.inMemory(now: { ProgrammeFixture.now })
        let (upgradedMaster, upgradedTables) = try Self.schema(upgraded.writer)
        let (freshMaster, freshTables) = try Self.schema(fresh.writer)
        #expect(upgradedMaster == freshMaster)
        #expect(upgradedTables == freshTables)
        #expect(upgradedMaster.contains { $0.hasPrefix("table dataUpgrade ") })

        // Its programme is whole, and the copy from before the upgrade was kept.
        #expect(try Programme(store: upgraded).check(by: try EmailAddress("julien.benali@dsi.example.fr")).ok)
        #expect(upgraded.upgradeBackupPath.map { FileManager.default.fileExists(atPath: $0) } == true)
    }

    /// Migrated up to v7, a new file has, byte for byte, the schema that
    /// the code before the freeze gave `v7-demo.sqlite`: the literal SQL is
    /// what the helpers built.
    @Test func theLiteralMigrationsMakeTheSchemaTheHelpersMade() throws {
        let folder = try TemporaryFolder()
        let before = try DatabaseQueue(path: try Self.copy("v7-demo", into: folder))
        let fresh = try AdvocacyStore.rawQueue(atPath: folder.path("fresh.sqlite"))
        try Migrations.migrator.migrate(fresh, upTo: "v7-follower-reading")
        let (beforeMaster, beforeTables) = try Self.schema(before)
        let (freshMaster, freshTables) = try Self.schema(fresh)
        #expect(freshMaster == beforeMaster)
        #expect(freshTables == beforeTables)
    }

    /// A filled version-1 file, upgraded now, holds the rows the code before
    /// the freeze left in it (`v1-programme-upgraded.txt`): fingerprints,
    /// address hashes, facts, the first policy version and the first audit
    /// entries; and what later migrations added (each figure's source: typed).
    @Test func aFilledVersion1FileIsUpgradedAsItWasBeforeTheFreeze() throws {
        let folder = try TemporaryFolder()
        let store = try AdvocacyStore.open(atPath: try Self.copy("v1-programme", into: folder), now: { ProgrammeFixture.now })
        let rows = try store.writer.read { (db: Database) throws in
            let created = try String.fetchAll(db, sql: "SELECT createdAt FROM scoringPolicy")
            // Tables added after the freeze start empty in an upgraded file.
            return try SchemaDump.rows(db, except: ["grdb_migrations", "dataUpgrade", "setting"], volatile: created)
        }
        let expected = try String(contentsOf: try Self.fixture("v1-programme-upgraded", "txt"), encoding: .utf8)
        #expect(rows == expected)
    }

    /// The SHA-256 of each shipped migration's texts. Never change one:
    /// append a migration, and its digest here.
    static let digests: KeyValuePairs<String, String> = [
        "v1-programme": "a13fb62d7d7e00981b92c7883e6fe76ea2e28bac4d850231b2bf21b37dd4b956",
        "v2-scoring": "b06369274a8be2e0b55761e5142af1c99a3467c732108748d24183cb34fc2a02",
        "v3-rewards": "bb115b595aeb6f5e56b26627089bcbaa2ab4cfc329912c4649cec40c541230b4",
        "v4-audit": "2d59c20da18b1d265e581d118251761d5ebbbe43b37a481bae38de74476161f8",
        "v5-privacy": "5852cc4b8f1eb66ee3264a377f6cd560b46243eb26945967106d9ace2afd9ff8",
        "v6-address-hash": "7fdf3dc2d693d600d30d4da47a97a4898add5b3f2540b0d587f0b269f43e65ad",
        "v7-follower-reading": "ed0e48be5e29cdd539d3a80f75b840ebfe611d78b2afd961ed6431d24affe6ae",
        "v8-data-upgrades": "9b63c229dd2c40a55b2f6c45ee3efde0ad99fd49cf7b0da1174b621cab4e3b5d",
        "v9-settings": "8b57743178d8a0dee3e9ae5065938f9a1d7b05d89f21711fe3f9261550518907",
        "v10-figure-sources": "bd629ab9bf40b518130e1c4b6259a51428b34d785bb0d33be1ee66750c0f18a3",
        "v11-action-review": "451146d1a0450dd82a34c09d737e74a5720eb86781529f17445dc83dcf17080f",
        "v12-flag-clearance": "039965e3ddd0663330a148501288330e1b99d01c0b91ece2e7641cd072f7d0d7",
        "v13-unconfirmed-claim": "c56e13362750fad30c19e73975abbff0b45fc150abfd8a40faa6f39c5836e333",
    ]

    static func digest(_ migration: any ShippedMigration.Type) -> String {
        SHA256.hex(migration.texts.joined(separator: "\u{0}"))
    }

    @Test func shippedMigrationsAreNeverEdited() {
        let expected = Dictionary(uniqueKeysWithValues: Self.digests.map { ($0.key, $0.value) })
        #expect(Migrations.shipped.map { $0.identifier } == Self.digests.map(\.key), "migrations are append-only: add a new one")
        for migration in Migrations.shipped {
            let actual = Self.digest(migration)
            #expect(
                expected[migration.identifier] == actual,
                "migrations are append-only: add a new one (\(migration.identifier) changed; its digest is now \(actual))")
        }
    }

    @Test func theDigestIsSHA256() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func migrationIdentifiersAreNumberedInOrder() {
        for (index, migration) in Migrations.shipped.enumerated() {
            #expect(migration.identifier.hasPrefix("v\(index + 1)-"), "\(migration.identifier)")
        }
    }

    /// The facts an import and `check` compute are the rule the file's own
    /// trigger holds; ranking's audience query says the same as the trigger.
    @Test func runTimeFactSQLComesFromTheStoredTrigger() throws {
        let store = try AdvocacyStore.inMemory()
        try store.writer.read { (db: Database) throws in
            let trigger = try #require(
                try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'actionFact_action_insert'"))
            let insert = try StoredFactRule.insert(db, where: "a.id = NEW.id")
            #expect(trigger.contains(insert + ";\nEND"))
            #expect(try StoredFactRule.insert(db, where: "1").hasSuffix("\nWHERE 1"))
            #expect(try StoredFactRule.select(db, where: "1").hasPrefix("SELECT a.employeeId"))
            #expect(trigger.contains(Migrations.followers(channel: "a.channelId", on: "a.publishedOn")))
        }
    }

    /// Without the trigger there is no rule to compute facts with: `check` says so.
    @Test func checkReportsAMissingFactRule() throws {
        let fixture = try ProgrammeFixture()
        try fixture.store.writer.write { db in try db.execute(sql: "DROP TRIGGER actionFact_action_insert") }
        let report = try fixture.programme.check(by: fixture.admin)
        let facts = try #require(report.checks.first { $0.name == "action-facts" })
        #expect(
            facts.problems.contains { $0.contains("actionFact_action_insert") && $0.contains("missing") }, "\(facts.problems)")
    }
}
