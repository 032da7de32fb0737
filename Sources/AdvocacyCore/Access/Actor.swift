/// The employee on whose behalf a change is made.
public struct Actor: Hashable, Sendable {
    public var email: EmailAddress
    public var role: Role
    public var isActive: Bool

    public init(email: EmailAddress, role: Role, isActive: Bool = true) {
        self.email = email
        self.role = role
        self.isActive = isActive
    }
}

/// Who may change and see what. Lists are open to every employee; these
/// rules guard writes and scores and are applied by the store inside each
/// transaction.
///
/// - staff (and the cio and hr, for their own work) write only their own
///   channels, actions and metrics;
/// - admin manages employees and projects and may act for anyone.
public enum AccessRules {
    /// Refuses anyone but an active admin.
    public static func requireAdmin(_ actor: Actor, to operation: String) throws {
        try requireActive(actor)
        guard actor.role == .admin else {
            throw CoreError.permissionDenied(
                actor: actor.email.value, role: actor.role, operation: operation, needed: "the admin role")
        }
    }

    /// Refuses anyone but `owner` themself or an active admin.
    public static func requireSelfOrAdmin(_ actor: Actor, owner: EmailAddress, to operation: String) throws {
        try requireActive(actor)
        guard actor.email == owner || actor.role == .admin else {
            throw CoreError.permissionDenied(
                actor: actor.email.value, role: actor.role, operation: "\(operation) for \(owner)",
                needed: "the admin role (others write only their own)")
        }
    }

    /// Refuses anyone whose role is not among `roles`.
    public static func requireRole(_ actor: Actor, in roles: [Role], to operation: String) throws {
        try requireActive(actor)
        guard roles.contains(actor.role) else {
            let needed = "the \(WordList.or(roles.map(\.rawValue))) role"
            throw CoreError.permissionDenied(actor: actor.email.value, role: actor.role, operation: operation, needed: needed)
        }
    }

    /// Separation of duties on a decision about people (a reward, a
    /// clearance): the `deciders` decide, never on their own case. An admin
    /// steps in only for people who hold one of the `deciders` roles
    /// themselves, who could otherwise be decided by no one but a peer, and
    /// only with a note, so that the trail says why.
    ///
    /// - Throws: ``CoreError/ownCase(subject:)`` for one's own case,
    ///   ``CoreError/permissionDenied(actor:role:operation:needed:)`` otherwise.
    public static func requireDecider(
        _ actor: Actor, deciders: [Role], of people: [(subject: String, email: EmailAddress, role: Role)], note: String?,
        to operation: String
    ) throws {
        try requireActive(actor)
        if let own = people.first(where: { $0.email == actor.email }) { throw CoreError.ownCase(subject: own.subject) }
        if deciders.contains(actor.role) { return }
        let deciding = WordList.or(deciders.map(\.rawValue))
        let needed = "the \(deciding) role (an admin decides only for people with that role, with a note)"
        guard actor.role == .admin, people.allSatisfy({ deciders.contains($0.role) }),
            note.map({ !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) == true
        else {
            throw CoreError.permissionDenied(actor: actor.email.value, role: actor.role, operation: operation, needed: needed)
        }
    }

    /// Scores are open to every active employee; a staff member may see the
    /// breakdown of their own only, the cio, hr and admin anyone's.
    public static func requireMayExplain(_ actor: Actor, person: EmailAddress) throws {
        try requireActive(actor)
        guard actor.email == person || actor.role != .staff else {
            throw CoreError.permissionDenied(
                actor: actor.email.value, role: actor.role, operation: "see the breakdown of \(person)'s score",
                needed: "the cio, hr or admin role (staff see their own)")
        }
    }

    /// Refuses a deactivated account, whatever its role.
    public static func requireActive(_ actor: Actor) throws {
        guard actor.isActive else { throw CoreError.inactiveActor(actor.email.value) }
    }
}
