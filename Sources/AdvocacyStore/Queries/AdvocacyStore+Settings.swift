import AdvocacyCore
import GRDB

extension StoreTransaction {
    /// Every setting stored, by key, as text.
    public func storedSettings() throws -> [String: String] {
        try AdvocacyStore.storedSettings(db)
    }

    /// Stores `value` under `key`, set now by `actor`; an empty value removes
    /// the key, so it has its default again.
    public func saveSetting(_ key: String, _ value: String, by actor: Actor) throws {
        if value.isEmpty {
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            return
        }
        try db.execute(
            sql: """
                INSERT INTO setting (key, value, updatedAt, updatedBy) VALUES (?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt, updatedBy = excluded.updatedBy
                """,
            arguments: [key, value, AdvocacyStore.timestamp(store.now()), try AdvocacyStore.employeeID(db, actor.email)])
    }
}

extension AdvocacyStore {
    /// The programme's shared venues (``ProgrammeSettings/sharedVenues``).
    static func sharedVenues(_ db: Database) throws -> [CanonicalURL] {
        try ProgrammeSettings(stored: try storedSettings(db)).sharedVenues
    }

    static func storedSettings(_ db: Database) throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM setting").map {
                ($0["key"] as String, $0["value"] as String)
            })
    }
}
