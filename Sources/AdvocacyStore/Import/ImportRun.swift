import AdvocacyCore
import GRDB

/// What a row did to the database.
enum RowOutcome {
    case inserted, updated, unchanged
}

/// How the rows of one kind of file become changes. ``AdvocacyStore/runImport(_:by:next:onReject:start:)``
/// drives it inside one transaction.
protocol RowImporter {
    /// Applies one row. Throwing a ``CoreError`` or ``StoreError`` refuses the
    /// row, so everything that can refuse it is checked before anything is
    /// written; a database error aborts the whole import.
    mutating func apply(_ record: ImportRecord, _ db: Database) throws -> RowOutcome
    /// Runs once after the last row, inside the same transaction.
    mutating func finish(_ db: Database) throws
    /// What the row just applied warns of (it was written all the same), emptied as it is read.
    mutating func takeWarnings() -> [String]
}

extension RowImporter {
    mutating func takeWarnings() -> [String] { [] }
}

extension AdvocacyStore {
    /// Runs an import in one transaction: each row is applied or refused,
    /// then the transaction commits or rolls back as `mode` says.
    ///
    /// Refused rows go to `onReject` with their message (for a rejects file)
    /// in every mode. Reading the file (`next`) may throw, for a file that is
    /// not valid CSV at all: then nothing is written and the error propagates.
    ///
    /// `bulkEntity` names what a large import writes (actions, follower
    /// counts): the audit trail then gets one entry for the whole import
    /// rather than one per row. Rosters (nil) are recorded row by row, since
    /// a changed role is exactly what an auditor looks for.
    func runImport<Importer: RowImporter>(
        _ mode: ImportMode, by actorEmail: EmailAddress, bulkEntity: String? = nil, referencesChecked: Bool = false,
        next: () throws -> ImportRecord?,
        onReject: (ImportRecord, String) throws -> Void, start: (Database, Actor) throws -> Importer
    ) throws -> ImportSummary {
        var summary = ImportSummary()
        func reject(_ record: ImportRecord, _ message: String) throws {
            summary.reject(line: record.line, message: message)
            try onReject(record, message)
        }
        try bulkTransaction(referencesChecked: referencesChecked) { db in
            let (actor, author) = try Self.resolve(db, actorEmail)
            func applyRows() throws {
                var importer = try start(db, actor)
                while let record = try next() {
                    do {
                        switch try importer.apply(record, db) {
                        case .inserted: summary.inserted += 1
                        case .updated: summary.updated += 1
                        case .unchanged: summary.unchanged += 1
                        }
                        for warning in importer.takeWarnings() { summary.warn(line: record.line, message: warning) }
                    } catch let error as CoreError {
                        try reject(record, error.localizedDescription)
                    } catch let error as StoreError {
                        try reject(record, error.localizedDescription)
                    }
                }
                try importer.finish(db)
            }
            try audit.acting(as: author) {
                guard let bulkEntity else { return try applyRows() }
                try bulk(db, entity: bulkEntity, applyRows) { _ in
                    summary.inserted + summary.updated == 0
                        ? nil
                        : [
                            "inserted": summary.inserted, "updated": summary.updated, "unchanged": summary.unchanged,
                            "rejected": summary.rejected,
                        ]
                }
            }
            summary.written = mode == .skipInvalid || (mode == .allOrNothing && summary.rejected == 0)
            return summary.written ? .commit : .rollback
        }
        return summary
    }
}

/// Keeps `actionFact` right during bulk writes without its per-row triggers
/// (and skips the audit triggers, which record nothing during a bulk load).
///
/// The triggers recompute a summary row per inserted row, which made a
/// million-row load take twice as long. A bulk import drops them inside its
/// transaction, writes the facts of new actions itself, refreshes the facts
/// of what it changed in one statement at the end, and recreates the
/// triggers from their own stored SQL before committing. A rollback or a
/// crash restores them with everything else.
struct SuspendedTriggers {
    private var definitions: [String] = []

    /// Drops the `actionFact` and audit triggers on `tables`. Only for a bulk
    /// load, which records one audit entry itself: its per-row audit triggers
    /// would record nothing, but still cost a call per row to learn that.
    /// `guards` names further triggers the load checks for itself.
    init(_ db: Database, on tables: [String], guards: [String] = []) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'trigger' AND ((name LIKE 'actionFact\\_%' ESCAPE '\\' OR name LIKE 'audit\\_%' ESCAPE '\\')
                    AND tbl_name IN (\(tables.map { _ in "?" }.joined(separator: ", "))) OR name IN (\(guards.map { _ in "?" }.joined(separator: ", "))))
                """,
            arguments: StatementArguments(tables + guards))
        for row in rows {
            definitions.append(row["sql"])
            try db.execute(sql: "DROP TRIGGER \((row["name"] as String).quotedDatabaseIdentifier)")
        }
    }

    /// Recreates the triggers from their stored SQL, then recomputes the
    /// facts of `actions` and of every action on `channels` with the rule
    /// the restored trigger holds (``StoredFactRule``).
    func restore(_ db: Database, refreshingActions actions: Set<Int64>, channels: Set<Int64>) throws {
        for sql in definitions { try db.execute(sql: sql) }
        if !actions.isEmpty || !channels.isEmpty {
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS importTouched (actionId INTEGER PRIMARY KEY)")
            try db.execute(sql: "DELETE FROM temp.importTouched")
            let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO temp.importTouched (actionId) VALUES (?)")
            for id in actions { try insert.execute(arguments: [id]) }
            let byChannel = try db.makeStatement(
                sql: "INSERT OR IGNORE INTO temp.importTouched SELECT actionId FROM actionFact WHERE channelId = ?")
            for id in channels { try byChannel.execute(arguments: [id]) }
            try db.execute(sql: "DELETE FROM actionFact WHERE actionId IN (SELECT actionId FROM temp.importTouched)")
            try db.execute(sql: try StoredFactRule.insert(db, where: "a.id IN (SELECT actionId FROM temp.importTouched)"))
            try db.execute(sql: "DROP TABLE temp.importTouched")
        }
    }
}
