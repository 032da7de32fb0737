import AdvocacyCore
import Foundation
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    private static func read(_ text: String, _ delimiter: CSVDelimiter = .comma) throws -> [[String]] {
        try CSVReader.records(in: Data(text.utf8), delimiter: delimiter)
    }

    @Test(arguments: [
        "a,b\r\nc,d\r\n", "a,b\nc,d\n", "a,b\r\nc,d", "a,b\nc,d", "a,b\r\nc,d\n", "\u{FEFF}a,b\r\nc,d\r\n", "\u{FEFF}a,b\nc,d",
        "\"a\",b\r\nc,\"d\"", "\"a\",\"b\"\n\"c\",\"d\"\n",
    ])
    func lineEndsAndTheByteOrderMarkAreAccepted(text: String) throws {
        #expect(try Self.read(text) == [["a", "b"], ["c", "d"]])
    }

    @Test(arguments: [
        ("", [[String]]()), ("\u{FEFF}", []), ("\n", [[""]]), ("a\n\nb\n", [["a"], [""], ["b"]]), ("a,\n", [["a", ""]]),
        (",", [["", ""]]), ("\"\"", [[""]]), ("\"\",\"\"\r\n", [["", ""]]), ("\"\"\"\"", [["\""]]),
        ("\"a,b\",\"say \"\"hi\"\"\"", [["a,b", "say \"hi\""]]), ("\"two\r\nlines\",x\r\n", [["two\r\nlines", "x"]]),
        ("\"lone\rCR\"", [["lone\rCR"]]), (" a , b ", [[" a ", " b "]]), ("'=1+1,-12", [["'=1+1", "-12"]]),
        // A mark further in is text, not a mark.
        ("a\n\u{FEFF}b", [["a"], ["\u{FEFF}b"]]), ("\u{FEFF}\u{FEFF}x", [["\u{FEFF}x"]]),
    ])
    func fieldsAreReadAsWritten(text: String, expected: [[String]]) throws {
        #expect(try Self.read(text) == expected)
    }

    @Test func theDelimiterIsConfigurable() throws {
        #expect(try Self.read("a,b;\"c;d\"\r\n", .semicolon) == [["a,b", "c;d"]])
        #expect(try Self.read("a b\tc,d\n", .tab) == [["a b", "c,d"]])
        #expect(try Self.read("x|\"|\"", .pipe) == [["x", "|"]])
    }

    @Test func theLineOfEachRecordCountsLineBreaksInsideQuotes() throws {
        var reader = CSVReader(data: Data("h1,h2\n\"multi\r\nline\",x\r\nnext,y\n\nlast,z".utf8))
        var seen: [(Int, [String])] = []
        #expect(reader.line == 0)
        while let record = try reader.next() { seen.append((reader.line, record)) }
        #expect(seen.map(\.0) == [1, 2, 4, 5, 6])
        #expect(seen.map(\.1) == [["h1", "h2"], ["multi\r\nline", "x"], ["next", "y"], [""], ["last", "z"]])
        #expect(try reader.next() == nil)
    }

    @Test(arguments: [
        ("a,b\n\"open,c\nd\n", 2, CSVProblem.unterminatedQuote), ("a,b\nc,\"x\ny\nz", 2, .unterminatedQuote),
        ("\"", 1, .unterminatedQuote), ("a\n\"x\"\"\n", 2, .unterminatedQuote),
        ("a,b\nsay \"hi\",c\n", 2, .quoteInUnquotedField), ("a\"", 1, .quoteInUnquotedField),
        (" \"a\",b", 1, .quoteInUnquotedField),
        ("\"a\"b,c\n", 1, .textAfterClosingQuote), ("x\n\"a\" ,c\n", 2, .textAfterClosingQuote),
        ("\"multi\nline\"x", 2, .textAfterClosingQuote),
        ("a\rb\n", 1, .loneCarriageReturn), ("a,b\r", 1, .loneCarriageReturn), ("\"a\"\rb", 1, .loneCarriageReturn),
    ])
    func brokenFilesAreRefusedWithTheirLine(text: String, line: Int, problem: CSVProblem) {
        #expect(throws: CoreError.invalidCSV(line: line, problem: problem)) { try Self.read(text) }
    }

    @Test(arguments: [
        // "José" as Windows-1252, the plain "CSV" a French Excel saves.
        (Array("nom\nJos".utf8) + [0xE9] + Array("\n".utf8), 2, UInt8(0xE9)),
        // Inside a quoted field that started on line 1, on its third line.
        (Array("\"x\ny\nz".utf8) + [0xE7] + Array("a\",b".utf8), 3, 0xE7),
        // A UTF-16 file, an overlong encoding, a truncated emoji, a lone continuation byte.
        ([0xFF, 0xFE, 0x61, 0x00], 1, 0xFF), ([0x61, 0xC0, 0xAF], 1, 0xC0), ([0x61, 0x2C, 0xF0, 0x9F, 0x91], 1, 0xF0),
        (Array("ok\n\"a\"\"".utf8) + [0x80] + Array("\"".utf8), 2, 0x80),
    ])
    func bytesThatAreNotUTF8AreRefusedWithTheirLine(bytes: [UInt8], line: Int, byte: UInt8) {
        #expect(throws: CoreError.invalidCSV(line: line, problem: .invalidUTF8(byte: byte))) {
            try CSVReader.records(in: Data(bytes), delimiter: .comma)
        }
    }

    @Test func messagesNameTheLineAndSayWhatToDo() {
        #expect(
            CoreError.invalidCSV(line: 2, problem: .unterminatedQuote).localizedDescription
                == "CSV line 2: a quoted field starts on this line and is never closed: expected a closing \" (a quote inside a quoted field is written twice: \"\")"
        )
        #expect(
            CoreError.invalidCSV(line: 7, problem: .invalidUTF8(byte: 0xE9)).localizedDescription
                == "CSV line 7: byte 0xE9 is not valid UTF-8 here: expected UTF-8 text: in Excel, save as \"CSV UTF-8\" rather than plain \"CSV\""
        )
    }

    @Test func afterAnErrorTheReaderKeepsRefusing() throws {
        var reader = CSVReader(data: Data("a\nb\"c\nd\n".utf8))
        #expect(try reader.next() == ["a"])
        let error = CoreError.invalidCSV(line: 2, problem: .quoteInUnquotedField)
        #expect(throws: error) { try reader.next() }
        // Not "d" from the middle of a broken file, and not a quiet end either.
        #expect(throws: error) { try reader.next() }
    }

    @Test func aSliceOfDataIsReadFromItsOwnStart() throws {
        let whole = Data("skip,me\na,b\n".utf8)
        #expect(try CSVReader.records(in: whole.dropFirst(8), delimiter: .comma) == [["a", "b"]])
    }
}
