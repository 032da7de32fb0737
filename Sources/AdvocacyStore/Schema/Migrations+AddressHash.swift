import AdvocacyCore
import GRDB

/// A 64-bit hash of an action's address (``StableHash``, FNV-1a over its
/// UTF-8), stored in `action.urlHash` and indexed in place of the address itself.
enum AddressHash {
    static func of(_ address: String) -> Int64 {
        Int64(bitPattern: StableHash.of(address))
    }

    /// `advocacy_url_hash(address)` in SQL, registered on every connection:
    /// the migration and the triggers below compute the same value as the
    /// application does.
    static let function = DatabaseFunction("advocacy_url_hash", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(of)
    }

    /// A lookup of the action at one address (`?1`), for a WHERE clause on `action` aliased `alias`.
    static func matches(_ alias: String, _ parameter: String = "?1") -> String {
        "\(alias).urlHash = advocacy_url_hash(\(parameter)) AND \(alias).url = \(parameter)"
    }
}

extension Migrations {
    /// Actions are found by a hash of their address instead of a UNIQUE
    /// index on the address itself.
    ///
    /// The text index held every address a second time: at 100,000 actions
    /// it was 10.5 MB of a 57 MB file (2.5 times the CSV the actions came
    /// from), and keeping it sorted under random inserts was a third of an
    /// import's SQLite time. An index of 64-bit hashes is a fifth of its size.
    /// A trigger keeps the address unique and the hash true. The indexes of
    /// actions by person and by channel go too: `actionFact` already has
    /// both, and queries go through it.
    ///
    /// SQLite cannot drop a UNIQUE constraint, so the table is rebuilt (the
    /// documented twelve-step way, foreign keys off as GRDB runs every
    /// migration): its triggers and indexes are recreated from their stored
    /// definitions, the audit triggers with the new column, and the
    /// AUTOINCREMENT counter kept, so an id is never given twice.
    static func v6AddressHash(_ db: Database) throws {
        // Two indexes are not recreated: actionFact's key (employeeId, day,
        // actionId) and its index on (channelId, day) already find a person's
        // or a channel's actions.
        let dependents = try String.fetchAll(
            db,
            sql: """
                SELECT sql FROM sqlite_master WHERE tbl_name = 'action' AND type IN ('trigger', 'index') AND sql IS NOT NULL
                    AND name NOT IN ('action_on_employeeId_publishedOn', 'action_on_channelId')
                """)
        let counter = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'action'")
        try db.execute(
            sql: """
                CREATE TABLE action_v6 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    employeeId INTEGER NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
                    channelId INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN
                        ('article', 'post', 'talk', 'video', 'podcast', 'newsletter', 'comment', 'share')),
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    url TEXT NOT NULL CHECK (url LIKE 'http%://%'),
                    publishedOn TEXT NOT NULL CHECK (date(publishedOn) IS publishedOn),
                    effortHours REAL CHECK (effortHours IS NULL OR (effortHours > 0 AND effortHours <= 200)),
                    createdAt TEXT NOT NULL,
                    contentFingerprint INTEGER NOT NULL DEFAULT 0,
                    urlHash INTEGER NOT NULL                -- advocacy_url_hash(url)
                );
                INSERT INTO action_v6 (id, employeeId, channelId, kind, title, url, publishedOn, effortHours, createdAt, contentFingerprint, urlHash)
                SELECT id, employeeId, channelId, kind, title, url, publishedOn, effortHours, createdAt, contentFingerprint, advocacy_url_hash(url)
                FROM action;
                DROP TABLE action;
                -- The other tables' triggers name `action`: renaming the legacy way leaves them as written.
                PRAGMA legacy_alter_table = ON;
                ALTER TABLE action_v6 RENAME TO action;
                PRAGMA legacy_alter_table = OFF;
                """)
        for definition in dependents { try db.execute(sql: definition) }
        // The audit triggers were built from the columns at v4: rebuilt with the new one.
        try db.execute(
            sql: "DROP TRIGGER audit_action_insert; DROP TRIGGER audit_action_update; DROP TRIGGER audit_action_delete")
        try db.execute(sql: try auditTriggers(db, table: "action"))
        if let counter {
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'action'", arguments: [counter])
        }
        try db.execute(
            sql: """
                CREATE INDEX action_on_urlHash ON action(urlHash);

                -- One action per address, and its hash true to it.
                CREATE TRIGGER action_url_insert BEFORE INSERT ON action BEGIN
                    SELECT RAISE(ABORT, 'action.urlHash must be advocacy_url_hash(url)') WHERE NEW.urlHash IS NOT advocacy_url_hash(NEW.url);
                    SELECT RAISE(ABORT, 'an action with this address is already logged')
                    WHERE EXISTS (SELECT 1 FROM action WHERE urlHash = NEW.urlHash AND url = NEW.url);
                END;
                CREATE TRIGGER action_url_update BEFORE UPDATE OF url, urlHash ON action BEGIN
                    SELECT RAISE(ABORT, 'action.urlHash must be advocacy_url_hash(url)') WHERE NEW.urlHash IS NOT advocacy_url_hash(NEW.url);
                    SELECT RAISE(ABORT, 'an action with this address is already logged')
                    WHERE EXISTS (SELECT 1 FROM action WHERE urlHash = NEW.urlHash AND url = NEW.url AND id IS NOT NEW.id);
                END;
                """)
    }
}
