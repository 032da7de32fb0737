import AdvocacyCore
import Foundation
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    private static func read(_ text: String, _ delimiter: CSVDelimiter? = nil) throws -> [[String]] {
        try CSVReader.records(in: Data(text.utf8), delimiter: delimiter)
    }

    @Test(arguments: [
        "a,b\r\nc,d\r\n", "a,b\nc,d\n", "a,b\r\nc,d", "a,b\nc,d", "a,b\r\nc,d\n", "\u{FEFF}a,b\r\nc,d\r\n", "\u{FEFF}a,b\nc,d",
        "\"a\",b\r\nc,\"d\"", "\"a\",\"b\"\n\"c\",\"d\"\n",
        // CR alone, as old Mac spreadsheets write, alone or mixed with the others.
        "a,b\rc,d\r", "a,b\rc,d", "\u{FEFF}a,b\rc,d\r\n", "\"a\",b\r\"c\",\"d\"\r", "a,b\r\r\nc,d\n\r",
    ])
    func lineEndsAndTheByteOrderMarkAreAccepted(text: String) throws {
        #expect(try Self.read(text) == [["a", "b"], ["c", "d"]])
    }

    @Test(arguments: [
        ("", [[String]]()), ("\u{FEFF}", []), ("a,\n", [["a", ""]]), (",", [["", ""]]), ("\"\"", [[""]]),
        ("\"\",\"\"\r\n", [["", ""]]), ("\"\"\"\"", [["\""]]),
        ("\"a,b\",\"say \"\"hi\"\"\"", [["a,b", "say \"hi\""]]), ("\"two\r\nlines\",x\r\n", [["two\r\nlines", "x"]]),
        ("\"lone\rCR\"", [["lone\rCR"]]), (" a , b ", [[" a ", " b "]]), ("'=1+1,-12", [["'=1+1", "-12"]]),
        // A mark further in is text, not a mark.
        ("a\n\u{FEFF}b", [["a"], ["\u{FEFF}b"]]), ("\u{FEFF}\u{FEFF}x", [["\u{FEFF}x"]]),
        // Blank lines are skipped wherever they are; a quoted empty field is not blank.
        ("\n", []), ("\r\n\r\n", []), ("\u{FEFF}\n", []), ("a\n\nb\n", [["a"], ["b"]]),
        ("\n\r\n\ra\r\r\n\nb\n\n", [["a"], ["b"]]),
        ("a\n\"\"\n\nb", [["a"], [""], ["b"]]), ("a\n\"\n\"", [["a"], ["\n"]]),
    ])
    func fieldsAreReadAsWritten(text: String, expected: [[String]]) throws {
        #expect(try Self.read(text) == expected)
    }

    @Test func theDelimiterIsTheCallersOrTheHeaders() throws {
        #expect(try Self.read("a,b;\"c;d\"\r\n", .semicolon) == [["a,b", "c;d"]])
        #expect(try Self.read("a b\tc,d\n", .tab) == [["a b", "c,d"]])
        #expect(try Self.read("x|\"|\"", .pipe) == [["x", "|"]])
        #expect(try Self.read("nom;montant\nZoé;1,5\n") == [["nom", "montant"], ["Zoé", "1,5"]])
        #expect(try Self.read("name\tteam\nJo\tA,B\n") == [["name", "team"], ["Jo", "A,B"]])
        // One column has no delimiter to detect: a decimal comma in it needs the delimiter named.
        #expect(throws: CoreError.invalidCSV(line: 2, column: 3, problem: .wrongFieldCount(expected: 1, found: 2))) {
            try Self.read("amount\n1,5\n")
        }
        #expect(try Self.read("amount\n1,5\n", .semicolon) == [["amount"], ["1,5"]])
    }

    @Test func theDetectedDelimiterIsKnownOnceTheHeaderIsRead() throws {
        var reader = CSVReader(data: Data("\n\nnom;\"a,b,c\"\n1;2\n".utf8))
        #expect(reader.delimiter == nil)
        #expect(try reader.next() == ["nom", "a,b,c"])
        #expect(reader.delimiter == .semicolon)
        #expect(try reader.next() == ["1", "2"])
        #expect(CSVReader(data: Data(), delimiter: .pipe).delimiter == .pipe)
    }

    @Test func theLineOfEachRecordCountsLineBreaksInsideQuotesAndBlankLines() throws {
        var reader = CSVReader(data: Data("h1,h2\n\"multi\r\nline\",x\r\nnext,y\n\nlast,z\r\"cr\rx\",w\r\r\nend,v".utf8))
        var seen: [(Int, [String])] = []
        #expect(reader.line == 0)
        while let record = try reader.next() { seen.append((reader.line, record)) }
        #expect(seen.map(\.0) == [1, 2, 4, 6, 7, 10])
        #expect(
            seen.map(\.1) == [
                ["h1", "h2"], ["multi\r\nline", "x"], ["next", "y"], ["last", "z"], ["cr\rx", "w"], ["end", "v"],
            ])
        #expect(try reader.next() == nil)
    }

    @Test func bytesReadCountsTheRecordsReturned() throws {
        let data = Data("\u{FEFF}a,b\r\n\r\nc,d\n\n".utf8)
        var reader = CSVReader(data: data)
        #expect(reader.bytesRead == 0)
        _ = try reader.next()
        #expect(reader.bytesRead == 8)
        _ = try reader.next()
        #expect(reader.bytesRead == 14)
        #expect(try reader.next() == nil)
        #expect(reader.bytesRead == data.count)
    }

    @Test(arguments: [
        ("a,b\n\"open,c\nd\n", 2, 1, CSVProblem.unterminatedQuote), ("a,b\nc,\"x\ny\nz", 2, 3, .unterminatedQuote),
        ("\"", 1, 1, .unterminatedQuote), ("a\n\"x\"\"\n", 2, 1, .unterminatedQuote), ("a\r\"x\r", 2, 1, .unterminatedQuote),
        ("a,b\nsay \"hi\",c\n", 2, 5, .quoteInUnquotedField), ("a\"", 1, 2, .quoteInUnquotedField),
        (" \"a\",b", 1, 2, .quoteInUnquotedField), ("a\rb\"\r", 2, 2, .quoteInUnquotedField),
        ("\"a\"b,c\n", 1, 4, .textAfterClosingQuote), ("x\n\"a\" ,c\n", 2, 4, .textAfterClosingQuote),
        ("\"multi\nline\"x", 2, 6, .textAfterClosingQuote), ("\"multi\rline\"x", 2, 6, .textAfterClosingQuote),
        // Columns count Unicode scalars: 👩🏽‍💻 is four of them, é one, and the byte-order mark none.
        ("👩🏽‍💻,\"x\"y", 1, 9, .textAfterClosingQuote), ("é,\"x\"y", 1, 6, .textAfterClosingQuote),
        ("\u{FEFF}a\"", 1, 2, .quoteInUnquotedField),
        // Too few fields: the end of the line; too many: the first extra field.
        ("a,b,c\n1,2\n", 2, 4, .wrongFieldCount(expected: 3, found: 2)),
        ("a,b\n1", 2, 2, .wrongFieldCount(expected: 2, found: 1)),
        ("a,b\n\"\"\n", 2, 3, .wrongFieldCount(expected: 2, found: 1)),
        ("a,b\r1,2\r1,2,3,4\r", 3, 5, .wrongFieldCount(expected: 2, found: 4)),
        ("a,b\n1,\"x\ny\",3\n", 3, 4, .wrongFieldCount(expected: 2, found: 3)),
        ("é,b\nà,ü,\"x\"", 2, 5, .wrongFieldCount(expected: 2, found: 3)),
        ("nom;montant\n1;2;3,5\n", 2, 5, .wrongFieldCount(expected: 2, found: 3)),
        ("a\nb,c\n", 2, 3, .wrongFieldCount(expected: 1, found: 2)),
        ("a,b,c\n1,\"2\n3\"\n", 3, 3, .wrongFieldCount(expected: 3, found: 2)),
    ])
    func brokenFilesAreRefusedWithTheirLineAndColumn(text: String, line: Int, column: Int, problem: CSVProblem) {
        #expect(throws: CoreError.invalidCSV(line: line, column: column, problem: problem)) { try Self.read(text) }
    }

    @Test(arguments: [
        // "José" as Windows-1252, the plain "CSV" a French Excel saves.
        (Array("nom\nJos".utf8) + [0xE9] + Array("\n".utf8), 2, 4, UInt8(0xE9)),
        // Inside a quoted field that started on line 1, on its third line.
        (Array("\"x\ny\r\nz".utf8) + [0xE7] + Array("a\",b".utf8), 3, 2, 0xE7),
        (Array("\"x\ry".utf8) + [0xE9] + Array("\"".utf8), 2, 2, 0xE9),
        // A UTF-16 file, an overlong encoding, a truncated emoji, a lone continuation byte.
        ([0xFF, 0xFE, 0x61, 0x00], 1, 1, 0xFF), ([0x61, 0xC0, 0xAF], 1, 2, 0xC0), ([0x61, 0x2C, 0xF0, 0x9F, 0x91], 1, 3, 0xF0),
        (Array("ok\n\"a\"\"".utf8) + [0x80] + Array("\"".utf8), 2, 5, 0x80),
        (Array("é,ü\nà,".utf8) + [0xE0] + Array("\n".utf8), 2, 3, 0xE0),
    ])
    func bytesThatAreNotUTF8AreRefusedWithTheirLineAndColumn(bytes: [UInt8], line: Int, column: Int, byte: UInt8) {
        #expect(throws: CoreError.invalidCSV(line: line, column: column, problem: .invalidUTF8(byte: byte))) {
            try CSVReader.records(in: Data(bytes))
        }
    }

    @Test func messagesNameTheLineAndColumnAndSayWhatToDo() {
        #expect(
            CoreError.invalidCSV(line: 2, column: 5, problem: .unterminatedQuote).localizedDescription
                == "CSV line 2, column 5: a quoted field starts here and is never closed: expected a closing \" (a quote inside a quoted field is written twice: \"\")"
        )
        #expect(
            CoreError.invalidCSV(line: 7, column: 1, problem: .invalidUTF8(byte: 0xE9)).localizedDescription
                == "CSV line 7, column 1: byte 0xE9 is not valid UTF-8 here: expected UTF-8 text: in Excel, save as \"CSV UTF-8\" rather than plain \"CSV\""
        )
        #expect(
            CoreError.invalidCSV(line: 12, column: 7, problem: .wrongFieldCount(expected: 3, found: 4)).localizedDescription
                == "CSV line 12, column 7: this record has 4 fields where the header has 3: expected 3 fields on every line, like the header; a value holding the delimiter must be in quotes"
        )
        #expect(
            CoreError.invalidCSV(line: 3, column: 9, problem: .recordTooLong(limit: 16 << 20)).localizedDescription
                == "CSV line 3, column 9: a record starting here runs past 16 MiB, most likely because a quote opened here is never closed: expected each quoted field to end with a \" (a quote inside a quoted field is written twice: \"\")"
        )
        #expect(CSVProblem.wrongFieldCount(expected: 1, found: 2).expectation.hasPrefix("expected 1 field on every line"))
    }

    @Test func afterAnErrorTheReaderKeepsRefusing() throws {
        var reader = CSVReader(data: Data("a\nb\"c\nd\n".utf8))
        #expect(try reader.next() == ["a"])
        let error = CoreError.invalidCSV(line: 2, column: 2, problem: .quoteInUnquotedField)
        #expect(throws: error) { try reader.next() }
        // Not "d" from the middle of a broken file, and not a quiet end either.
        #expect(throws: error) { try reader.next() }
    }

    @Test func aSliceOfDataIsReadFromItsOwnStart() throws {
        let whole = Data("skip,me\na,b\n".utf8)
        #expect(try CSVReader.records(in: whole.dropFirst(8)) == [["a", "b"]])
        #expect(try CSVReader.records(in: Data("x\u{FEFF}a".utf8).dropFirst()) == [["a"]])
    }
}
