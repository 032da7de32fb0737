import AdvocacyCore

/// A person just registered, and what the admin should check about them.
public struct EmployeeRegistration: Hashable, Sendable {
    public var employee: Employee
    /// Set when their name looks like someone else's: they were added all the same, since two people may share a name.
    public var lookalikeName: LookalikeName?

    public init(employee: Employee, lookalikeName: LookalikeName?) {
        self.employee = employee
        self.lookalikeName = lookalikeName
    }
}
