import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Makes sure the database is ready and, when asked, registers its first
    /// admin. Running it again changes nothing. A second, different admin
    /// must be added by an existing admin.
    public func initialise(firstAdmin: NewEmployee?) throws -> InitOutcome {
        guard var admin = firstAdmin else { return .ready }
        admin.role = .admin
        return try store.writingAsSystem { tx in
            let existing = try tx.employee(admin.email)
            if let existing, existing.role == .admin { return .adminAlreadyPresent(existing) }
            if let other = try tx.firstActiveAdmin() { throw StoreError.adminAlreadyExists(existing: other) }
            if var existing {
                (existing.role, existing.isActive) = (.admin, true)
                try tx.saveEmployee(existing)
            } else {
                try tx.insertEmployee(admin)
            }
            return .createdAdmin(try tx.requireEmployee(admin.email))
        }
    }

    /// Registers an employee (admin only).
    @discardableResult
    public func addEmployee(_ new: NewEmployee, by actorEmail: EmailAddress) throws -> Employee {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireAdmin(actor, to: "add employees")
            try tx.insertEmployee(new)
            return try tx.requireEmployee(new.email)
        }
    }

    /// Changes an employee's details (admin only). Keeps at least one active admin.
    @discardableResult
    public func updateEmployee(_ email: EmailAddress, _ changes: EmployeeChanges, by actorEmail: EmailAddress) throws -> Employee
    {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireAdmin(actor, to: "change employees")
            let before = try tx.requireEmployee(email)
            let after = changes.applied(to: before)
            if before.isActiveAdmin && !after.isActiveAdmin { try tx.requireAnotherActiveAdmin(besides: email) }
            try tx.saveEmployee(after)
            return after
        }
    }

    /// Marks an employee as no longer taking part (admin only). Their history stays.
    @discardableResult
    public func deactivateEmployee(_ email: EmailAddress, by actorEmail: EmailAddress) throws -> Employee {
        try updateEmployee(email, try EmployeeChanges(isActive: false), by: actorEmail)
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
