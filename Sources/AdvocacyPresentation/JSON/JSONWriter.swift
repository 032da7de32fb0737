import AdvocacyCore

/// Pretty JSON written straight to bytes, laid out exactly as
/// ``JSONOutput/encoder()`` lays it out (two-space indents,
/// `"key" : value`, an empty array or object on three lines, numbers as
/// Swift prints them without a trailing `.0`), with control characters made
/// visible as ``TerminalText`` makes them.
///
/// For `rank` only, where it was measured to matter: a ranking of 50,000
/// people is 23 MB of JSON, and Foundation's `JSONEncoder` (every value boxed
/// in a tree, every object's keys sorted as strings, the whole document in
/// memory, then scanned again for control characters) took a third of a
/// ranking. Every other command encodes one `Encodable` value. The caller
/// writes each object's keys in sorted order, as `.sortedKeys` would; the
/// writer's tests check its layout against literal documents and the
/// encoder's, and a golden file locks the ranking's shape (`GoldenJSONTests`).
///
/// Public so that a front end can write its own ``JSONWritable`` values, and
/// hand a long document on in pieces as it is written.
public struct JSONWriter {
    /// What is written and not yet handed on: the whole document when there is no `handOn`.
    public private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the container being written has no member yet.
    private var isEmpty = true

    private let handOn: (([UInt8]) -> Void)?

    /// `handOn` receives the bytes written so far whenever they fill a
    /// piece (``OutputPiece``), so a long list goes out in pieces; without
    /// it, ``bytes`` holds the whole document.
    public init(handOn: (([UInt8]) -> Void)? = nil) {
        self.handOn = handOn
        bytes.reserveCapacity(handOn == nil ? 4096 : OutputPiece.bytes + 4096)
    }

    /// Writes an object; `body` writes its members with ``key(_:)`` then a value.
    public mutating func object(_ body: (inout JSONWriter) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// Writes an array of `elements`, each written by `element`.
    public mutating func array<Elements: Sequence>(
        _ elements: Elements, _ element: (inout JSONWriter, Elements.Element) throws -> Void
    ) rethrows {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { writer in
            for item in elements {
                writer.startMember()
                try element(&writer, item)
                if let handOn = writer.handOn { OutputPiece.handOnIfFull(&writer.bytes, to: handOn) }
            }
        }
    }

    /// Starts a member of the object being written: the value comes next.
    public mutating func key(_ name: StaticString) {
        startMember()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: #"" : "#.utf8)
    }

    /// A member holding a single value: ``key(_:)`` then the value.
    public mutating func field(_ name: StaticString, _ text: String?) {
        key(name)
        value(text)
    }

    /// A member holding a whole number, or `null`.
    public mutating func field(_ name: StaticString, _ number: Int?) {
        key(name)
        value(number)
    }

    /// A member holding a number as ``value(_:)-(Double?)`` writes it, or `null`.
    public mutating func field(_ name: StaticString, _ number: Double?) {
        key(name)
        value(number)
    }

    /// A member holding `true` or `false`.
    public mutating func field(_ name: StaticString, _ flag: Bool) {
        key(name)
        value(flag)
    }

    /// A string escaped as `JSONEncoder` escapes it, then DEL and C1 controls as
    /// ``TerminalText`` shows them; `null` when absent.
    public mutating func value(_ text: String?) {
        guard var text else { return null() }
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            var previous: UInt8 = 0
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
                case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
                case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
                case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
                case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
                case ..<0x20: escape(UInt32(byte), uppercase: false)
                // DEL and C1 controls (0xC2 0x80–0x9F): JSONEncoder leaves them, TerminalText escapes them.
                case 0x7F: escape(0x7F, uppercase: true)
                case 0x80...0x9F where previous == 0xC2:
                    bytes.removeLast()
                    escape(UInt32(byte), uppercase: true)
                default: bytes.append(byte)
                }
                previous = byte
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A whole number, or `null`.
    public mutating func value(_ number: Int?) {
        guard let number else { return null() }
        bytes.append(contentsOf: String(number).utf8)
    }

    /// A number that is not finite (scoring makes none) is written `null`:
    /// JSON has no NaN or infinity, and the document stays valid.
    public mutating func value(_ number: Double?) {
        guard let number, number.isFinite else { return null() }
        let text = number.description
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }

    /// `true` or `false`.
    public mutating func value(_ flag: Bool) {
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    /// `null`: an absent value, written so every object of a kind has the same keys.
    public mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    /// `\u` and four hex digits: lower case as JSONEncoder writes C0
    /// controls, upper case as TerminalText writes the others.
    private mutating func escape(_ scalar: UInt32, uppercase: Bool) {
        let digits = Array((uppercase ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        bytes.append(contentsOf: #"\u00"#.utf8)
        bytes.append(digits[Int(scalar >> 4)])
        bytes.append(digits[Int(scalar & 0xF)])
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) throws -> Void) rethrows {
        bytes.append(open)
        depth += 1
        isEmpty = true
        try body(&self)
        depth -= 1
        bytes.append(contentsOf: isEmpty ? "\n\n".utf8 : "\n".utf8)
        indent()
        bytes.append(close)
        isEmpty = false
    }

    private mutating func startMember() {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        indent()
        isEmpty = false
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}
