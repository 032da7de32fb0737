/// Text made safe to show: control characters a terminal would obey are
/// written as visible escapes instead.
///
/// Names, titles and notes come from staff, imports and feeds, and error
/// messages quote what was typed. Printed raw, an ESC could recolour or clear
/// the screen, set the window title or (on some terminals) answer back as
/// typed input; a CR or backspace could hide what precedes it. So every
/// C0 control but line feed and tab, DEL and every C1 control is written as
/// `\u001B` (the form JSON uses, so JSON printed this way still parses to the
/// same strings). CSV is written without this: a cell keeps its bytes.
/// Bidi controls are not escaped here: names and titles refuse the
/// reordering ones when they are typed or imported (``CoreError``'s hidden
/// character checks), and Hebrew or Arabic text needs its marks.
///
/// Shared by every front end, so the CLI and the server show the same words:
/// an explanation's review note, and JSON printed as the CLI prints it
/// (``JSONOutput``), go through it.
public enum TerminalText {
    /// `text` with control characters other than line feed and tab written as `\uXXXX`.
    public static func visible(_ text: String) -> String {
        escaping(text) { $0 != 0x0A && $0 != 0x09 }
    }

    /// `text` as one line: line feeds and tabs are escaped too.
    public static func oneLine(_ text: String) -> String {
        escaping(text) { _ in true }
    }

    private static func escaping(_ text: String, _ shouldEscape: (UInt32) -> Bool) -> String {
        // Nearly every line holds no control character: check the bytes once.
        guard containsControl(text.utf8, shouldEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar.value) && shouldEscape(scalar.value) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "\\u\(String(repeating: "0", count: 4 - hex.count))\(hex)".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// C0 controls, DEL and C1 controls (U+0080–U+009F).
    private static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }

    private static func containsControl(_ bytes: String.UTF8View, _ shouldEscape: (UInt32) -> Bool) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            // A C1 control is 0xC2 followed by 0x80–0x9F in UTF-8.
            if (byte < 0x20 || byte == 0x7F) && shouldEscape(UInt32(byte)) { return true }
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            previous = byte
        }
        return false
    }

    /// How many terminal cells `text` takes: 2 for a wide character (CJK,
    /// fullwidth forms, emoji shown as pictures), 0 for one made only of
    /// combining marks and format characters, 1 otherwise. What tables and
    /// wrapped lines measure, so that a LinkedIn title with an emoji does
    /// not push a column out of line.
    public static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// The longest start of `text` that takes at most `cells` cells.
    public static func prefix(_ text: String, cells: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let next = width(of: text[index])
            if used + next > cells { break }
            used += next
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.allSatisfy({ [.nonspacingMark, .enclosingMark, .format].contains($0.properties.generalCategory) }) {
            return 0
        }
        if first.properties.isEmojiPresentation || (scalars.count > 1 && first.properties.isEmoji && scalars.contains("\u{FE0F}"))
            || isWide(first.value)
        {
            return 2
        }
        return 1
    }

    /// East Asian wide and fullwidth ranges (Hangul, CJK, kana, fullwidth forms).
    private static func isWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
    }
}
