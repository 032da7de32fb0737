import GRDB

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
    enum V6AddressHash: ShippedMigration {
        // FROZEN: shipped in a release. Never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v6-address-hash"

        /// The definitions recreated as they are stored. Two indexes are not
        /// recreated: actionFact's key (employeeId, day, actionId) and its
        /// index on (channelId, day) already find a person's or a channel's actions.
        static let dependents = """
            SELECT sql FROM sqlite_master WHERE tbl_name = 'action' AND type IN ('trigger', 'index') AND sql IS NOT NULL
                AND name NOT IN ('action_on_employeeId_publishedOn', 'action_on_channelId')
            """

        static let readCounter = "SELECT seq FROM sqlite_sequence WHERE name = 'action'"

        static let rebuild = """
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
            """

        /// The audit triggers were built from the columns at v4: rebuilt with the new one.
        static let dropAuditTriggers =
            "DROP TRIGGER audit_action_insert; DROP TRIGGER audit_action_update; DROP TRIGGER audit_action_delete"

        static let auditTriggers = """
            CREATE TRIGGER audit_action_insert AFTER INSERT ON action WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'action', NEW.id, NULL, json_object('id', NEW.id, 'employeeId', NEW.employeeId, 'channelId', NEW.channelId, 'kind', NEW.kind, 'title', NEW.title, 'url', NEW.url, 'publishedOn', NEW.publishedOn, 'effortHours', NEW.effortHours, 'createdAt', NEW.createdAt, 'contentFingerprint', NEW.contentFingerprint, 'urlHash', NEW.urlHash));
            END;
            CREATE TRIGGER audit_action_update AFTER UPDATE ON action WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.employeeId IS NOT NEW.employeeId OR OLD.channelId IS NOT NEW.channelId OR OLD.kind IS NOT NEW.kind OR OLD.title IS NOT NEW.title OR OLD.url IS NOT NEW.url OR OLD.publishedOn IS NOT NEW.publishedOn OR OLD.effortHours IS NOT NEW.effortHours OR OLD.createdAt IS NOT NEW.createdAt OR OLD.contentFingerprint IS NOT NEW.contentFingerprint OR OLD.urlHash IS NOT NEW.urlHash) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'action', NEW.id, json_object('id', OLD.id, 'employeeId', OLD.employeeId, 'channelId', OLD.channelId, 'kind', OLD.kind, 'title', OLD.title, 'url', OLD.url, 'publishedOn', OLD.publishedOn, 'effortHours', OLD.effortHours, 'createdAt', OLD.createdAt, 'contentFingerprint', OLD.contentFingerprint, 'urlHash', OLD.urlHash), json_object('id', NEW.id, 'employeeId', NEW.employeeId, 'channelId', NEW.channelId, 'kind', NEW.kind, 'title', NEW.title, 'url', NEW.url, 'publishedOn', NEW.publishedOn, 'effortHours', NEW.effortHours, 'createdAt', NEW.createdAt, 'contentFingerprint', NEW.contentFingerprint, 'urlHash', NEW.urlHash));
            END;
            CREATE TRIGGER audit_action_delete AFTER DELETE ON action WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'action', OLD.id, json_object('id', OLD.id, 'employeeId', OLD.employeeId, 'channelId', OLD.channelId, 'kind', OLD.kind, 'title', OLD.title, 'url', OLD.url, 'publishedOn', OLD.publishedOn, 'effortHours', OLD.effortHours, 'createdAt', OLD.createdAt, 'contentFingerprint', OLD.contentFingerprint, 'urlHash', OLD.urlHash), NULL);
            END;
            """

        static let keepCounter = "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'action'"

        static let guards = """
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
            """

        static var texts: [String] {
            [dependents, readCounter, rebuild, dropAuditTriggers, auditTriggers, keepCounter, guards]
        }

        static func migrate(_ db: Database) throws {
            let definitions = try String.fetchAll(db, sql: dependents)
            let counter = try Int64.fetchOne(db, sql: readCounter)
            try db.execute(sql: rebuild)
            for definition in definitions { try db.execute(sql: definition) }
            try db.execute(sql: dropAuditTriggers)
            try db.execute(sql: auditTriggers)
            if let counter { try db.execute(sql: keepCounter, arguments: [counter]) }
            try db.execute(sql: guards)
        }
    }
}
