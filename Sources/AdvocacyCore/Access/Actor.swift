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

/// Who may change what. Reads are open to every employee; these rules guard
/// writes and are applied by the store inside each write's transaction.
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

    static func requireActive(_ actor: Actor) throws {
        guard actor.isActive else { throw CoreError.inactiveActor(actor.email.value) }
    }
}
