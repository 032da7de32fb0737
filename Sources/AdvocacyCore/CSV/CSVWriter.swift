/// Writes CSV that spreadsheets open as columns and never run as formulas.
///
/// RFC 4180: records end in CRLF; a field holding the delimiter, a quote, CR
/// or LF is enclosed in `"` with inner quotes doubled, and so is a record's
/// only cell when it is empty, which would otherwise be a blank line. Before quoting, a cell
/// that a spreadsheet would evaluate (first byte `=`, `+`, `-`, `@`, tab or
/// CR) is prefixed with `'` (see ``neutralised(_:)``), because exported names
/// and titles are typed by staff and an export must not be a way to run
/// `=HYPERLINK(...)` in HR's spreadsheet.
///
/// A French-locale Excel splits columns on `;` and reads a file as UTF-8 only
/// when it starts with a byte-order mark, so the HR export uses
/// `CSVWriter(delimiter: .semicolon, byteOrderMark: true)`.
public struct CSVWriter: Sendable {
    /// The byte between fields.
    public let delimiter: CSVDelimiter
    /// Whether ``document(header:rows:)`` starts with the UTF-8 byte-order mark.
    public let byteOrderMark: Bool

    /// A writer for `delimiter`, adding the UTF-8 byte-order mark to whole documents when asked.
    public init(delimiter: CSVDelimiter = .comma, byteOrderMark: Bool = false) {
        self.delimiter = delimiter
        self.byteOrderMark = byteOrderMark
    }

    /// What goes before the first record: the byte-order mark when asked, else nothing.
    ///
    /// For callers that write records one by one with ``line(_:)``.
    public var preamble: String { byteOrderMark ? "\u{FEFF}" : "" }

    /// One record: the cells neutralised, quoted where needed, joined by the delimiter, ending in CRLF.
    public func line(_ cells: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cells.reduce(2) { $0 + $1.utf8.count + 1 })
        append(cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A whole file: the byte-order mark when asked, the header record, then one record per row.
    public func document(header: [String], rows: [[String]]) -> String {
        var bytes: [UInt8] = byteOrderMark ? CSVByte.byteOrderMark : []
        append(header, to: &bytes)
        for row in rows { append(row, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One cell as it appears in a record: neutralised and, where needed, quoted.
    public func field(_ cell: String) -> String {
        var bytes: [UInt8] = []
        append(field: cell, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The formula guard alone: `cell` with `'` in front when a spreadsheet would
    /// evaluate it, else unchanged.
    ///
    /// A plain negative number such as `-12` or `-0.3` is left alone: it is data,
    /// and a spreadsheet reads it as a number, not as a formula.
    public static func neutralised(_ cell: String) -> String {
        needsGuard(cell.utf8) ? "'" + cell : cell
    }

    /// Appends one record's bytes, CRLF included, to `output`.
    ///
    /// A record of one empty cell is written `""`: as an empty line, readers
    /// (``CSVReader`` among them) would skip it as a blank line.
    public func append(_ cells: [String], to output: inout [UInt8]) {
        if cells.count == 1 && cells[0].isEmpty {
            output.append(contentsOf: [CSVByte.quote, CSVByte.quote, CSVByte.cr, CSVByte.lf])
            return
        }
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.append(delimiter.byte) }
            append(field: cell, to: &output)
        }
        output.append(CSVByte.cr)
        output.append(CSVByte.lf)
    }

    private func append(field cell: String, to output: inout [UInt8]) {
        // Bytes, not Characters: every cell of every export passes here.
        let utf8 = cell.utf8
        let guarded = Self.needsGuard(utf8)
        let delimiter = delimiter.byte
        // A cell starting with U+FEFF is quoted too: first in a file without a
        // byte-order mark, readers would take it for one and drop it.
        let quoted =
            utf8.contains { $0 == delimiter || $0 == CSVByte.quote || $0 == CSVByte.cr || $0 == CSVByte.lf }
            || (utf8.first == 0xEF && utf8.starts(with: CSVByte.byteOrderMark))
        if !guarded && !quoted {
            output.append(contentsOf: utf8)
            return
        }
        if quoted { output.append(CSVByte.quote) }
        if guarded { output.append(CSVByte.apostrophe) }
        if quoted {
            for byte in utf8 {
                if byte == CSVByte.quote { output.append(CSVByte.quote) }
                output.append(byte)
            }
            output.append(CSVByte.quote)
        } else {
            output.append(contentsOf: utf8)
        }
    }

    /// Whether a spreadsheet would evaluate the cell: it starts with `=`, `+`,
    /// `-`, `@`, tab or CR and is not a plain negative number.
    private static func needsGuard(_ utf8: String.UTF8View) -> Bool {
        guard let first = utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), CSVByte.tab, CSVByte.cr: return true
        case UInt8(ascii: "-"): return !isNegativeNumber(utf8)
        default: return false
        }
    }

    /// `-` followed by at least one digit or `.` and nothing else, like `-12` or `-0.3`.
    private static func isNegativeNumber(_ utf8: String.UTF8View) -> Bool {
        utf8.count > 1
            && utf8.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") }
    }
}

/// The ASCII bytes CSV is made of.
enum CSVByte {
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let tab = UInt8(ascii: "\t")
    /// U+FEFF in UTF-8: at the start of a file it says the file is UTF-8.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}
