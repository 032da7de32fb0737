import Foundation

/// One change to the programme, as the audit trail recorded it.
public struct AuditEntry: Hashable, Sendable, Encodable {
    public var id: Int64
    /// When, as an ISO 8601 UTC timestamp.
    public var at: String
    /// Who acted, as they were then; nil for the system (creating the database, the demo).
    public var actorEmail: String?
    public var actorRole: String?
    /// insert, update, delete, or bulk (an import or the demo: one entry for the whole load).
    public var operation: String
    /// The table changed, such as employee or rewardProposal.
    public var entity: String
    /// The row's key: its id, or its key columns joined by `/`; `*` for a bulk load.
    public var entityId: String
    /// The row before and after, as JSON objects (nil before an insert and after a delete).
    public var before: String?
    public var after: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actorEmail, actorRole, operation, entity, entityId, before, after
    }

    /// JSON output nests the rows as objects (not strings) and writes every
    /// key, null included, as the other read models do.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(at, forKey: .at)
        try container.encode(actorEmail, forKey: .actorEmail)
        try container.encode(actorRole, forKey: .actorRole)
        try container.encode(operation, forKey: .operation)
        try container.encode(entity, forKey: .entity)
        try container.encode(entityId, forKey: .entityId)
        try container.encode(Self.row(before), forKey: .before)
        try container.encode(Self.row(after), forKey: .after)
    }

    /// A stored row: its columns hold text, integers, reals or null.
    package enum Value: Codable, Hashable {
        case integer(Int64), real(Double), text(String), null

        package init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let integer = try? container.decode(Int64.self) {
                self = .integer(integer)
            } else if let real = try? container.decode(Double.self) {
                self = .real(real)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .integer(let value): try container.encode(value)
            case .real(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            case .null: try container.encodeNil()
            }
        }
    }

    package static func row(_ json: String?) -> [String: Value]? {
        json.flatMap { try? JSONDecoder().decode([String: Value].self, from: Data($0.utf8)) }
    }

    /// For an update, the fields that changed: "role: staff → cio".
    public var changes: [String] {
        guard operation == "update", let before = Self.row(before), let after = Self.row(after) else { return [] }
        return after.keys.sorted().compactMap { key in
            let old = before[key].map(Self.text) ?? "null", new = after[key].map(Self.text) ?? "null"
            return old == new ? nil : "\(key): \(old) → \(new)"
        }
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): value
        case .null: "null"
        }
    }

    package init(
        id: Int64, at: String, actorEmail: String?, actorRole: String?, operation: String, entity: String, entityId: String,
        before: String?, after: String?
    ) {
        self.id = id
        self.at = at
        self.actorEmail = actorEmail
        self.actorRole = actorRole
        self.operation = operation
        self.entity = entity
        self.entityId = entityId
        self.before = before
        self.after = after
    }
}

/// Which audit entries to list.
public struct AuditFilter: Hashable, Sendable {
    public var since: LocalDate?
    public var actor: EmailAddress?
    public var entity: String?
    /// Only the latest this many (still listed oldest first): a page or an
    /// API call reads what it shows, not the whole trail.
    public var latest: Int?

    public init(since: LocalDate? = nil, actor: EmailAddress? = nil, entity: String? = nil, latest: Int? = nil) {
        self.since = since
        self.actor = actor
        self.entity = entity
        self.latest = latest
    }
}
