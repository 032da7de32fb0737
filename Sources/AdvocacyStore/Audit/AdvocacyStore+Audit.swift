import AdvocacyCore
import Foundation
import GRDB

extension AdvocacyStore {
    /// The tables the trail records (those with audit triggers, from
    /// `v4-audit` and `v5-privacy`), and `programme` for whole-programme
    /// operations, which `--entity` accepts.
    public static let auditedEntities = [
        "employee", "channel", "followerSnapshot", "project", "action", "actionReview", "flagClearance", "actionProject",
        "metricsSnapshot",
        "scoringPolicy",
        "rewardItem", "rewardItemProject", "rewardBudget", "rewardWish", "rewardClearance", "rewardProposal", "consent",
        "setting", "programme",
    ]

    /// The audit trail's entries that match `filter`, oldest first.
    static func auditEntries(_ db: Database, _ filter: AuditFilter) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let since = filter.since {
            conditions.append("at >= ?")
            arguments.append(since.description)
        }
        if let actor = filter.actor {
            conditions.append("actorEmail = ?")
            arguments.append(actor.value)
        }
        if let entity = filter.entity {
            guard Self.auditedEntities.contains(entity) else {
                throw StoreError.constraintViolated(
                    "unknown entity '\(entity)': expected one of \(Self.auditedEntities.joined(separator: ", "))")
            }
            conditions.append("entity = ?")
            arguments.append(entity)
        }
        let selected = """
            SELECT \(Self.auditColumns) FROM auditEntry
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            """
        var sql = selected + " ORDER BY id"
        if let latest = filter.latest {
            // The newest `latest` by the primary key, then oldest first as every listing shows them.
            sql = "SELECT * FROM (\(selected) ORDER BY id DESC LIMIT ?) ORDER BY id"
            arguments.append(max(0, latest))
        }
        let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        var entries: [AuditEntry] = []
        while let row = try rows.next() { entries.append(Self.auditEntry(from: row)) }
        return entries
    }

    static let auditColumns = "id, at, actorEmail, actorRole, operation, entity, entityId, before, after"

    /// An entry read with ``auditColumns``.
    static func auditEntry(from row: Row) -> AuditEntry {
        AuditEntry(
            id: row["id"], at: row["at"], actorEmail: row["actorEmail"], actorRole: row["actorRole"], operation: row["operation"],
            entity: row["entity"], entityId: row["entityId"], before: row["before"], after: row["after"])
    }

    /// Runs a bulk load without an entry per row, then records one entry
    /// for it, with what `summary` says it did (nil: it changed nothing, so
    /// there is nothing to record).
    func bulk<T>(_ db: Database, entity: String, _ body: () throws -> T, summary: (T) -> [String: Int]?) throws -> T {
        let result = try audit.withoutRecording(body)
        if let summary = summary(result) { try Self.recordBulk(db, entity: entity, after: summary) }
        return result
    }

    /// Records one `bulk` entry by the current actor: an operation that
    /// changed many rows at once (an import, the demo, a purge, an erasure),
    /// described by `after` as JSON with sorted keys.
    static func recordBulk(_ db: Database, entity: String, entityId: String = "*", after: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try db.execute(
            sql: """
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
                VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                        'bulk', ?, ?, NULL, ?)
                """,
            arguments: [entity, entityId, String(decoding: try encoder.encode(after), as: UTF8.self)])
    }

    /// Runs `body` for the acting person, once `authorize` accepted them
    /// inside the transaction, in one IMMEDIATE transaction with
    /// `secure_delete` on, so the pages it frees are zeroed rather than left
    /// with their old contents; then `afterCommit` on the same connection,
    /// outside the transaction (to checkpoint or rebuild the file).
    func secureWrite(
        by actorEmail: EmailAddress, authorize: (Actor) throws -> Void, _ body: (Database) throws -> Void,
        afterCommit: (Database) throws -> Void
    ) throws {
        do {
            try writer.writeWithoutTransaction { db in
                let secureDelete = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 0
                try db.execute(sql: "PRAGMA secure_delete = ON")
                defer { try? db.execute(sql: "PRAGMA secure_delete = \(secureDelete)") }
                try db.inTransaction(.immediate) {
                    let (actor, author) = try Self.resolve(db, actorEmail)
                    try authorize(actor)
                    try audit.acting(as: author) { try body(db) }
                    return .commit
                }
                try afterCommit(db)
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }
}

extension AdvocacyStore {
    /// A connection to `path` with advocacy's settings (the audit function
    /// included) and no migration: for tests that build older files or
    /// plant data by hand.
    static func rawQueue(atPath path: String) throws -> DatabaseQueue {
        try DatabaseQueue(path: path, configuration: configuration(audit: AuditContext(now: { Date() })))
    }
}

extension StoreTransaction {
    /// The audit trail's entries that match `filter`, oldest first.
    public func auditEntries(_ filter: AuditFilter) throws -> [AuditEntry] {
        try AdvocacyStore.auditEntries(db, filter)
    }
}
