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
    ///
    /// An address that looks like someone else's is refused
    /// (``CoreError/lookalikeEmail(_:existing:line:letter:)``); a name that
    /// looks like someone else's is registered with a warning, since two
    /// people may share a name (``LookalikeRegister``).
    @discardableResult
    public func addEmployee(_ new: NewEmployee, by actorEmail: EmailAddress) throws -> EmployeeRegistration {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireAdmin(actor, to: "add employees")
            // Someone already registered keeps their own refusal (duplicateEmployee), not a look-alike's.
            let warning = try tx.employee(new.email) == nil ? try tx.lookalikeRegister().check(new.email, name: new.name) : nil
            try tx.insertEmployee(new)
            return EmployeeRegistration(employee: try tx.requireEmployee(new.email), lookalikeName: warning)
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
    /// HR ids, which are payroll ids, only when `viewer` is an active admin
    /// or HR officer, or the person themself (nil: no one said who is
    /// looking, who sees none).
    /// People hidden from `viewer` (``peopleHidden(from:)``) are left out.
    public func employees(team: String? = nil, seenBy viewer: EmailAddress?) throws -> [Employee] {
        let seesHRIDs = try mayReadHRIDs(viewer)
        let hidden = try peopleHidden(from: viewer)
        return try store.employees(team: team).filter { !hidden.contains($0.email) }.map {
            seesHRIDs || $0.email == viewer ? $0 : $0.withoutHRID
        }
    }

    /// Whether `viewer` may read HR ids: an active admin or HR officer.
    private func mayReadHRIDs(_ viewer: EmailAddress?) throws -> Bool {
        guard let viewer else { return false }
        let actor = try store.reading { tx in try tx.actor(viewer) }
        return actor.isActive && (actor.role == .admin || actor.role == .hr)
    }

    /// One employee, or ``StoreError/unknownEmployee(_:)``.
    public func employee(_ email: EmailAddress) throws -> Employee {
        try store.employee(email)
    }

    /// One employee with their channels and activity, read in one snapshot;
    /// their HR id as ``employees(team:seenBy:)`` says.
    public func profile(_ email: EmailAddress, seenBy viewer: EmailAddress?) throws -> EmployeeProfile {
        var profile = try store.profile(email)
        try requireVisible(email, to: viewer, among: try peopleHidden(from: viewer))
        if try email != viewer && !mayReadHRIDs(viewer) { profile.employee = profile.employee.withoutHRID }
        return profile
    }
}

extension Programme {
    /// Who a front end's signed-in email is: `nil` when no one is registered
    /// with it. The front end refuses an inactive member; every use case
    /// checks the role again inside its own transaction.
    public func member(signedInAs email: EmailAddress) throws -> Member? {
        try store.member(email)
    }

    /// Whether the database answers a read: the server's readiness.
    public func isReadable() -> Bool {
        do {
            _ = try store.member(EmailAddress(alreadyValid: "readiness@check.invalid"))
            return true
        } catch {
            return false
        }
    }
}
