import Foundation

#if canImport(_FoundationICU)
    // Foundation's own copy of ICU (lib_FoundationICU, in the toolchain and in
    // its static library for --static-swift-stdlib): the same ICU Foundation
    // already links, so telling look-alikes apart adds no dependency to the
    // build, the binary or the machine. docs/architecture.md says why not Debian's libicu.
    import _FoundationICU
#endif

/// Unicode's look-alike rules (UTS #39, "Unicode Security Mechanisms"), from ICU's spoof checker.
///
/// A *skeleton* maps every character to a prototype it can be confused
/// with (Cyrillic `а` and Latin `a` both become `a`; fullwidth letters their
/// ASCII ones; `m` becomes `rn`): two texts that look alike have the same
/// skeleton. A skeleton is only ever compared, never shown or stored.
public enum Confusable {
    /// The UTS #39 skeleton of `text`.
    public static func skeleton(_ text: String) -> String {
        #if canImport(_FoundationICU)
            if let checker = SpoofChecker.shared, let skeleton = checker.skeleton(text) { return skeleton }
        #endif
        // Without ICU (it is always there on Linux): the compatibility form, which at least folds fullwidth letters and ligatures.
        return text.precomposedStringWithCompatibilityMapping
    }

    /// The key under which two people's names look alike: the skeleton of the
    /// name in its compatibility form, lower-cased, with single spaces, so that
    /// "Marie Martin", "MARIE  MARTIN", a decomposed "Amélie" and one with a
    /// Cyrillic `а` share theirs.
    public static func nameKey(_ name: String) -> String {
        let words = name.precomposedStringWithCompatibilityMapping.lowercased().split(whereSeparator: \.isWhitespace)
        return skeleton(words.joined(separator: " "))
    }

    /// The script (Latin, Cyrillic, Greek…) `scalar` is a letter of; nil for
    /// digits, punctuation and combining marks, which go with any script, and without ICU.
    public static func script(of scalar: Unicode.Scalar) -> String? {
        // ASCII's only letters are Latin, and the rest goes with any script.
        if scalar.isASCII { return scalar.properties.isAlphabetic ? "Latin" : nil }
        #if canImport(_FoundationICU)
            var status = U_ZERO_ERROR
            let script = swift_uscript_getScript(UChar32(scalar.value), &status)
            // Common (0) and Inherited (1): punctuation, digits, combining marks.
            guard status.rawValue <= 0, script.rawValue > 1 else { return nil }
            return swift_uscript_getName(script).map { String(cString: $0) } ?? "script \(script.rawValue)"
        #else
            return nil
        #endif
    }

    /// The scripts the letters of `text` are written in, in order of first appearance.
    public static func scripts(of text: String) -> [String] {
        var found: [String] = []
        for scalar in text.unicodeScalars {
            if let script = script(of: scalar), !found.contains(script) { found.append(script) }
        }
        return found
    }

    /// The first letter of `text` outside its main script (the one most of
    /// its letters are in), described for a message: "the Cyrillic а (U+0430)".
    public static func oddLetter(in text: String) -> String? {
        let letters = text.unicodeScalars.compactMap { scalar in script(of: scalar).map { (scalar, $0) } }
        let counts = Dictionary(letters.map { ($0.1, 1) }, uniquingKeysWith: +)
        // Ties go to Latin, the script of most addresses, so that "аb" points at the а.
        guard let main = counts.max(by: { ($0.value, $0.key == "Latin" ? 1 : 0) < ($1.value, $1.key == "Latin" ? 1 : 0) })?.key,
            let odd = letters.first(where: { $0.1 != main })
        else { return nil }
        return describe(odd.0)
    }

    /// The first letter of `text` that is not ASCII, described for a message.
    public static func firstNonASCIILetter(in text: String) -> String? {
        text.unicodeScalars.first { !$0.isASCII && script(of: $0) != nil }.map(describe)
    }

    /// "the Cyrillic а (U+0430)".
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let script = script(of: scalar).map { $0 + " " } ?? ""
        return "the \(script)\(Character(scalar)) (\(HiddenCharacter.codePoint(scalar.value)))"
    }

    /// Whether `text` is written in one script, or in one of the mixes that
    /// UTS #39 calls "highly restrictive" because their readers use them
    /// together: Latin with Han and Hiragana/Katakana (Japanese), with Han and
    /// Bopomofo (Chinese) or with Han and Hangul (Korean).
    public static func isSingleScript(_ text: String) -> Bool {
        let used = Set(scripts(of: text))
        guard used.count > 1 else { return true }
        return Self.usualMixes.contains { used.isSubset(of: $0) }
    }

    private static let usualMixes: [Set<String>] = [
        ["Latin", "Han", "Hiragana", "Katakana"], ["Latin", "Han", "Bopomofo"], ["Latin", "Han", "Hangul"],
    ]
}

#if canImport(_FoundationICU)
    /// One ICU spoof checker for the whole process: once opened it is only read,
    /// and ICU's functions that take a const checker are thread-safe.
    private final class SpoofChecker: @unchecked Sendable {
        static let shared = SpoofChecker()

        private let checker: OpaquePointer

        private init?() {
            var status = U_ZERO_ERROR
            guard let checker = swift_uspoof_open(&status), status.rawValue <= 0 else { return nil }
            self.checker = checker
        }

        deinit { swift_uspoof_close(checker) }

        func skeleton(_ text: String) -> String? {
            guard !text.isEmpty else { return "" }
            var text = text
            return text.withUTF8 { input -> String? in
                // A skeleton is rarely longer than its text; a longer one ("㎒" is "MHz") takes a second call with the size ICU asks for.
                var capacity = input.count + 16
                for _ in 0..<2 {
                    var status = U_ZERO_ERROR
                    let bytes = [CChar](unsafeUninitializedCapacity: capacity) { buffer, count in
                        let length = input.withMemoryRebound(to: CChar.self) { input in
                            swift_uspoof_getSkeletonUTF8(
                                checker, 0, input.baseAddress, Int32(input.count), buffer.baseAddress, Int32(capacity), &status)
                        }
                        count = status.rawValue <= 0 ? Int(length) : 0
                        if status == U_BUFFER_OVERFLOW_ERROR { capacity = Int(length) + 1 }
                    }
                    if status.rawValue <= 0 {
                        return String(decoding: bytes.lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    }
                    guard status == U_BUFFER_OVERFLOW_ERROR else { return nil }
                }
                return nil
            }
        }
    }
#endif
