import Foundation

/// What `init` did.
public enum InitOutcome: Equatable, Sendable {
    /// The database exists (it may have just been created) and no admin was asked for.
    case ready
    /// The first admin was registered.
    case createdAdmin(Employee)
    /// That person was already an admin: nothing changed.
    case adminAlreadyPresent(Employee)
}
