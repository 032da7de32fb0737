import AdvocacyCore
import Foundation

/// One version of the policy as `policy history --format json` writes it,
/// and `GET /api/v1/policy/history` answers it.
public struct PolicyHistoryRecord: Encodable, Sendable {
    /// One key a version changed, with its values before and after (nil where a version lacks the key).
    public struct Change: Encodable, Sendable {
        public var key: String
        public var old: String?
        public var new: String?
    }

    public var version: Int
    /// ISO 8601 timestamp.
    public var setAt: String
    public var inForceFrom: String
    /// Empty for the first version, written when the database was created.
    public var setBy: String
    public var changes: [Change]

    public init(_ entry: PolicyHistoryEntry) {
        version = entry.version
        setAt = entry.setAt.formatted(.iso8601)
        inForceFrom = entry.inForceFrom.description
        setBy = entry.setBy?.value ?? ""
        changes = entry.changes.map { Change(key: $0.key, old: $0.old, new: $0.new) }
    }
}
