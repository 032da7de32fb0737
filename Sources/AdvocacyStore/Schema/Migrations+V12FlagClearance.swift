import GRDB

extension Migrations {
    /// The flags for gaming (``AuthenticityFlag/Kind/isGaming``) that a cio
    /// or admin cleared, action by action, with their note: a cleared action
    /// raises that flag no more, a new one raises it again. Confirming a flag
    /// needs no table: it rejects the flag's actions through `actionReview`.
    /// Audited like `actionReview`, with the action's id as the entity's.
    enum V12FlagClearance: ShippedMigration {
        // FROZEN once shipped: never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v12-flag-clearance"

        static let schema = """
            CREATE TABLE flagClearance (
                actionId INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
                flag TEXT NOT NULL
                    CHECK (flag IN ('high-engagement', 'busy-day', 'links-without-figures', 'rise-on-pending', 'near-duplicate')),
                note TEXT NOT NULL CHECK (length(trim(note)) > 0),
                clearedBy INTEGER REFERENCES employee(id) ON DELETE SET NULL,
                clearedAt TEXT NOT NULL,
                PRIMARY KEY (actionId, flag)
            ) WITHOUT ROWID;
            CREATE TRIGGER audit_flagClearance_insert AFTER INSERT ON flagClearance WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'flagClearance', NEW.actionId, NULL, json_object('actionId', NEW.actionId, 'flag', NEW.flag, 'note', NEW.note, 'clearedBy', NEW.clearedBy, 'clearedAt', NEW.clearedAt));
            END;
            CREATE TRIGGER audit_flagClearance_update AFTER UPDATE ON flagClearance WHEN advocacy_audit('recording') AND (OLD.actionId IS NOT NEW.actionId OR OLD.flag IS NOT NEW.flag OR OLD.note IS NOT NEW.note OR OLD.clearedBy IS NOT NEW.clearedBy OR OLD.clearedAt IS NOT NEW.clearedAt) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'flagClearance', NEW.actionId, json_object('actionId', OLD.actionId, 'flag', OLD.flag, 'note', OLD.note, 'clearedBy', OLD.clearedBy, 'clearedAt', OLD.clearedAt), json_object('actionId', NEW.actionId, 'flag', NEW.flag, 'note', NEW.note, 'clearedBy', NEW.clearedBy, 'clearedAt', NEW.clearedAt));
            END;
            CREATE TRIGGER audit_flagClearance_delete AFTER DELETE ON flagClearance WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'flagClearance', OLD.actionId, json_object('actionId', OLD.actionId, 'flag', OLD.flag, 'note', OLD.note, 'clearedBy', OLD.clearedBy, 'clearedAt', OLD.clearedAt), NULL);
            END;
            """

        static var texts: [String] { [schema] }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: schema)
        }
    }
}
