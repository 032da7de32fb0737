import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

/// Data upgrades: a changed rule applied to stored data once, recorded.
@Suite("Data upgrades")
struct DataUpgradeTests {
    /// How many times an upgrade ran, across threads.
    final class Runs: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }

    /// Upper-cases every project's name, the kind of change a new rule makes.
    static func upperCaseNames(_ runs: Runs, number: Int = 1) -> DataUpgrade {
        DataUpgrade(number: number, name: "upper-case-project-names") { transaction in
            let db = transaction.db
            runs.add()
            try db.execute(sql: "UPDATE project SET name = upper(name) WHERE name IS NOT upper(name)")
            return "\(db.changesCount) project name(s) upper-cased"
        }
    }

    /// A file with a programme (an admin, two people, a project), closed.
    static func programme(in folder: TemporaryFolder) throws -> String {
        let path = folder.path("programme.sqlite")
        _ = try ProgrammeFixture(store: try AdvocacyStore.open(atPath: path, create: true, now: { ProgrammeFixture.now }))
        return path
    }

    @Test func anUpgradeRunsOnceAndIsRecordedWithWhatItChanged() throws {
        let folder = try TemporaryFolder()
        let path = try Self.programme(in: folder)
        let runs = Runs()
        let upgrades = [Self.upperCaseNames(runs)]
        let store = try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now }, dataUpgrades: upgrades)
        let programme = Programme(store: store)
        #expect(runs.value == 1)
        #expect(
            try store.appliedDataUpgrades() == [
                AppliedDataUpgrade(
                    number: 1, name: "upper-case-project-names", appliedAt: "2026-11-21T12:00:00Z",
                    summary: "1 project name(s) upper-cased")
            ])
        #expect(try store.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM project") } == ["REFONTE ERP"])

        // The copy from before the upgrade was kept, and the trail has one entry for the upgrade, none per row.
        let backup = try #require(store.upgradeBackupPath)
        #expect(backup.contains(".before-data-upgrade-1-"))
        #expect(
            try DatabaseQueue(path: backup).read { db in try String.fetchAll(db, sql: "SELECT name FROM project") } == [
                "Refonte ERP"
            ])
        let entries = try programme.auditEntries(AuditFilter(entity: "programme"), by: try EmailAddress("admin@corp.fr"))
        #expect(entries.map(\.entityId) == ["data-upgrade-1"])
        #expect(entries.first?.after?.contains("1 project name(s) upper-cased") == true)
        #expect(try programme.auditEntries(AuditFilter(entity: "project"), by: try EmailAddress("admin@corp.fr")).count == 1)

        // Opened again, by this version or with a later upgrade added, it does not run again.
        let again = try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now }, dataUpgrades: upgrades)
        #expect(again.upgradeBackupPath == nil)
        let later = DataUpgrade(number: 2, name: "nothing-to-do") { _ in "nothing to change" }
        let third = try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now }, dataUpgrades: upgrades + [later])
        #expect(runs.value == 1)
        #expect(try third.appliedDataUpgrades().map(\.number) == [1, 2])
    }

    @Test func aFailingUpgradeIsRolledBackAndSaysWhichFailed() throws {
        let folder = try TemporaryFolder()
        let path = try Self.programme(in: folder)
        let runs = Runs()
        let failing = DataUpgrade(number: 2, name: "half-done") { transaction in
            let db = transaction.db
            try db.execute(sql: "UPDATE project SET name = 'changed'")
            throw StoreError.constraintViolated("the new rule cannot read project ERP-2027")
        }
        #expect {
            try AdvocacyStore.open(
                atPath: path, now: { ProgrammeFixture.now }, dataUpgrades: [Self.upperCaseNames(runs), failing])
        } throws: { error in
            let message = (error as? StoreError)?.localizedDescription ?? ""
            return message.contains("the data upgrade 2 (half-done) failed and was rolled back")
                && message.contains("the new rule cannot read project ERP-2027")
        }
        // Upgrade 1 ran in its own transaction and stays; nothing of upgrade 2 was written.
        let store = try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now })
        #expect(try store.appliedDataUpgrades().map(\.number) == [1])
        #expect(try store.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM project") } == ["REFONTE ERP"])
        #expect(runs.value == 1)
    }

    @Test func aNumberRecordedUnderAnotherNameIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = try Self.programme(in: folder)
        _ = try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now }, dataUpgrades: [Self.upperCaseNames(Runs())])
        let other = DataUpgrade(number: 1, name: "something-else") { _ in "" }
        #expect {
            try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now }, dataUpgrades: [other])
        } throws: { error in
            (error as? StoreError)?.localizedDescription.contains("recorded as 'upper-case-project-names'") == true
        }
    }

    @Test(arguments: [[0], [1, 1]])
    func numbersStartAtOneAndAreGivenOnce(numbers: [Int]) throws {
        let upgrades = numbers.map { DataUpgrade(number: $0, name: "n\($0)") { _ in "" } }
        #expect(throws: StoreError.self) { try AdvocacyStore.inMemory(dataUpgrades: upgrades) }
    }

    /// Several processes opening the file at once: one runs the upgrade,
    /// the others wait for its transaction and skip it.
    @Test func concurrentOpensRunAnUpgradeOnce() throws {
        let folder = try TemporaryFolder()
        let path = try Self.programme(in: folder)
        let runs = Runs()
        let slow = DataUpgrade(number: 1, name: "slow") { transaction in
            let db = transaction.db
            runs.add()
            usleep(50_000)
            try db.execute(sql: "UPDATE project SET name = name || '!'")
            return "\(db.changesCount) project(s) marked"
        }
        let failures = Runs()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                _ = try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now }, dataUpgrades: [slow])
            } catch {
                failures.add()
            }
        }
        #expect(failures.value == 0)
        #expect(runs.value == 1)
        let store = try AdvocacyStore.open(atPath: path)
        #expect(try store.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM project") } == ["Refonte ERP!"])
    }

    /// A new file has the record too: its upgrades run (on no data) and
    /// are not run again on the data that comes later.
    @Test func aNewFileRecordsItsUpgrades() throws {
        let runs = Runs()
        let store = try AdvocacyStore.inMemory(now: { ProgrammeFixture.now }, dataUpgrades: [Self.upperCaseNames(runs)])
        #expect(runs.value == 1)
        #expect(try store.appliedDataUpgrades().map(\.summary) == ["0 project name(s) upper-cased"])
    }

    /// The record is what was done: it cannot be rewritten.
    @Test func theRecordCannotBeChanged() throws {
        let store = try AdvocacyStore.inMemory(dataUpgrades: [Self.upperCaseNames(Runs())])
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "UPDATE dataUpgrade SET summary = 'nothing'") }
        }
    }
}
