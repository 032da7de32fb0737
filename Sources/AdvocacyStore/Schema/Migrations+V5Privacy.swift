import GRDB

extension Migrations {
    /// Privacy (GDPR): each person's consent history, whether they are
    /// hidden from others' rankings, and when they were erased. The
    /// employee's audit triggers are recreated with its new columns, and
    /// `consent` is audited too.
    enum V5Privacy: ShippedMigration {
        // FROZEN: shipped in a release. Never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v5-privacy"

        static let schema = """
            -- Every grant and withdrawal, oldest first: the latest row is the person's state;
            -- no row means nothing was recorded.
            CREATE TABLE consent (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                employeeId INTEGER NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
                granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
                source TEXT NOT NULL CHECK (source IN ('command', 'own-channel', 'own-action', 'roster', 'demo')),
                recordedBy INTEGER REFERENCES employee(id) ON DELETE SET NULL,  -- NULL: the system (the demo)
                recordedAt TEXT NOT NULL
            );
            CREATE INDEX consent_on_employeeId ON consent(employeeId, id);
            CREATE INDEX consent_on_recordedBy ON consent(recordedBy);

            ALTER TABLE employee ADD COLUMN isHidden INTEGER NOT NULL DEFAULT 0 CHECK (isHidden IN (0, 1));
            ALTER TABLE employee ADD COLUMN erasedAt TEXT;

            -- The employee triggers were built from its columns at v4: rebuilt with the new ones.
            DROP TRIGGER audit_employee_insert;
            DROP TRIGGER audit_employee_update;
            DROP TRIGGER audit_employee_delete;
            """

        static let auditTriggers = """
            CREATE TRIGGER audit_employee_insert AFTER INSERT ON employee WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'employee', NEW.id, NULL, json_object('id', NEW.id, 'email', NEW.email, 'fullName', NEW.fullName, 'team', NEW.team, 'role', NEW.role, 'hrId', NEW.hrId, 'isActive', NEW.isActive, 'createdAt', NEW.createdAt, 'isHidden', NEW.isHidden, 'erasedAt', NEW.erasedAt));
            END;
            CREATE TRIGGER audit_employee_update AFTER UPDATE ON employee WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.email IS NOT NEW.email OR OLD.fullName IS NOT NEW.fullName OR OLD.team IS NOT NEW.team OR OLD.role IS NOT NEW.role OR OLD.hrId IS NOT NEW.hrId OR OLD.isActive IS NOT NEW.isActive OR OLD.createdAt IS NOT NEW.createdAt OR OLD.isHidden IS NOT NEW.isHidden OR OLD.erasedAt IS NOT NEW.erasedAt) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'employee', NEW.id, json_object('id', OLD.id, 'email', OLD.email, 'fullName', OLD.fullName, 'team', OLD.team, 'role', OLD.role, 'hrId', OLD.hrId, 'isActive', OLD.isActive, 'createdAt', OLD.createdAt, 'isHidden', OLD.isHidden, 'erasedAt', OLD.erasedAt), json_object('id', NEW.id, 'email', NEW.email, 'fullName', NEW.fullName, 'team', NEW.team, 'role', NEW.role, 'hrId', NEW.hrId, 'isActive', NEW.isActive, 'createdAt', NEW.createdAt, 'isHidden', NEW.isHidden, 'erasedAt', NEW.erasedAt));
            END;
            CREATE TRIGGER audit_employee_delete AFTER DELETE ON employee WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'employee', OLD.id, json_object('id', OLD.id, 'email', OLD.email, 'fullName', OLD.fullName, 'team', OLD.team, 'role', OLD.role, 'hrId', OLD.hrId, 'isActive', OLD.isActive, 'createdAt', OLD.createdAt, 'isHidden', OLD.isHidden, 'erasedAt', OLD.erasedAt), NULL);
            END;
            CREATE TRIGGER audit_consent_insert AFTER INSERT ON consent WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'consent', NEW.id, NULL, json_object('id', NEW.id, 'employeeId', NEW.employeeId, 'granted', NEW.granted, 'source', NEW.source, 'recordedBy', NEW.recordedBy, 'recordedAt', NEW.recordedAt));
            END;
            CREATE TRIGGER audit_consent_update AFTER UPDATE ON consent WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.employeeId IS NOT NEW.employeeId OR OLD.granted IS NOT NEW.granted OR OLD.source IS NOT NEW.source OR OLD.recordedBy IS NOT NEW.recordedBy OR OLD.recordedAt IS NOT NEW.recordedAt) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'consent', NEW.id, json_object('id', OLD.id, 'employeeId', OLD.employeeId, 'granted', OLD.granted, 'source', OLD.source, 'recordedBy', OLD.recordedBy, 'recordedAt', OLD.recordedAt), json_object('id', NEW.id, 'employeeId', NEW.employeeId, 'granted', NEW.granted, 'source', NEW.source, 'recordedBy', NEW.recordedBy, 'recordedAt', NEW.recordedAt));
            END;
            CREATE TRIGGER audit_consent_delete AFTER DELETE ON consent WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'consent', OLD.id, json_object('id', OLD.id, 'employeeId', OLD.employeeId, 'granted', OLD.granted, 'source', OLD.source, 'recordedBy', OLD.recordedBy, 'recordedAt', OLD.recordedAt), NULL);
            END;
            """

        static var texts: [String] { [schema, auditTriggers] }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: schema)
            try db.execute(sql: auditTriggers)
        }
    }
}
