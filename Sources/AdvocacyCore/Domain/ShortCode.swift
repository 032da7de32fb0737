import Foundation

/// A short upper-case code such as a project's `ERP-2027` or a reward's
/// `CERT-AWS`: 2–32 letters, digits, `-`, `_` or `.`, starting with a letter,
/// upper-cased so codes compare case-insensitively.
public protocol ShortCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    var value: String { get }
    /// Checks and upper-cases a typed code, throwing the type's own error.
    init(_ text: String) throws
    /// Wraps a code that was validated before (read back from the database).
    init(alreadyValid value: String)
}

extension ShortCode {
    public var description: String { value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// The code upper-cased, or nil when it breaks the rules above.
    static func normalised(_ text: String) -> String? {
        // A code written as it is stored (every row of an import) needs no Foundation call.
        if isStored(text) { return text }
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        return isStored(code) ? code : nil
    }

    private static func isStored(_ code: String) -> Bool {
        guard (2...32).contains(code.utf8.count), let first = code.utf8.first, (0x41...0x5A).contains(first) else { return false }
        return code.utf8.allSatisfy { shortCodeBytes.contains($0) }
    }
}

private let shortCodeBytes = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".utf8)
