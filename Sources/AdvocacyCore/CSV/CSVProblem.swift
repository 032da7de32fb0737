/// Why ``CSVReader`` refused a file, carried by ``CoreError/invalidCSV(line:problem:)``.
///
/// The reader is strict because a lenient one turns a broken file into wrong
/// data without a word: an unterminated quote silently swallows every row
/// after it into one cell.
public enum CSVProblem: Equatable, Sendable {
    /// A field opened with `"` is still open at the end of the data.
    case unterminatedQuote
    /// A `"` inside a field that did not start with one, like `say "hi"`.
    case quoteInUnquotedField
    /// Something other than the delimiter or a line end right after a closing quote, like `"a"b`.
    case textAfterClosingQuote
    /// A carriage return outside quotes that is not part of a CRLF line end.
    case loneCarriageReturn
    /// A byte that cannot be part of UTF-8 text here (the first one found).
    case invalidUTF8(byte: UInt8)

    /// What is wrong, for a message that already names the line.
    public var description: String {
        switch self {
        case .unterminatedQuote: "a quoted field starts on this line and is never closed"
        case .quoteInUnquotedField: "a \" appears inside a field that does not start with one"
        case .textAfterClosingQuote: "text follows the closing quote of a field"
        case .loneCarriageReturn: "a carriage return (CR) outside quotes is not followed by a line feed"
        case .invalidUTF8(let byte): "byte 0x\(String(byte, radix: 16, uppercase: true)) is not valid UTF-8 here"
        }
    }

    /// What a valid file looks like instead.
    public var expectation: String {
        switch self {
        case .unterminatedQuote:
            "expected a closing \" (a quote inside a quoted field is written twice: \"\")"
        case .quoteInUnquotedField:
            "expected the whole field in quotes with the inner quote doubled, like \"say \"\"hi\"\"\""
        case .textAfterClosingQuote:
            "expected the delimiter or the end of the line right after a closing quote (a quote inside a quoted field is written twice: \"\")"
        case .loneCarriageReturn:
            "expected lines ending in CRLF or LF; a value holding a line break must be in quotes"
        case .invalidUTF8:
            // French Excel's plain "CSV (séparateur : point-virgule)" is Windows-1252, the usual cause.
            "expected UTF-8 text: in Excel, save as \"CSV UTF-8\" rather than plain \"CSV\""
        }
    }
}
