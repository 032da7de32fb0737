import AdvocacyCore
import GRDB

extension AdvocacyStore {
    /// Imports a roster, once `authorize` accepted the acting person: each row registers a person or, with
    /// `updating`, changes the registered person with that email; empty cells
    /// keep what is stored. Without `updating`, a row for someone registered
    /// is unchanged when it matches what is stored and refused otherwise.
    ///
    /// A new person whose address looks like someone else's, registered or
    /// given earlier in the file, is refused; one whose name looks like
    /// another's is added with a warning (``LookalikeRegister``).
    public func importEmployees(
        _ mode: ImportMode, updating: Bool, by actorEmail: EmailAddress, columns: ImportColumns,
        next: () throws -> ImportRecord?, authorize: (Actor) throws -> Void,
        onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> ImportSummary {
        try runImport(mode, by: actorEmail, next: next, onReject: onReject) { db, actor in
            try authorize(actor)
            return EmployeeImporter(
                store: self, columns: columns, updating: updating, recordedBy: try Self.employeeID(db, actor.email),
                recordedAt: Self.timestamp(now()), register: try Self.lookalikeRegister(db))
        }
    }
}

struct EmployeeImporter: RowImporter {
    let store: AdvocacyStore
    let columns: ImportColumns
    let updating: Bool
    /// Who records the roster's consent answers, and when.
    let recordedBy: Int64
    let recordedAt: String
    /// Everyone registered, read once for the whole import, and the people added by earlier rows.
    var register: LookalikeRegister
    /// The warnings of the row being applied.
    var warnings: [String] = []

    mutating func apply(_ record: ImportRecord, _ db: Database) throws -> RowOutcome {
        let row = try EmployeeImportRow(record, in: columns)
        guard let stored = try AdvocacyStore.fetchEmployee(db, row.email) else {
            guard let name = row.name else { throw CoreError.emptyCell(column: EmployeeImportRow.name.name) }
            let warning = try register.check(row.email, name: name)
            try store.insertEmployee(
                db, try NewEmployee(email: row.email, name: name, team: row.team, role: row.role ?? .staff, hrID: row.hrID))
            register.add(row.email, name: name, line: record.line)
            if let consent = row.consent { try recordConsent(consent, for: try AdvocacyStore.employeeID(db, row.email), db) }
            if let warning { warnings.append(warning.description) }
            return .inserted
        }
        var changed = stored
        if let name = row.name { changed.name = name }
        if let team = row.team { changed.team = team }
        if let role = row.role { changed.role = role }
        if let hrID = row.hrID { changed.hrID = hrID }
        let consent = try consentToRecord(row, db)
        // The same roster imported twice is not a conflict: only a row that would change someone needs --update.
        guard changed != stored else {
            guard let consent else { return .unchanged }
            try recordConsent(consent, for: try AdvocacyStore.employeeID(db, row.email), db)
            return .updated
        }
        guard updating else { throw StoreError.alreadyRegistered(row.email) }
        if stored.role == .admin && stored.isActive && changed.role != .admin {
            try AdvocacyStore.requireAnotherActiveAdmin(db, besides: row.email)
        }
        try AdvocacyStore.requireFreeHRID(db, changed.hrID, for: row.email)
        try db.execute(
            sql: "UPDATE employee SET fullName = ?, team = ?, role = ?, hrId = ? WHERE email = ?",
            arguments: [changed.name, changed.team, changed.role.rawValue, changed.hrID, row.email.value])
        if let consent { try recordConsent(consent, for: try AdvocacyStore.employeeID(db, row.email), db) }
        return .updated
    }

    /// The roster's consent answer for someone registered, when it is news.
    ///
    /// A roster may be older than what the person said since: its "yes"
    /// never overrides a withdrawal (that takes 'privacy consent --grant'),
    /// while its "no" is always recorded.
    private func consentToRecord(_ row: EmployeeImportRow, _ db: Database) throws -> Bool? {
        guard let answer = row.consent else { return nil }
        let (state, day) = try AdvocacyStore.consentState(db, employeeID: try AdvocacyStore.employeeID(db, row.email))
        switch (answer, state) {
        case (true, .granted), (false, .withdrawn): return nil
        case (true, .withdrawn): throw StoreError.consentWithdrawn(row.email, on: day ?? "?")
        case (true, .unrecorded), (false, .unrecorded), (false, .granted): return answer
        }
    }

    private func recordConsent(_ granted: Bool, for employeeID: Int64, _ db: Database) throws {
        try AdvocacyStore.insertConsent(
            db, employeeID: employeeID, granted: granted, source: .roster, recordedBy: recordedBy, at: recordedAt)
    }

    mutating func takeWarnings() -> [String] {
        defer { warnings = [] }
        return warnings
    }

    func finish(_ db: Database) throws {}
}
