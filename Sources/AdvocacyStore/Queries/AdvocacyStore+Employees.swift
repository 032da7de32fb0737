import AdvocacyCore
import Foundation
import GRDB

extension StoreTransaction {
    /// The employee registered with `email`, if any.
    public func employee(_ email: EmailAddress) throws -> Employee? {
        try AdvocacyStore.fetchEmployee(db, email)
    }

    /// The employee registered with `email`.
    ///
    /// - Throws: ``StoreError/unknownEmployee(_:)``.
    public func requireEmployee(_ email: EmailAddress) throws -> Employee {
        try AdvocacyStore.requireEmployee(db, email)
    }

    /// Registers `new`, created now.
    ///
    /// - Throws: ``StoreError/duplicateEmployee(_:)`` for an email, and
    ///   ``StoreError/duplicateHRID(_:owner:)`` for an HR id, already registered.
    public func insertEmployee(_ new: NewEmployee) throws {
        try store.insertEmployee(db, new)
    }

    /// Stores `employee`'s name, team, role, HR id and activity over those of
    /// the person registered with its email.
    ///
    /// - Throws: ``StoreError/duplicateHRID(_:owner:)`` when another person has the HR id.
    public func saveEmployee(_ employee: Employee) throws {
        try AdvocacyStore.requireFreeHRID(db, employee.hrID, for: employee.email)
        try db.execute(
            sql: "UPDATE employee SET fullName = ?, team = ?, role = ?, hrId = ?, isActive = ? WHERE email = ?",
            arguments: [
                employee.name, employee.team, employee.role.rawValue, employee.hrID, employee.isActive, employee.email.value,
            ])
    }

    /// Everyone registered, active or not, as the look-alike checks see them (one read of every address and name).
    public func lookalikeRegister() throws -> LookalikeRegister {
        try AdvocacyStore.lookalikeRegister(db)
    }

    /// The first active admin registered, if there is one.
    public func firstActiveAdmin() throws -> EmailAddress? {
        try String.fetchOne(db, sql: "SELECT email FROM employee WHERE role = 'admin' AND isActive ORDER BY id LIMIT 1")
            .map(EmailAddress.init(alreadyValid:))
    }

    /// Refuses, with ``StoreError/lastAdmin(_:)``, a change that would leave
    /// the programme without an active admin besides `email`.
    public func requireAnotherActiveAdmin(besides email: EmailAddress) throws {
        try AdvocacyStore.requireAnotherActiveAdmin(db, besides: email)
    }
}

extension AdvocacyStore {
    static func lookalikeRegister(_ db: Database) throws -> LookalikeRegister {
        var register = LookalikeRegister()
        let rows = try Row.fetchCursor(db, sql: "SELECT email, fullName FROM employee")
        while let row = try rows.next() { register.add(EmailAddress(alreadyValid: row[0]), name: row[1]) }
        return register
    }

    func insertEmployee(_ db: Database, _ new: NewEmployee) throws {
        if try Self.fetchEmployee(db, new.email) != nil { throw StoreError.duplicateEmployee(new.email) }
        try Self.requireFreeHRID(db, new.hrID, for: new.email)
        try db.execute(
            sql: "INSERT INTO employee (email, fullName, team, role, hrId, isActive, createdAt) VALUES (?, ?, ?, ?, ?, 1, ?)",
            arguments: [new.email.value, new.name, new.team, new.role.rawValue, new.hrID, Self.timestamp(now())])
    }

    /// Everyone, or one team's members, in the order of a French roster:
    /// names and teams compare without regard to case or accents
    /// ("Élodie" sorts with the Es, `--team securite` finds Sécurité).
    public func employees(team: String? = nil) throws -> [Employee] {
        let (all, teams) = try read { db in
            (
                try Row.fetchAll(db, sql: "SELECT * FROM employee").map(Self.employee(from:)),
                try team.map { Set(try Self.resolveTeam(db, $0)) }
            )
        }
        return all.filter { person in teams.map { wanted in person.team.map(wanted.contains) ?? false } ?? true }
            .map { (key: Self.folded($0.name), employee: $0) }
            .sorted { ($0.key, $0.employee.email) < ($1.key, $1.employee.email) }
            .map(\.employee)
    }

    /// The teams of the programme that `team` names, typed without regard
    /// to case or accents (`Developpement` is Développement, and a team
    /// written both `Sécurité` and `SÉCURITÉ` on the roster is one), or
    /// ``CoreError/unknownTeam(_:nearest:)`` with the nearest teams: a typo
    /// in a filter is an error, never an empty list.
    static func resolveTeam(_ db: Database, _ team: String) throws -> [String] {
        let teams = try String.fetchAll(db, sql: "SELECT DISTINCT team FROM employee WHERE team IS NOT NULL")
        let key = NearestNames.folded(team)
        let same = teams.filter { NearestNames.folded($0) == key }
        guard same.isEmpty else { return same }
        throw CoreError.unknownTeam(team, nearest: NearestNames.nearest(to: team, in: teams))
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// One employee, or ``StoreError/unknownEmployee(_:)``.
    public func employee(_ email: EmailAddress) throws -> Employee {
        try read { db in try Self.requireEmployee(db, email) }
    }

    /// One employee with their channels and activity, read in one snapshot.
    public func profile(_ email: EmailAddress) throws -> EmployeeProfile {
        try read { db in
            let employee = try Self.requireEmployee(db, email)
            let channels = try Self.fetchChannels(db, owner: email)
            // actionFact's key starts with the person: no scan of every action.
            let activity = try Row.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) AS actions, MAX(f.day) AS lastDay FROM actionFact f JOIN employee e ON e.id = f.employeeId WHERE e.email = ?",
                arguments: [email.value])
            return EmployeeProfile(
                employee: employee, channels: channels, actions: activity?["actions"] ?? 0,
                lastActionDate: (activity?["lastDay"] as Int?).map { LocalDate(daysSinceEpoch: $0) })
        }
    }

    // MARK: Helpers

    static func fetchEmployee(_ db: Database, _ email: EmailAddress) throws -> Employee? {
        try Row.fetchOne(db, sql: "SELECT * FROM employee WHERE email = ?", arguments: [email.value]).map(employee(from:))
    }

    static func requireEmployee(_ db: Database, _ email: EmailAddress) throws -> Employee {
        guard let employee = try fetchEmployee(db, email) else { throw try unknownEmployee(db, email) }
        return employee
    }

    static func employeeID(_ db: Database, _ email: EmailAddress) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM employee WHERE email = ?", arguments: [email.value]) else {
            throw try unknownEmployee(db, email)
        }
        return id
    }

    /// The error for an email no one has, with the registered emails nearest to it (a typo's fix).
    static func unknownEmployee(_ db: Database, _ email: EmailAddress) throws -> StoreError {
        let emails = try String.fetchAll(db, sql: "SELECT email FROM employee")
        return .unknownEmployee(email, nearest: NearestNames.nearest(to: email.value, in: emails))
    }

    /// Refuses a change that would leave the programme without an active admin.
    static func requireAnotherActiveAdmin(_ db: Database, besides email: EmailAddress) throws {
        let others =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM employee WHERE role = 'admin' AND isActive AND email <> ?",
                arguments: [email.value]) ?? 0
        if others == 0 { throw StoreError.lastAdmin(email) }
    }

    static func requireFreeHRID(_ db: Database, _ hrID: String?, for email: EmailAddress) throws {
        guard let hrID else { return }
        if let owner = try String.fetchOne(
            db, sql: "SELECT email FROM employee WHERE hrId = ? AND email <> ?", arguments: [hrID, email.value])
        {
            throw StoreError.duplicateHRID(hrID, owner: EmailAddress(alreadyValid: owner))
        }
    }

    static func employee(from row: Row) throws -> Employee {
        Employee(
            email: EmailAddress(alreadyValid: row["email"]), name: row["fullName"], team: row["team"],
            role: try decode(row["role"]),
            hrID: row["hrId"], isActive: row["isActive"], createdAt: date(fromTimestamp: row["createdAt"]))
    }
}
