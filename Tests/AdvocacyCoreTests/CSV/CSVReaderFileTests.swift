import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import Testing

/// Files as people export them, read from disk through `CSVReader(path:)`.
@Suite("CSV reader on files")
struct CSVReaderFileTests {
    static func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/csv")).path
    }

    static func records(_ reader: inout CSVReader) throws -> [[String]] {
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    static let people = [
        ["email", "name", "reach"], ["jane.doe@example.com", "Jane Doe", "1500"], ["joe@example.com", "Joe", "12"],
    ]

    @Test(
        arguments: [
            ("crlf.csv", people, CSVDelimiter.comma), ("lf.csv", people, .comma), ("cr-only.csv", people, .comma),
            ("no-final-line-end.csv", people, .comma), ("trailing-empty-line.csv", people, .comma),
            (
                "bom-semicolon.csv",
                [
                    ["email", "nom", "équipe", "montant"], ["elodie@example.com", "Élodie Müller", "Data, IA", "1,5"],
                    ["zoe@example.com", "Zoé", "R&D; Lab", "-0,3"],
                ], .semicolon
            ),
            ("tab.csv", [["email", "name", "team"], ["jane.doe@example.com", "Jane Doe", "Sales, EMEA"]], .tab),
            (
                "quoted-multiline.csv",
                [
                    ["email", "title", "note"],
                    ["jane.doe@example.com", "Retour d'expérience, partie 2", "Line one\r\nline two with \"quotes\""],
                    ["joe@example.com", "Old Mac\rbreak", "👩🏽‍💻 ok"],
                ], .comma
            ),
        ], [1 << 20, 3])
    func exportsAreRead(file: (name: String, records: [[String]], delimiter: CSVDelimiter), chunkSize: Int) throws {
        let path = try Self.fixture(file.name)
        var reader = try CSVReader(path: path, chunkSize: chunkSize)
        // The byte-order mark is not part of the first name.
        #expect(try Self.records(&reader) == file.records)
        #expect(reader.delimiter == file.delimiter)
        #expect(reader.bytesRead == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
    }

    @Test(
        arguments: [
            ("unterminated-quote.csv", 3, 17, CSVProblem.unterminatedQuote),
            ("text-after-quote.csv", 2, 30, .textAfterClosingQuote),
            ("quote-in-unquoted-field.csv", 2, 26, .quoteInUnquotedField),
            ("wrong-field-count.csv", 3, 32, .wrongFieldCount(expected: 3, found: 4)),
            ("missing-field.csv", 3, 23, .wrongFieldCount(expected: 3, found: 2)),
            // "José" saved as plain "CSV" by a French Excel: Windows-1252.
            ("latin1.csv", 2, 21, .invalidUTF8(byte: 0xE9)),
        ], [1 << 20, 3])
    func brokenExportsAreRefusedWithTheirLineAndColumn(
        file: (name: String, line: Int, column: Int, problem: CSVProblem), chunkSize: Int
    ) throws {
        var reader = try CSVReader(path: try Self.fixture(file.name), chunkSize: chunkSize)
        #expect(throws: CoreError.invalidCSV(line: file.line, column: file.column, problem: file.problem)) {
            try Self.records(&reader)
        }
    }

    @Test func aFileThatCannotBeReadIsNamedWithTheReason() throws {
        let missing = "/nonexistent/people.csv"
        #expect(throws: CoreError.unreadableFile(path: missing, reason: "No such file or directory")) {
            try CSVReader(path: missing)
        }
        let folder = FileManager.default.temporaryDirectory.path
        #expect(throws: CoreError.unreadableFile(path: folder, reason: "Is a directory")) { try CSVReader(path: folder) }
        #expect(
            CoreError.unreadableFile(path: missing, reason: "No such file or directory").localizedDescription
                == "cannot read '/nonexistent/people.csv': No such file or directory: expected the path of a readable file (check the name, and that it is a file, not a folder)"
        )
    }

    /// 20 MB read 64 KiB at a time: every record comes out, and the progress
    /// figure ends at the size of the file.
    @Test func aLargeFileIsReadInChunks() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("large.csv")
        let header = "id,email,url,title,date,note\r\n"
        // Long rows keep the test quick in a debug build; the quoted title and
        // the odd row length put chunk boundaries everywhere in a row.
        let row =
            "42,jane.doe@example.com,https://x.com/jane/status/123456,\"Retour d'expérience, \"\"partie 2\"\"\",2026-09-30,"
            + String(repeating: "lorem ipsum ", count: 30) + "\r\n"
        let block = Data(String(repeating: row, count: 1000).utf8)
        let blocks = 20_000_000 / block.count + 1
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data(header.utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        for _ in 0..<blocks { try handle.write(contentsOf: block) }
        try handle.close()
        let size = Data(header.utf8).count + blocks * block.count
        #expect(size > 20_000_000)

        var reader = try CSVReader(path: url.path, chunkSize: 64 << 10)
        var count = 0
        var progress = 0
        while let record = try reader.next() {
            count += 1
            if record.count != 6 || reader.bytesRead <= progress {
                Issue.record("record \(count): \(record.count) fields, \(reader.bytesRead) bytes")
            }
            progress = reader.bytesRead
        }
        #expect(count == 1 + blocks * 1000)
        #expect(reader.line == count)
        #expect(reader.bytesRead == size)
    }
}
