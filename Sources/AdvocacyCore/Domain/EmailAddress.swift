/// An employee's email address, validated and lower-cased so that
/// `Jane.Doe@Corp.fr` and `jane.doe@corp.fr` are the same person.
public struct EmailAddress: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let value: String

    /// Validates the practical shape of an address: one `@`, a non-empty local
    /// part, a domain with a dot, no spaces or control characters.
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, trimmed.count <= 254,
            let local = parts.first, let domain = parts.last,
            !local.isEmpty, local.count <= 64,
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
            domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains(".."),
            trimmed.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value != 127 }),
            !trimmed.contains(where: { "()<>,;:\\\"[]".contains($0) })
        else { throw CoreError.invalidEmail(text) }
        value = trimmed.lowercased()
    }

    /// Wraps an address that was validated before (read back from the
    /// database, which only ever stores validated ones) without checking it again.
    public init(alreadyValid value: String) {
        self.value = value
    }

    public var description: String { value }
    /// The part before the `@`, used to derive friendly defaults.
    public var localPart: String { String(value.prefix(while: { $0 != "@" })) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
