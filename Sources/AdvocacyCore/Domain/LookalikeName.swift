/// A warning: a person was added whose name looks like another person's
/// (the same skeleton, case and spacing aside). Not a refusal, since two
/// people may share a name; the admin checks that they are two people.
public struct LookalikeName: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The name as given.
    public var name: String
    /// Who already has a name like it.
    public var existing: EmailAddress
    /// The earlier line of the same file that gives `existing`; nil when they are registered.
    public var line: Int?

    public init(name: String, existing: EmailAddress, line: Int?) {
        self.name = name
        self.existing = existing
        self.line = line
    }

    /// "'Marie Martin' looks like the name of marie.martin@corp.fr, already in the programme; added anyway: two people may share a name".
    public var description: String {
        let whose = line.map { "given on line \($0) of this file" } ?? "already in the programme"
        return "'\(name)' looks like the name of \(existing), \(whose); added anyway: two people may share a name"
    }
}
