import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Copies the database to `target` with SQLite's online backup API (admin).
    ///
    /// The copy is the database as it was at one moment, even while other
    /// processes write: it is read on one snapshot, and in WAL mode writers
    /// carry on meanwhile. It is written beside `target` under a temporary
    /// name, made a single self-contained file (no `-wal` beside it),
    /// readable by its owner only (mode 0600), opened again and checked with
    /// `PRAGMA integrity_check`, and only then renamed to `target`: a half or
    /// damaged copy never exists under that name. An existing `target` is
    /// refused unless `replacing`.
    ///
    /// When the programme has no active admin, anyone may back it up: there
    /// is nobody else to ask.
    @discardableResult
    public func backup(toPath target: String, replacing: Bool = false, by actorEmail: EmailAddress?) throws -> BackupSummary {
        try store.reading { tx in try Self.requireAdminUnlessNone(tx, actorEmail, to: "back up the database") }
        return try store.backup(toPath: target, replacing: replacing)
    }

    /// Checks the database: SQLite's own integrity and foreign keys, then the
    /// programme's rules that the schema alone cannot enforce (admin).
    ///
    /// Every check runs on one read snapshot, so other processes may keep
    /// writing meanwhile and the report describes one moment. A check that
    /// cannot run (a damaged table) reports that as its problem; the others
    /// still run. When the programme has no active admin, anyone may run it,
    /// so that the missing admin can be seen.
    public func check(by actorEmail: EmailAddress?) throws -> CheckReport {
        try store.reading { tx in
            try Self.requireAdminUnlessNone(tx, actorEmail, to: "check the database")
            var report = tx.checkReport()
            // Only on a programme whose own checks passed: flags need its facts whole.
            if report.ok { report.checks.append(try gamingFlagsCheck(tx)) }
            return report
        }
    }

    /// The audit trail, oldest first (admin, cio or hr).
    public func auditEntries(_ filter: AuditFilter = AuditFilter(), by actorEmail: EmailAddress) throws -> [AuditEntry] {
        try store.reading { tx in
            try AccessRules.requireRole(try tx.actor(actorEmail), in: [.admin, .cio, .hr], to: "read the audit trail")
            return try tx.auditEntries(filter)
        }
    }

    /// Loads a generated programme in one transaction, replacing what is
    /// there only when `replacing` is true and `actorEmail` is its admin.
    ///
    /// This is the bulk path: one reused prepared statement per table with
    /// positional arguments, so thousands of people load in well under a second.
    /// Replacing a programme erases it, so it takes an admin of that programme.
    ///
    /// `withActions: false` loads everything but the actions (which
    /// `demo --export-actions` writes to a file for `import actions` instead).
    public func loadDemo(
        _ dataset: DemoDataset, replacing: Bool, by actorEmail: EmailAddress? = nil, withActions: Bool = true
    ) throws -> DemoLoadSummary {
        try store.loadDemo(dataset, replacing: replacing, by: actorEmail, withActions: withActions) { actor in
            try AccessRules.requireAdmin(actor, to: "replace the programme")
        }
    }
}

extension Programme {
    /// The tables the audit trail records, which an audit filter accepts.
    public static var auditedEntities: [String] { AdvocacyStore.auditedEntities }
}

extension Programme {
    /// Admin only; but when the programme has no active admin, anyone, so
    /// that the file can still be saved and checked, and the missing admin
    /// reported.
    static func requireAdminUnlessNone(_ tx: StoreTransaction, _ actorEmail: EmailAddress?, to operation: String) throws {
        guard try tx.firstActiveAdmin() != nil else { return }
        guard let actorEmail else { throw StoreError.adminRequired(operation: operation) }
        try AccessRules.requireAdmin(try tx.actor(actorEmail), to: operation)
    }
}
