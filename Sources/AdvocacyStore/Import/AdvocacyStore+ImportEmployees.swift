import AdvocacyCore
import GRDB

extension AdvocacyStore {
    /// Imports a roster (admin only): each row registers a person or, with
    /// `updating`, changes the registered person with that email; empty cells
    /// keep what is stored. Without `updating`, a row for someone registered
    /// is unchanged when it matches what is stored and refused otherwise.
    public func importEmployees(
        _ mode: ImportMode, updating: Bool, by actorEmail: EmailAddress, columns: ImportColumns,
        next: () throws -> ImportRecord?, onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> ImportSummary {
        try runImport(mode, by: actorEmail, next: next, onReject: onReject) { db, actor in
            try AccessRules.requireAdmin(actor, to: "import employees")
            return EmployeeImporter(store: self, columns: columns, updating: updating)
        }
    }
}

struct EmployeeImporter: RowImporter {
    let store: AdvocacyStore
    let columns: ImportColumns
    let updating: Bool

    func apply(_ record: ImportRecord, _ db: Database) throws -> RowOutcome {
        let row = try EmployeeImportRow(record, in: columns)
        guard let stored = try AdvocacyStore.fetchEmployee(db, row.email) else {
            guard let name = row.name else { throw CoreError.emptyCell(column: EmployeeImportRow.name.name) }
            try store.insertEmployee(db, try NewEmployee(email: row.email, name: name, team: row.team, role: row.role ?? .staff, hrID: row.hrID))
            return .inserted
        }
        var changed = stored
        if let name = row.name { changed.name = name }
        if let team = row.team { changed.team = team }
        if let role = row.role { changed.role = role }
        if let hrID = row.hrID { changed.hrID = hrID }
        // The same roster imported twice is not a conflict: only a row that would change someone needs --update.
        guard changed != stored else { return .unchanged }
        guard updating else { throw StoreError.alreadyRegistered(row.email) }
        if stored.role == .admin && stored.isActive && changed.role != .admin {
            try AdvocacyStore.requireAnotherActiveAdmin(db, besides: row.email)
        }
        try AdvocacyStore.requireFreeHRID(db, changed.hrID, for: row.email)
        try db.execute(
            sql: "UPDATE employee SET fullName = ?, team = ?, role = ?, hrId = ? WHERE email = ?",
            arguments: [changed.name, changed.team, changed.role.rawValue, changed.hrID, row.email.value])
        return .updated
    }

    func finish(_ db: Database) throws {}
}
