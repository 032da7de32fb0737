import Foundation

/// An employee's email address, validated and lower-cased so that
/// `Jane.Doe@Corp.fr` and `jane.doe@corp.fr` are the same person.
public struct EmailAddress: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let value: String

    /// Validates the practical shape of an address: one `@`, a non-empty local
    /// part, a domain with a dot, no spaces or control characters.
    ///
    /// Internationalised addresses (`zoë@corp.fr`, `иван@почта.рф`) are
    /// kept, since people have them, but not what only serves to pass for
    /// someone else: invisible and format characters (U+200B, U+202E…),
    /// compatibility forms (fullwidth letters, which NFKC turns into ASCII),
    /// and a local part or domain label mixing scripts (Latin with a Cyrillic
    /// `а`). The value is stored lower-cased and composed (NFC), so that a
    /// decomposed `zoë` is the same person as a composed one.
    public init(_ text: String) throws {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        // Nearly every address is ASCII, which can hold none of these.
        let isASCII = trimmed.utf8.allSatisfy { $0 < 0x80 }
        if !isASCII { trimmed = try Self.composed(trimmed, given: text) }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, trimmed.count <= 254,
            let local = parts.first, let domain = parts.last,
            !local.isEmpty, local.count <= 64,
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
            domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains(".."),
            trimmed.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value != 127 }),
            !trimmed.contains(where: { "()<>,;:\\\"[]".contains($0) })
        else { throw CoreError.invalidEmail(text) }
        guard !isASCII else {
            value = trimmed.lowercased()
            return
        }
        for part in [local] + domain.split(separator: ".") where !Confusable.isSingleScript(String(part)) {
            throw CoreError.mixedScriptEmail(
                text, part: String(part), scripts: Confusable.scripts(of: String(part)),
                letter: Confusable.oddLetter(in: String(part)) ?? "a Cyrillic а in a Latin word")
        }
        // Lower-casing may decompose a letter (İ becomes i and a dot above): compose again.
        value = trimmed.lowercased().precomposedStringWithCanonicalMapping
    }

    /// `text` composed (NFC), or refused when it holds an invisible character
    /// or a compatibility form (which NFKC would change).
    private static func composed(_ text: String, given: String) throws -> String {
        if let hidden = text.unicodeScalars.first(where: HiddenCharacter.isInvisible) {
            throw CoreError.invisibleInEmail(given, codePoint: hidden.value)
        }
        let composed = text.precomposedStringWithCanonicalMapping
        // Scalars, not ==, which holds canonically equivalent strings equal.
        let plain = text.precomposedStringWithCompatibilityMapping
        guard composed.unicodeScalars.elementsEqual(plain.unicodeScalars) else {
            throw CoreError.compatibilityEmail(given, plain: plain.lowercased())
        }
        return composed
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
