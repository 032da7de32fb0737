/// A project's short code such as `ERP-2027`, upper-cased so codes compare
/// case-insensitively.
public struct ProjectCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard (2...32).contains(code.count), code.first?.isLetter == true,
            code.allSatisfy({ allowed.contains($0) })
        else { throw CoreError.invalidProjectCode(text) }
        value = code
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
