import GRDB

extension Migrations {
    /// The tables `v5-privacy` adds to the audit trail.
    static let privacyAuditedTables = ["consent"]

    /// Privacy (GDPR): each person's consent history, whether they are
    /// hidden from others' rankings, and when they were erased.
    static func v5Privacy(_ db: Database) throws {
        try db.execute(
            sql: """
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
                """)
        try db.execute(sql: try auditTriggers(db, table: "employee"))
        for table in privacyAuditedTables {
            try db.execute(sql: try auditTriggers(db, table: table))
        }
    }
}
