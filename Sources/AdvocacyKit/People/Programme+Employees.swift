import AdvocacyCore
import Foundation

extension Programme {
    /// Makes sure the database is ready and, when asked, registers its first
    /// admin. Running it again changes nothing. A second, different admin
    /// must be added by an existing admin.
    public func initialise(firstAdmin: NewEmployee?) throws -> InitOutcome {
        try store.initialise(firstAdmin: firstAdmin)
    }

    /// Registers an employee (admin only).
    @discardableResult
    public func addEmployee(_ new: NewEmployee, by actorEmail: EmailAddress) throws -> Employee {
        try store.addEmployee(new, by: actorEmail)
    }

    /// Changes an employee's details (admin only). Keeps at least one active admin.
    @discardableResult
    public func updateEmployee(_ email: EmailAddress, _ changes: EmployeeChanges, by actorEmail: EmailAddress) throws -> Employee
    {
        try store.updateEmployee(email, changes, by: actorEmail)
    }

    /// Marks an employee as no longer taking part (admin only). Their history stays.
    @discardableResult
    public func deactivateEmployee(_ email: EmailAddress, by actorEmail: EmailAddress) throws -> Employee {
        try store.deactivateEmployee(email, by: actorEmail)
    }

    /// Everyone, or one team's members, in the order of a French roster:
    /// names and teams compare without regard to case or accents
    /// ("Élodie" sorts with the Es, `--team securite` finds Sécurité).
    public func employees(team: String? = nil) throws -> [Employee] {
        try store.employees(team: team)
    }

    /// One employee, or ``StoreError/unknownEmployee(_:)``.
    public func employee(_ email: EmailAddress) throws -> Employee {
        try store.employee(email)
    }

    /// One employee with their channels and activity, read in one snapshot.
    public func profile(_ email: EmailAddress) throws -> EmployeeProfile {
        try store.profile(email)
    }
}
