import AdvocacyCore
import Foundation
import Testing

@Suite("CSV writer")
struct CSVWriterTests {
    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+33 6 12 34 56 78", "'+33 6 12 34 56 78"), ("-x", "'-x"), ("-", "'-"), ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"), ("\tindent", "'\tindent"), ("\rx", "'\rx"),
        // Data, not formulas: a negative number, a sign or `=` further in, a space first.
        ("-12", "-12"), ("-0.3", "-0.3"), ("a=b", "a=b"), (" =1", " =1"), ("", ""), ("'=1", "'=1"),
    ])
    func formulasAreNeutralised(cell: String, expected: String) {
        #expect(CSVWriter.neutralised(cell) == expected)
    }

    @Test(arguments: [
        (CSVDelimiter.comma, "a,b", "\"a,b\""), (.comma, "a;b", "a;b"), (.semicolon, "a;b", "\"a;b\""),
        (.semicolon, "a,b", "a,b"),
        (.tab, "a\tb", "\"a\tb\""), (.pipe, "a|b", "\"a|b\""), (.comma, "say \"hi\"", "\"say \"\"hi\"\"\""),
        (.comma, "\"", "\"\"\"\""),
        (.comma, "a\nb", "\"a\nb\""), (.comma, "a\rb", "\"a\rb\""), (.comma, "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        (.comma, "\r", "\"'\r\""), (.comma, "\u{FEFF}x", "\"\u{FEFF}x\""), (.comma, "Œuvre é ç 👩🏽‍💻", "Œuvre é ç 👩🏽‍💻"),
    ])
    func fieldsAreQuotedOnlyWhenTheyMustBe(delimiter: CSVDelimiter, cell: String, expected: String) {
        #expect(CSVWriter(delimiter: delimiter).field(cell) == expected)
    }

    @Test func recordsEndInCRLFAndDocumentsStartWithTheMarkWhenAsked() {
        let comma = CSVWriter(), french = CSVWriter(delimiter: .semicolon, byteOrderMark: true)
        #expect(comma.line(["a", "", "b,c"]) == "a,,\"b,c\"\r\n")
        #expect(comma.line([]) == "\r\n")
        // Not a blank line, which a reader skips.
        #expect(comma.line([""]) == "\"\"\r\n" && comma.line(["", ""]) == ",\r\n")
        #expect(comma.document(header: ["x"], rows: [["1"], ["2"]]) == "x\r\n1\r\n2\r\n")
        let document = french.document(header: ["nom", "équipe"], rows: [["Zoé", "Data; IA"]])
        #expect(Array(document.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(document == "\u{FEFF}nom;équipe\r\nZoé;\"Data; IA\"\r\n")
        #expect(french.preamble == "\u{FEFF}" && comma.preamble.isEmpty)
        // The mark belongs to the file, never to a record.
        #expect(french.line(["a"]) == "a\r\n")
    }

    /// The fixture that scripts/check-spreadsheet.sh proves opens as columns in a
    /// French-locale LibreOffice is byte for byte what the writer produces, and
    /// what the reader reads from it is what the spreadsheet shows.
    @Test func theFrenchExportIsTheFileCheckedInASpreadsheet() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/fixtures/spreadsheet")
        let file = try Data(contentsOf: fixtures.appendingPathComponent("french.csv"))
        let writer = CSVWriter(delimiter: .semicolon, byteOrderMark: true)
        let written = writer.document(
            header: ["nom", "équipe", "note", "montant"],
            rows: [
                ["Élodie Müller", "Data; IA", "=1+1", "-12"], ["Zoé\nLigne 2", "Œuvre ç", "@SUM(1;2)", "1,5"],
                ["François 👩🏽‍💻", "say \"hi\"", "+33 6 12", "-0.3"],
            ])
        #expect(Array(written.utf8) == Array(file))
        let shown = try JSONDecoder().decode(
            [[String]].self, from: Data(contentsOf: fixtures.appendingPathComponent("french.expected.json")))
        #expect(try CSVReader.records(in: file, delimiter: .semicolon) == shown)
    }

    @Test(arguments: [
        (",", CSVDelimiter.comma), ("comma", .comma), (";", .semicolon), ("Semicolon", .semicolon), ("\t", .tab), ("\\t", .tab),
        ("tab", .tab), ("TAB", .tab), ("|", .pipe), ("pipe", .pipe),
    ])
    func delimitersAreParsed(text: String, expected: CSVDelimiter) throws {
        #expect(try CSVDelimiter(parsing: text) == expected)
    }

    @Test(arguments: ["", ",,", "\"", "\n", "\r", "'", "a", "t", " ", ":", "é", "space"])
    func otherDelimitersAreRefused(text: String) {
        #expect(throws: CoreError.invalidDelimiter(text)) { try CSVDelimiter(parsing: text) }
    }

    @Test func aRefusedDelimiterSaysWhatIsAccepted() {
        #expect(
            CoreError.invalidDelimiter(":").localizedDescription
                == "':' is not a CSV delimiter: expected one of ',', ';', '|' or a tab (typed as 'tab' or '\\t')")
        #expect(CSVDelimiter.tab.description == "tab" && CSVDelimiter.semicolon.description == ";")
    }
}
