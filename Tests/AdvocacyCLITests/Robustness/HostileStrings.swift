import AdvocacyCore
import AdvocacyPresentation
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI

/// Text meant to break something: SQL, markup, spreadsheets, terminals,
/// Unicode handling, limits.
struct HostileString: Sendable, CustomTestStringConvertible {
    let label: String
    let value: String

    init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }

    var testDescription: String { label }

    static let all: [HostileString] = [
        HostileString("SQL injection", "'); DROP TABLE employee;--"),
        HostileString("SQL in double quotes", "Robert\"); DELETE FROM action; SELECT (\"1"),
        HostileString("script tag", "<script>alert('x')</script>"),
        HostileString("HTML attribute", "\"><img src=x onerror=alert(1)>"),
        HostileString("right-to-left override", "Jane \u{202E}gpj.exe"),
        HostileString("bidi marks in Hebrew", "\u{200F}שלום\u{200E} Dana"),
        HostileString("zero-width characters", "Ze\u{200B}ro\u{200C}Wi\u{200D}dth\u{2060}end"),
        HostileString("leading byte-order mark", "\u{FEFF}Name"),
        HostileString("combining characters", "Ame\u{301}lie Z\u{335}\u{322}\u{31B}a\u{338}l\u{335}g\u{336}o"),
        HostileString("decomposed and composed é", "e\u{301} \u{E9}"),
        HostileString("emoji with skin tone and ZWJ family", "👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇫🇷"),
        HostileString("astral letters and scripts", "𝕳𝖊𝖑𝖑𝖔 漢字 한국어 العربية"),
        HostileString("100 kB", String(repeating: "A", count: 100_000)),
        HostileString("100 kB of é", String(repeating: "\u{E9}", count: 50_000)),
        HostileString("100 kB in one character", "e" + String(repeating: "\u{301}", count: 50_000)),
        HostileString("NUL byte", "nul\u{0}byte"),
        HostileString("formula =", "=HYPERLINK(\"http://evil.example\",\"click\")"),
        HostileString("formula +", "+33 1 23 45 67 89"),
        HostileString("formula -", "-2+3+cmd|' /C calc'!A0"),
        HostileString("formula @", "@SUM(A1:A9)"),
        HostileString("tab then formula", "\t=1+1"),
        HostileString("CR then formula", "\r=1+1"),
        HostileString("negative number", "-12.5"),
        HostileString("tab inside", "a\tb"),
        HostileString("CR LF inside", "line one\r\nline two"),
        HostileString("line and paragraph separators", "a\u{2028}b\u{2029}c"),
        HostileString("ANSI colour", "\u{1B}[31mred\u{1B}[0m"),
        HostileString("OSC window title", "\u{1B}]0;pwned\u{07}"),
        HostileString("C1 CSI", "\u{9B}31mred"),
        HostileString("DEL and backspaces", "abc\u{7F}\u{08}\u{08}x"),
        HostileString("bell", "ding\u{07}"),
        HostileString("quotes and separators", "a,b;c|d\"e'f"),
        HostileString("leading apostrophe", "'quoted"),
        HostileString("format specifiers", "%s%n%x%@ {0} \\(x) ${HOME} $(id) `id`"),
        HostileString("backslash escapes", "C:\\Users\\n\\t\\u001B"),
        HostileString("padded", "   padded   "),
        HostileString("only blanks", " \t "),
        HostileString("noncharacters", "\u{FFFE}\u{FFFF}\u{FFFD}"),
    ]

    /// The strings the normal suite runs: one or two of each kind. `scripts/soak.sh` runs them all.
    static let fast: Set<String> = [
        "SQL injection", "script tag", "right-to-left override", "zero-width characters", "leading byte-order mark",
        "combining characters", "emoji with skin tone and ZWJ family", "100 kB", "NUL byte", "formula =", "tab then formula",
        "negative number", "CR LF inside", "ANSI colour", "C1 CSI", "quotes and separators", "only blanks",
    ]

    /// What a table-driven test runs: the fast ones, or all of them when soaking.
    static let table: [HostileString] = Soak.pick(fast: all.filter { fast.contains($0.label) }, soak: all)

    /// What the programme must do with `value` in a text field of at most `limit` characters.
    enum Outcome: Equatable, CustomStringConvertible {
        /// Kept as this (nil: no value, for an optional field).
        case stored(String?)
        case refused

        var description: String {
            switch self {
            case .stored(let text): text.map { "stored \(Hostile.show($0))" } ?? "stored as no value"
            case .refused: "refused"
            }
        }
    }

    /// The documented rule for one-line text: surrounding blanks trimmed, tabs
    /// and line breaks inside made spaces, and refused when then empty
    /// (unless optional), longer than the limit or holding another control
    /// character; a title or project name also when it holds a control that
    /// reorders text (U+202A–U+202E, U+2066–U+2069), and a person's name
    /// when it holds a bidi control or an invisible character other than the
    /// joiners (U+200C, U+200D) and variation selectors. Anything else is kept byte for byte.
    func outcome(limit: Int, optional: Bool = false, rule: TextField.Rule = .text) -> Outcome {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return optional ? .stored(nil) : .refused }
        if trimmed.count > limit { return .refused }
        let folded = String(trimmed.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        if folded.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .refused }
        let reorders = folded.unicodeScalars.contains {
            (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }
        let hides = folded.unicodeScalars.contains { scalar in
            (scalar.properties.generalCategory == .format || scalar.properties.isDefaultIgnorableCodePoint)
                && ![0x200C, 0x200D].contains(scalar.value) && !(0xFE00...0xFE0F).contains(scalar.value)
        }
        switch rule {
        case .text: return .stored(folded)
        case .title: return reorders ? .refused : .stored(folded)
        case .name: return hides ? .refused : .stored(folded)
        }
    }
}

/// A JSON document as read back, decoded by `JSONDecoder`: Foundation's
/// `JSONSerialization` hands strings over through `NSString`, which drops a
/// leading U+FEFF and so cannot check byte-exactness.
indirect enum JSONValue: Decodable {
    case string(String), number(Double), bool(Bool), null, array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    subscript(key: String) -> JSONValue? { if case .object(let object) = self { object[key] } else { nil } }

    var array: [JSONValue] { if case .array(let items) = self { items } else { [] } }

    var string: String? { if case .string(let text) = self { text } else { nil } }

    var int: Int? { if case .number(let number) = self { Int(exactly: number) } else { nil } }

    /// A text value or null: `.some(nil)` for null, `nil` for anything else.
    var textOrNull: String?? {
        switch self {
        case .string(let text): .some(text)
        case .null: .some(nil)
        default: nil
        }
    }
}

/// Checks shared by the hostile-input tests.
enum Hostile {
    /// Byte-for-byte equality (Swift's `==` on strings is canonical equivalence: `é` == `e\u{301}`).
    static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): a.utf8.elementsEqual(b.utf8)
        default: false
        }
    }

    /// Whether `text` holds `part`, byte for byte.
    static func contains(_ text: String, _ part: String) -> Bool {
        part.isEmpty || Data(text.utf8).range(of: Data(part.utf8)) != nil
    }

    /// A short, visible rendering of a string for failure messages.
    static func show(_ text: String) -> String {
        let scalars = text.unicodeScalars.prefix(60).map { scalar in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
        }.joined()
        return text.unicodeScalars.count > 60 ? "\"\(scalars)…\" (\(text.utf8.count) bytes)" : "\"\(scalars)\""
    }

    /// The raw control characters a terminal would obey (all C0 but LF and tab, DEL, C1) in `text`.
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
        }.map { "U+" + String(format: "%04X", $0.value) }
    }

    /// Problems with a refused command: exactly one line on standard error,
    /// starting `error: `, a non-zero status, nothing on standard output.
    static func refusalProblems(_ result: CLIHarness.Result) -> [String] {
        var problems: [String] = []
        if result.status == 0 { problems.append("exit 0") }
        if ![1, 64, 77].contains(result.status) { problems.append("exit \(result.status)") }
        if result.errorLines.count != 1 {
            problems.append("\(result.errorLines.count) lines on standard error: \(show(result.error))")
        }
        if !result.error.hasPrefix("error: ") {
            problems.append("standard error does not start with 'error: ': \(show(result.error))")
        }
        if !result.output.isEmpty { problems.append("standard output: \(show(result.output))") }
        if result.error.utf8.count > 2_000 { problems.append("an error line of \(result.error.utf8.count) bytes") }
        return problems + outputProblems(result)
    }

    /// Problems any run may have: raw control characters in what it printed as text.
    static func outputProblems(_ result: CLIHarness.Result) -> [String] {
        var problems: [String] = []
        if !rawControls(result.error).isEmpty {
            problems.append("raw control characters on standard error: \(rawControls(result.error))")
        }
        return problems
    }

    /// The rows of a CSV document, header first.
    static func csvRows(_ text: String) throws -> [[String]] {
        var reader = CSVReader(data: Data(text.utf8), delimiter: .comma)
        var rows: [[String]] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// The cell of `column` in the CSV row whose `keyColumn` is `key`.
    static func csvCell(_ text: String, column: String, keyColumn: String, key: String) throws -> String? {
        let rows = try csvRows(text)
        guard let header = rows.first, let index = header.firstIndex(of: column), let keyIndex = header.firstIndex(of: keyColumn)
        else {
            return nil
        }
        return rows.dropFirst().first { $0.count > keyIndex && $0[keyIndex] == key }.map { $0[index] }
    }

    /// How `Table.text()` shows a cell in a column cut at `width`.
    static func cut(_ cell: String, width: Int?) -> String {
        guard let width, TerminalText.width(cell) > width else { return cell }
        return TerminalText.prefix(cell, cells: width - 1) + "…"
    }
}
