import Foundation

/// What `backup` wrote: where, how big, and what the copy holds.
public struct BackupSummary: Sendable, Encodable, Equatable {
    /// The copy's path, as given.
    public var path: String
    /// The copy's size in bytes.
    public var bytes: Int
    /// Employees in the copy.
    public var employees: Int
    /// Actions in the copy.
    public var actions: Int

    package init(path: String, bytes: Int, employees: Int, actions: Int) {
        self.path = path
        self.bytes = bytes
        self.employees = employees
        self.actions = actions
    }
}
