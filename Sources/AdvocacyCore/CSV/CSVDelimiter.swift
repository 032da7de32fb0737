/// The byte that separates the fields of a CSV record.
///
/// A value of this type is always one that both ``CSVWriter`` and ``CSVReader``
/// can use (one ASCII byte, never a quote or a line break), so neither has to
/// check it again. People choose one with ``init(parsing:)``; code uses the
/// constants.
public struct CSVDelimiter: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The delimiter's single ASCII byte.
    public let byte: UInt8

    private init(byte: UInt8) { self.byte = byte }

    /// `,`: RFC 4180, and what English-locale spreadsheets expect.
    public static let comma = CSVDelimiter(byte: UInt8(ascii: ","))
    /// `;`: what a French-locale Excel expects, because `,` is the decimal separator there.
    public static let semicolon = CSVDelimiter(byte: UInt8(ascii: ";"))
    /// A tab (TSV).
    public static let tab = CSVDelimiter(byte: UInt8(ascii: "\t"))
    /// `|`.
    public static let pipe = CSVDelimiter(byte: UInt8(ascii: "|"))

    /// The delimiters people may choose, by the names they may type.
    ///
    /// A short list on purpose: any other byte (a letter, a space, a digit) is
    /// far more likely a typo than a file format someone needs.
    private static let names: [String: CSVDelimiter] = [
        ",": .comma, "comma": .comma,
        ";": .semicolon, "semicolon": .semicolon,
        "\t": .tab, "\\t": .tab, "tab": .tab,
        "|": .pipe, "pipe": .pipe,
    ]

    /// Reads a delimiter as typed on a command line: `,` `;` `|`, a tab
    /// character, `\t` or `tab` (or the names `comma`, `semicolon`, `pipe`).
    ///
    /// - Throws: ``CoreError/invalidDelimiter(_:)`` naming the text.
    public init(parsing text: String) throws {
        // `\t` and `tab` are how a tab can be typed at all in most shells.
        guard let known = Self.names[text] ?? Self.names[text.lowercased()] else {
            throw CoreError.invalidDelimiter(text)
        }
        self = known
    }

    /// How the delimiter is named in messages and help: `,` `;` `|` or `tab`.
    public var description: String { self == .tab ? "tab" : String(UnicodeScalar(byte)) }
}
