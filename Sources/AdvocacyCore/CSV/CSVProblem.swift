/// Why ``CSVReader`` refused a file, carried by ``CoreError/invalidCSV(line:column:problem:)``.
///
/// The reader is strict because a lenient one turns a broken file into wrong
/// data without a word: an unterminated quote silently swallows every row
/// after it into one cell, and a row with a field too many shifts every value
/// after it into the wrong column.
public enum CSVProblem: Equatable, Sendable {
    /// A field opened with `"` is still open at the end of the data.
    case unterminatedQuote
    /// A `"` inside a field that did not start with one, like `say "hi"`.
    case quoteInUnquotedField
    /// Something other than the delimiter or a line end right after a closing quote, like `"a"b`.
    case textAfterClosingQuote
    /// A record with more or fewer fields than the first record (the header).
    case wrongFieldCount(expected: Int, found: Int)
    /// One record is longer than `limit` bytes, which only a quote that is never closed makes happen in practice.
    ///
    /// Only a reader fed in chunks checks this: it keeps the record it is reading in
    /// memory, and must not end up holding a whole multi-gigabyte file in one record.
    case recordTooLong(limit: Int)
    /// A byte that cannot be part of UTF-8 text here (the first one found).
    case invalidUTF8(byte: UInt8)

    /// What is wrong, for a message that already names the line and column.
    public var description: String {
        switch self {
        case .unterminatedQuote: "a quoted field starts here and is never closed"
        case .quoteInUnquotedField: "a \" appears inside a field that does not start with one"
        case .textAfterClosingQuote: "text follows the closing quote of a field"
        case .wrongFieldCount(let expected, let found):
            "this record has \(found) field\(found == 1 ? "" : "s") where the header has \(expected)"
        case .recordTooLong(let limit):
            "a record starting here runs past \(limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"), most likely because a quote opened here is never closed"
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
        case .wrongFieldCount(let expected, _):
            "expected \(expected) field\(expected == 1 ? "" : "s") on every line, like the header; a value holding the delimiter must be in quotes"
        case .recordTooLong:
            "expected each quoted field to end with a \" (a quote inside a quoted field is written twice: \"\")"
        case .invalidUTF8:
            // French Excel's plain "CSV (séparateur : point-virgule)" is Windows-1252, the usual cause.
            "expected UTF-8 text: in Excel, save as \"CSV UTF-8\" rather than plain \"CSV\""
        }
    }
}
