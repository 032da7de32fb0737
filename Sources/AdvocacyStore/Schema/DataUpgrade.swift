import Foundation
import GRDB

/// A change to stored data that a changed rule calls for (new address forms
/// rewriting stored addresses, new identity rules merging people...): the
/// sanctioned way to apply a rule to data already written, since a
/// migration never calls code that may change.
///
/// Upgrades are numbered, and the application passes its list when it
/// opens the store. After the migrations, each upgrade not yet recorded in
/// the file runs once, in its own transaction, and is recorded in
/// `dataUpgrade` with what it changed; a failing upgrade leaves nothing of
/// itself behind and the store does not open. Numbers are never reused:
/// an upgrade that must run again with a fixed rule is a new number.
public struct DataUpgrade: Sendable {
    /// Its place in the order upgrades apply in, from 1; recorded in the file.
    public let number: Int
    /// What it does, in a few words (`canonical-youtube-shorts`).
    public let name: String
    /// Changes the data and says what it changed, for people ("rewrote 12
    /// addresses"), through the Store's SQL-shaped reads and writes. Runs
    /// inside the upgrade's transaction, with the audit trail's per-row
    /// triggers off: one audit entry records the upgrade.
    public let apply: @Sendable (StoreTransaction) throws -> String

    public init(number: Int, name: String, apply: @escaping @Sendable (StoreTransaction) throws -> String) {
        self.number = number
        self.name = name
        self.apply = apply
    }
}

/// A data upgrade as the file records it.
public struct AppliedDataUpgrade: Hashable, Sendable, Codable {
    public var number: Int
    public var name: String
    /// When, as an ISO 8601 UTC timestamp.
    public var appliedAt: String
    public var summary: String
}

extension AdvocacyStore {
    /// The data upgrades this file has had, in order.
    public func appliedDataUpgrades() throws -> [AppliedDataUpgrade] {
        try read { db in try Self.appliedDataUpgrades(db) }
    }

    static func appliedDataUpgrades(_ db: Database) throws -> [AppliedDataUpgrade] {
        try Row.fetchAll(db, sql: "SELECT number, name, appliedAt, summary FROM dataUpgrade ORDER BY number").map { row in
            AppliedDataUpgrade(number: row["number"], name: row["name"], appliedAt: row["appliedAt"], summary: row["summary"])
        }
    }

    /// Runs the upgrades of `upgrades` that the file has not recorded, in
    /// the order of their numbers; returns the copy of the file taken before
    /// the first one, if any (none for an empty programme or in memory).
    ///
    /// When every upgrade is recorded this only reads. Each upgrade is one
    /// IMMEDIATE transaction that first looks again whether it is recorded,
    /// so that when several processes open the file at once, one runs it
    /// and the others, having waited for its lock, skip it.
    func applyDataUpgrades(_ upgrades: [DataUpgrade], backingUp: Bool) throws -> String? {
        guard !upgrades.isEmpty else { return nil }
        try Self.validate(upgrades)
        let recorded = try read { db in try Self.appliedDataUpgrades(db) }
        try Self.requireSameNames(upgrades, recorded: recorded, path: path)
        let done = Set(recorded.map(\.number))
        let pending = upgrades.filter { !done.contains($0.number) }.sorted { $0.number < $1.number }
        guard !pending.isEmpty else { return nil }
        let backup = backingUp ? try backupBeforeDataUpgrade(pending[0]) : nil
        for upgrade in pending { try apply(upgrade) }
        return backup
    }

    private func apply(_ upgrade: DataUpgrade) throws {
        /// What the upgrade itself threw, told apart from the store's own failures.
        struct Failure: Error { var error: any Error }
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let recorded = try Self.appliedDataUpgrades(db)
                    try Self.requireSameNames([upgrade], recorded: recorded, path: path)
                    guard !recorded.contains(where: { $0.number == upgrade.number }) else { return .commit }
                    let summary: String
                    do {
                        summary = try audit.withoutRecording { try upgrade.apply(StoreTransaction(db: db, store: self)) }
                    } catch {
                        throw Failure(error: error)
                    }
                    try db.execute(
                        sql: "INSERT INTO dataUpgrade (number, name, appliedAt, summary) VALUES (?, ?, advocacy_audit('now'), ?)",
                        arguments: [upgrade.number, upgrade.name, summary])
                    // A file with nobody in it yet (one just made) had nothing to upgrade:
                    // recorded, so it never runs, but not an event of the programme's trail.
                    if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM employee)") == true {
                        try Self.recordBulk(
                            db, entity: "programme", entityId: "data-upgrade-\(upgrade.number)",
                            after: ["dataUpgrade": "\(upgrade.number)", "name": upgrade.name, "summary": summary])
                    }
                    return .commit
                }
            }
        } catch let failure as Failure {
            let reason =
                (failure.error as? DatabaseError).map { $0.message ?? "\($0.resultCode)" } ?? failure.error.localizedDescription
            throw StoreError.databaseFailure(
                path: path,
                reason:
                    "the data upgrade \(upgrade.number) (\(upgrade.name)) failed and was rolled back, so the file is as it was: \(reason)"
            )
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }

    /// The copy beside the file, as before a schema upgrade, when the programme has people.
    private func backupBeforeDataUpgrade(_ first: DataUpgrade) throws -> String? {
        guard path != ":memory:", !path.isEmpty,
            try read({ db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM employee)") }) == true
        else { return nil }
        let target = "\(path).before-data-upgrade-\(first.number)-\(Self.fileStamp(now())).sqlite"
        do {
            _ = try Self.copyDatabase(writer, at: path, toPath: target, replacing: true)
        } catch let error as StoreError {
            let reason = if case .backupFailed(_, let reason) = error { reason } else { error.localizedDescription }
            throw StoreError.databaseFailure(
                path: path,
                reason:
                    "it needs the data upgrade \(first.number) (\(first.name)), and the copy kept from before it could not be "
                    + "written to \(target) (\(reason)); nothing was upgraded: free some space or make the folder writable, then try again"
            )
        }
        return target
    }

    /// Numbers from 1, each given once, and names.
    static func validate(_ upgrades: [DataUpgrade]) throws {
        var seen: Set<Int> = []
        for upgrade in upgrades {
            guard upgrade.number >= 1, !upgrade.name.trimmingCharacters(in: .whitespaces).isEmpty,
                seen.insert(upgrade.number).inserted
            else {
                throw StoreError.constraintViolated(
                    "the data upgrade \(upgrade.number) (\(upgrade.name)) needs a number from 1 given once, and a name")
            }
        }
    }

    /// A number recorded under another name is another upgrade: two
    /// versions disagree on what it was, and running either would be a guess.
    static func requireSameNames(_ upgrades: [DataUpgrade], recorded: [AppliedDataUpgrade], path: String) throws {
        let names = Dictionary(recorded.map { ($0.number, $0.name) }, uniquingKeysWith: { first, _ in first })
        for upgrade in upgrades {
            if let name = names[upgrade.number], name != upgrade.name {
                throw StoreError.databaseFailure(
                    path: path,
                    reason: "its data upgrade \(upgrade.number) is recorded as '\(name)', but this version calls it "
                        + "'\(upgrade.name)': use the version that wrote it, or a later one")
            }
        }
    }
}
