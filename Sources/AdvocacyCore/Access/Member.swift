/// A registered person as a front end knows them once signed in: enough to
/// greet them, choose what they may see, and log their requests by `id`
/// alone (an access log carries no other personal data).
public struct Member: Hashable, Sendable {
    /// The employee's row id: stable, and meaningless outside the database.
    public var id: Int64
    public var email: EmailAddress
    public var name: String
    public var role: Role
    public var isActive: Bool

    public init(id: Int64, email: EmailAddress, name: String, role: Role, isActive: Bool) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.isActive = isActive
    }
}
