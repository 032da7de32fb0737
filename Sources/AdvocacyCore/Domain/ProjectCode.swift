/// A project's short code such as `ERP-2027`, upper-cased so codes compare
/// case-insensitively.
public struct ProjectCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws {
        guard let code = Self.normalised(text) else { throw CoreError.invalidProjectCode(text) }
        value = code
    }

    /// The code upper-cased, or nil unless it is 2–32 letters, digits, `-`,
    /// `_` or `.` starting with a letter. Reward codes follow the same rule.
    static func normalised(_ text: String) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard (2...32).contains(code.utf8.count), let first = code.utf8.first, (0x41...0x5A).contains(first),
            code.utf8.allSatisfy({ allowed.contains($0) })
        else { return nil }
        return code
    }

    private static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".utf8)

    /// Wraps a code that was validated before (read back from the database).
    public init(alreadyValid value: String) {
        self.value = value
    }

    public var description: String { value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
