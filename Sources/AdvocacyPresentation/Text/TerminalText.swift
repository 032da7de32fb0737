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
}
