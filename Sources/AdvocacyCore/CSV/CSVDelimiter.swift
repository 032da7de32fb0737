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

    /// The delimiter a header line uses: whichever of `,` `;` and tab appears
    /// most often in it outside quotes, or `,` when none does or two appear equally often.
    ///
    /// Only the header is looked at, up to its first line end outside quotes,
    /// because its names rarely hold a delimiter, whereas data (amounts with a
    /// decimal comma, titles) often does. `,` is the fallback because a file of
    /// one column has no delimiter at all, and RFC 4180 says `,`. `|` is never
    /// guessed: a file using it is rare enough to be named explicitly.
    ///
    /// `nom;équipe;montant` is `;`, `name,"team; unit",amount` is `,`.
    public static func detect(inHeader header: some Sequence<UInt8>) -> CSVDelimiter {
        var tally = HeaderTally()
        for byte in header where !tally.add(byte) { break }
        return tally.winner
    }

    /// How the delimiter is named in messages and help: `,` `;` `|` or `tab`.
    public var description: String { self == .tab ? "tab" : String(UnicodeScalar(byte)) }
}

/// Counts the candidate delimiters of a header line, byte by byte, for ``CSVDelimiter/detect(inHeader:)``
/// and for ``CSVReader``, which has to know whether the line ended within the bytes it has.
struct HeaderTally {
    private var commas = 0, semicolons = 0, tabs = 0
    private var quoted = false

    /// Counts `byte`; `false` once it is a line end outside quotes, where the header stops.
    ///
    /// A `""` inside quotes toggles twice, which leaves it inside: no need to look ahead.
    mutating func add(_ byte: UInt8) -> Bool {
        switch byte {
        case CSVByte.quote: quoted.toggle()
        case _ where quoted: break
        case CSVByte.lf, CSVByte.cr: return false
        case UInt8(ascii: ","): commas += 1
        case UInt8(ascii: ";"): semicolons += 1
        case CSVByte.tab: tabs += 1
        default: break
        }
        return true
    }

    /// The most frequent candidate, `,` on a tie or when none was seen.
    var winner: CSVDelimiter {
        if semicolons > commas && semicolons > tabs { return .semicolon }
        if tabs > commas && tabs > semicolons { return .tab }
        return .comma
    }
}
