/// Characters that change how text looks, or whether two texts look the
/// same, without being seen themselves: bidirectional controls and invisible
/// format characters.
public enum HiddenCharacter {
    /// The controls that reorder a whole run of text: embeddings and overrides
    /// (U+202A–U+202E) and isolates (U+2066–U+2069). "Jane U+202E gpj.exe"
    /// displays as "Jane exe.jpg".
    public static func isReordering(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Every bidirectional control: the reordering ones and the marks
    /// (U+200E, U+200F, U+061C), which move neutral characters such as
    /// punctuation and digits from one side of a word to the other.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        isReordering(scalar) || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }

    /// Whether `scalar` shows nothing: a format character (Unicode category
    /// Cf: U+200B, U+2060, U+FEFF, the bidi controls…) or another default
    /// ignorable code point (the Hangul fillers, U+034F, the variation
    /// selectors), which a renderer draws as nothing.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        // Every one is above U+00AC (the soft hyphen, U+00AD, is the first).
        scalar.value > 0xAC && (scalar.properties.generalCategory == .format || scalar.properties.isDefaultIgnorableCodePoint)
    }

    /// The invisible characters a name may hold, because writing needs them:
    /// the zero-width non-joiner and joiner (U+200C, U+200D), without which
    /// Persian and the Indic scripts are spelt wrong (and emoji sequences
    /// break); the variation selectors, which pick a glyph for the visible
    /// character before them (an emoji or a Han ideograph); and Mongolian's
    /// free variation selectors. None of them hides a letter or reorders text.
    public static func isNeededInNames(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D, 0x180B...0x180D, 0x180F, 0xFE00...0xFE0F, 0xE0100...0xE01EF: true
        default: false
        }
    }

    /// The first character of `text` a name may not hold: a bidi control or
    /// an invisible character other than those ``isNeededInNames(_:)``.
    public static func firstRefusedInName(_ text: String) -> Unicode.Scalar? {
        // Names are mostly ASCII, which holds none of them.
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        return text.unicodeScalars.first { isInvisible($0) && !isNeededInNames($0) }
    }

    /// The first reordering bidi control in `text` (see ``isReordering(_:)``).
    public static func firstReordering(_ text: String) -> Unicode.Scalar? {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        return text.unicodeScalars.first(where: isReordering)
    }

    /// `text` with each invisible character written as `<U+200B>`, so that a
    /// message quoting it shows what is there (and a U+202E in it does not
    /// turn the rest of the message around).
    public static func shown(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) { result += "<\(codePoint(scalar.value))>" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// `U+200B`.
    public static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
