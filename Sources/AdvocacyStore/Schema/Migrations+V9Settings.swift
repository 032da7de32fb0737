import GRDB

extension Migrations {
    /// The programme's settings (``ProgrammeSettings``): one row a key set
    /// by an admin, every change audited.
    enum V9Settings: ShippedMigration {
        // FROZEN once shipped: never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v9-settings"

        static let schema = """
            CREATE TABLE setting (
                key TEXT PRIMARY KEY CHECK (length(trim(key)) > 0),
                value TEXT NOT NULL,
                updatedAt TEXT NOT NULL,               -- ISO 8601, UTC
                updatedBy INTEGER REFERENCES employee(id)
            );
            CREATE TRIGGER audit_setting_insert AFTER INSERT ON setting WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'setting', NEW.key, NULL, json_object('key', NEW.key, 'value', NEW.value, 'updatedAt', NEW.updatedAt, 'updatedBy', NEW.updatedBy));
            END;
            CREATE TRIGGER audit_setting_update AFTER UPDATE ON setting WHEN advocacy_audit('recording') AND (OLD.key IS NOT NEW.key OR OLD.value IS NOT NEW.value OR OLD.updatedAt IS NOT NEW.updatedAt OR OLD.updatedBy IS NOT NEW.updatedBy) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'setting', NEW.key, json_object('key', OLD.key, 'value', OLD.value, 'updatedAt', OLD.updatedAt, 'updatedBy', OLD.updatedBy), json_object('key', NEW.key, 'value', NEW.value, 'updatedAt', NEW.updatedAt, 'updatedBy', NEW.updatedBy));
            END;
            CREATE TRIGGER audit_setting_delete AFTER DELETE ON setting WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'setting', OLD.key, json_object('key', OLD.key, 'value', OLD.value, 'updatedAt', OLD.updatedAt, 'updatedBy', OLD.updatedBy), NULL);
            END;
            """

        static var texts: [String] { [schema] }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: schema)
        }
    }
}
