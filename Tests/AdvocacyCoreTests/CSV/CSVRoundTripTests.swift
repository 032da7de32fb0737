import AdvocacyCore
import Foundation
import Testing

/// Writer then reader: what comes back is what was written, except that a
/// formula comes back as text (`'` in front), which is the point.
@Suite("CSV round trip")
struct CSVRoundTripTests {
    static let writers = [
        CSVWriter(), CSVWriter(byteOrderMark: true), CSVWriter(delimiter: .semicolon),
        CSVWriter(delimiter: .semicolon, byteOrderMark: true),
    ]

    /// Each hard cell and what a reader gets back.
    static let hardCells: [(String, String)] = [
        // Quoting.
        ("say \"hi\"", "say \"hi\""), ("\"", "\""), ("\"\"", "\"\""), ("a,b", "a,b"), ("a;b", "a;b"), ("a\tb", "a\tb"),
        ("two\nlines", "two\nlines"), ("two\r\nlines", "two\r\nlines"), ("lone\rCR", "lone\rCR"), ("end\n", "end\n"),
        // Formulas come back as text; negative numbers as they were.
        ("=1+1", "'=1+1"), ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"), ("+33", "'+33"), ("-x", "'-x"),
        ("@bob", "'@bob"), ("\tindent", "'\tindent"), ("\rstart", "'\rstart"), ("-12", "-12"), ("-0.3", "-0.3"),
        // Text that needs nothing, and bytes that must survive unchanged.
        ("Élodie, François; Œuvre", "Élodie, François; Œuvre"), ("e\u{301}", "e\u{301}"), ("👩🏽‍💻", "👩🏽‍💻"), ("", ""),
        (" ", " "), ("  spaced  ", "  spaced  "), ("'", "'"), ("\u{FEFF}mark", "\u{FEFF}mark"),
    ]

    /// UTF-8 bytes, because `String ==` calls `é` and `e\u{301}` equal and a round trip must keep the bytes.
    static func bytes(_ rows: [[String]]) -> [[[UInt8]]] { rows.map { $0.map { Array($0.utf8) } } }

    @Test(arguments: hardCells, writers)
    func aHardCellComesBackAnywhereInARecord(cell: (String, String), writer: CSVWriter) throws {
        let (written, read) = cell
        let text = writer.document(
            header: ["before", "cell", "after"], rows: [["x", written, "y"], [written, written, written]])
        #expect(text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) == writer.byteOrderMark)
        let records = try CSVReader.records(in: Data(text.utf8), delimiter: writer.delimiter)
        #expect(Self.bytes(records) == Self.bytes([["before", "cell", "after"], ["x", read, "y"], [read, read, read]]))
        // Alone on its line too, where an empty cell must not become a blank line.
        let column = writer.document(header: ["cell"], rows: [[written], ["x"], [written]])
        let cells = try CSVReader.records(in: Data(column.utf8), delimiter: writer.delimiter)
        #expect(Self.bytes(cells) == Self.bytes([["cell"], [read], ["x"], [read]]))
    }

    @Test(arguments: writers)
    func allHardCellsInOneRecord(writer: CSVWriter) throws {
        let text = writer.document(header: Self.hardCells.map(\.0), rows: [Self.hardCells.map(\.0)])
        let records = try CSVReader.records(in: Data(text.utf8), delimiter: writer.delimiter)
        #expect(Self.bytes(records) == Self.bytes([Self.hardCells.map(\.1), Self.hardCells.map(\.1)]))
    }

    /// Random documents over an alphabet of the characters that break CSV, read
    /// back both at once and record by record.
    @Test func randomDocumentsSurviveTheRoundTrip() throws {
        let alphabet = [
            "\"", ",", ";", "|", "\t", "\n", "\r", "\r\n", "=", "+", "-", "@", "'", " ", "é", "e\u{301}", "ç", "Œ", "👩🏽‍💻",
            "\u{FEFF}",
            "a", "Z", "1", "0", ".",
        ]
        let delimiters: [CSVDelimiter] = [.comma, .semicolon, .tab, .pipe]
        var random = SeededGenerator(seed: 4180)
        for _ in 0..<500 {
            let writer = CSVWriter(delimiter: random.pick(delimiters), byteOrderMark: random.chance(0.5))
            let columns = random.int(in: 1...5)
            // The header is random too, so a hard cell also comes first in the file.
            // Every row as wide as the header: the reader refuses any other width.
            let rows = (0..<random.int(in: 1...6)).map { _ in
                (0..<columns).map { _ in
                    (0..<random.int(in: 0...7)).map { _ in random.pick(alphabet) }.joined()
                }
            }
            let data = Data(writer.document(header: rows[0], rows: Array(rows.dropFirst())).utf8)
            let expected = Self.bytes(rows.map { $0.map(CSVWriter.neutralised) })

            let all = try CSVReader.records(in: data, delimiter: writer.delimiter)
            #expect(Self.bytes(all) == expected, "\(rows) with \(writer.delimiter)")
            var reader = CSVReader(data: data, delimiter: writer.delimiter)
            var streamed: [[String]] = []
            while let record = try reader.next() { streamed.append(record) }
            #expect(Self.bytes(streamed) == expected)
        }
    }
}

extension CSVWriter: CustomTestStringConvertible {
    public var testDescription: String { "\(delimiter)\(byteOrderMark ? " + BOM" : "")" }
}
