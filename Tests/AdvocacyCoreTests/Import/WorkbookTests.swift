import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import Testing

/// Workbook parts written as Excel and LibreOffice write them, read without an archive.
@Suite("Excel workbooks")
struct WorkbookTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook of the given sheets (name, sheetData XML) and shared strings.
    static func parts(_ sheets: [(String, String)], shared: [String] = []) -> [String: Data] {
        var parts: [String: Data] = [:]
        let list = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(sheet.0)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        parts["xl/workbook.xml"] = Data(
            "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>\(list.joined())</sheets></workbook>".utf8)
        let targets = sheets.indices.map {
            // One absolute target, as some writers give them.
            let target = $0 == 0 ? "/xl/worksheets/sheet1.xml" : "worksheets/sheet\($0 + 1).xml"
            return "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationships)/worksheet\" Target=\"\(target)\"/>"
        }
        parts["xl/_rels/workbook.xml.rels"] = Data(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(targets.joined())</Relationships>"
                .utf8)
        for (index, sheet) in sheets.enumerated() {
            parts["xl/worksheets/sheet\(index + 1).xml"] = Data(
                "<worksheet xmlns=\"\(main)\"><sheetData>\(sheet.1)</sheetData></worksheet>".utf8)
        }
        let items = shared.map { "<si><t>\($0)</t></si>" }.joined()
        parts["xl/sharedStrings.xml"] = Data("<sst xmlns=\"\(main)\">\(items)</sst>".utf8)
        return parts
    }

    static func read(_ parts: [String: Data]) throws -> Workbook { try Workbook.read { parts[$0] } }

    @Test func cellsOfEveryKindAreReadAsText() throws {
        let sheet = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c></row>
            <row r="3" spans="1:3"><c r="A3"><v>1234</v></c><c r="B3" t="str"><f>A3</f><v>1234</v></c><c r="AA3" t="s"><v>1</v></c></row>
            <row r="4"><c r="A4" s="1"/></row>
            <row><c><v>5</v></c><c><v>6</v></c></row>
            """
        let workbook = try Self.read(
            Self.parts([("Data", sheet)], shared: ["Post URL", "rich <r><t>one</t></r>"]).merging(
                [
                    "xl/sharedStrings.xml": Data(
                        "<sst xmlns=\"\(Self.main)\"><si><t>Post URL</t></si><si><r><t>two </t></r><r><t>runs</t></r><rPh><t>ignored</t></rPh></si></sst>"
                            .utf8)
                ]
            ) { $1 })
        let rows = try #require(workbook.sheet("data")).rows
        // Row 4 holds only a styled empty cell: no value, so no row.
        #expect(rows.map(\.number) == [1, 3, 5])
        #expect(rows[0][0] == "Post URL" && rows[0][1] == nil && rows[0][2] == "inline")
        #expect(rows[1][0] == "1234" && rows[1][1] == "1234" && rows[1][26] == "two runs")
        // Cells without a reference follow one another.
        #expect(rows[2][0] == "5" && rows[2][1] == "6")
    }

    @Test(arguments: [("A1", 0), ("Z9", 25), ("AA10", 26), ("AZ1", 51), ("XFD1048576", 16_383)])
    func columnsAreNumberedFromTheirLetters(reference: String, column: Int) throws {
        let sheet = "<row r=\"1\"><c r=\"\(reference)\"><v>7</v></c></row>"
        let workbook = try Self.read(Self.parts([("S", sheet)]))
        #expect(workbook.sheets[0].rows[0].cells == [column: "7"])
    }

    @Test func aMillionEmptyRowsAreRefusedAtTheLimitNotAfterReadingThemAll() throws {
        let sheet = String(repeating: "<row/>", count: 1_000_000)
        #expect(throws: CoreError.invalidWorkbook("the sheet 'S' goes past row 100,000, more than any export it could be")) {
            try Self.read(Self.parts([("S", sheet)]))
        }
        // One row numbered past the limit is refused the same way.
        #expect(throws: CoreError.self) { try Self.read(Self.parts([("S", "<row r=\"1000000\"/>")])) }
    }

    @Test func brokenPartsAreRefusedInWords() throws {
        #expect(throws: CoreError.invalidWorkbook("it has no xl/workbook.xml, so it is not an Excel workbook (.xlsx)")) {
            try Workbook.read { _ in nil }
        }
        var parts = Self.parts([("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>4</v></c></row>")])
        #expect(throws: CoreError.invalidWorkbook("the sheet 'S' refers to a text that the file does not have, on row 1")) {
            try Self.read(parts)
        }
        parts = Self.parts([("S", "<row r=\"2\"/><row r=\"1\"/>")])
        #expect(throws: CoreError.invalidWorkbook("the sheet 'S' has row 1 after row 2")) { try Self.read(parts) }
        parts["xl/worksheets/sheet1.xml"] = Data("<worksheet><sheetData><row>".utf8)
        let error = try #require(throws: CoreError.self) { try Self.read(parts) }
        #expect(error.localizedDescription.contains("xl/worksheets/sheet1.xml is not well-formed XML (line 1"))
        #expect(!error.localizedDescription.contains("error"), "\(error.localizedDescription)")
        parts.removeValue(forKey: "xl/worksheets/sheet1.xml")
        #expect(
            throws: CoreError.invalidWorkbook("the sheet 'S' should be in xl/worksheets/sheet1.xml, which the file does not have")
        ) {
            try Self.read(parts)
        }
    }

    /// Found by the fuzzer: a processing instruction without data stops
    /// Foundation's parser with a trap unless it is taken out first.
    @Test func aProcessingInstructionWithoutDataIsHarmless() throws {
        let sheet = "<row r=\"1\"><?x?><c r=\"A1\" t=\"inlineStr\"><is><t>ok</t></is></c></row>"
        #expect(try Self.read(Self.parts([("S", sheet)])).sheets[0].rows[0][0] == "ok")
        var parts = Self.parts([("S", "")])
        parts["xl/sharedStrings.xml"] = Data([0x3C, 0x73, 0x73, 0x74, 0xC3, 0x28, 0x3E])
        #expect(throws: CoreError.self) { try Self.read(parts) }
        // Found by the fuzzer: a malformed encoding declaration is no reason to skip the UTF-8 check.
        var declared = Data("<?xml version=\"1.0\" encoding=\u{7}\"UTF-8\"?><worksheet><sheetData><row r=\"1\" a".utf8)
        declared.append(contentsOf: [0x9B, 0x96])
        declared.append(contentsOf: Array("b=\"1\"/></sheetData></worksheet>".utf8))
        parts = Self.parts([("S", "")])
        parts["xl/worksheets/sheet1.xml"] = declared
        #expect(throws: CoreError.self) { try Self.read(parts) }
    }

    @Test(arguments: [("45000", "2023-03-15"), ("46336", "2026-11-10"), ("46336.75", "2026-11-10"), ("0", nil), ("x", nil)])
    func datesStoredAsDayNumbersAreDays(serial: String, day: String?) {
        #expect(Workbook.date(serial: serial)?.description == day)
    }
}

@Suite("LinkedIn's creator analytics")
struct LinkedInAnalyticsTests {
    static let jane = valid { try EmailAddress("jane@corp.fr") }
    static let today = valid { try LocalDate(parsing: "2026-11-21") }

    static func workbook(_ topPosts: [[String?]], followers: [[String?]] = []) throws -> Workbook {
        func sheetData(_ rows: [[String?]]) -> String {
            rows.enumerated().map { index, cells in
                let values = cells.enumerated().compactMap { column, value in
                    value.map {
                        "<c r=\"\(String(UnicodeScalar(UInt8(65 + column))))\(index + 1)\" t=\"inlineStr\"><is><t>\($0)</t></is></c>"
                    }
                }
                return "<row r=\"\(index + 1)\">\(values.joined())</row>"
            }.joined()
        }
        return try WorkbookTests.read(
            WorkbookTests.parts([("DISCOVERY", ""), ("TOP POSTS", sheetData(topPosts)), ("FOLLOWERS", sheetData(followers))]))
    }

    static let a = "https://www.linkedin.com/feed/update/urn:li:activity:7523296662404464647/"
    static let b = "https://www.linkedin.com/feed/update/urn:li:activity:7528766503911431468/"

    @Test func bothTablesMergeIntoOneRecordPerPost() throws {
        let contents = try LinkedInAnalytics.read(
            Self.workbook([
                ["Maximum of 50 posts"], ["Note"],
                ["Post URL", "Post publish date", "Engagements", nil, "Post URL", "Post publish date", "Impressions"],
                [Self.a, "11/3/2026", "412", nil, Self.b, "11/12/2026", "15204"],
                [Self.b, "11/12/2026", "233", nil, Self.a, "11/3/2026", "12877"],
            ]))
        #expect(
            contents.posts.map(\.fields) == [[Self.a, "11/3/2026", "412", "12877"], [Self.b, "11/12/2026", "233", "15204"]])
        #expect(contents.posts.map(\.line) == [4, 4])
        let draft = try LinkedInAnalytics.draft(contents.posts[1], author: Self.jane, today: Self.today)
        #expect(draft.metrics == (try MetricsUpdate(impressions: 15204, reactions: 233)))
        #expect(draft.date.description == "2026-11-12" && draft.kind == .post)
        #expect(contents.total == nil)
    }

    @Test func theAudienceIsTheTotalAndEachDaysNewFollowers() throws {
        let contents = try LinkedInAnalytics.read(
            Self.workbook(
                [["Post URL", "Post publish date", "Engagements"]],
                followers: [
                    ["Total followers on 11/20/2026:", "1,482"], [], ["Date", "New followers"], ["11/19/2026", "3"],
                    ["11/20/2026", ""],
                ]))
        #expect(contents.total?.followers == 1482 && contents.total?.day.description == "2026-11-20")
        #expect(try contents.days.map { try LinkedInAnalytics.followerChange($0).net } == [3, 0])
        #expect(contents.posts.isEmpty)
    }

    @Test func aWorkbookWithoutTopPostsNamesItsSheets() throws {
        let workbook = try WorkbookTests.read(WorkbookTests.parts([("Sheet1", "")]))
        #expect(
            throws: CoreError.invalidWorkbook(
                "it has no TOP POSTS sheet (its sheets are Sheet1), so it is not LinkedIn's creator analytics export")
        ) { try LinkedInAnalytics.read(workbook) }
    }

    @Test func aFractionOrAnUnreadableDateIsRefusedWithItsRow() throws {
        let contents = try LinkedInAnalytics.read(
            Self.workbook([
                ["Post URL", "Post publish date", "Engagements"], [Self.a, "11/3/2026", "41.5"], [Self.b, "13/45/2026", "3"],
            ]))
        #expect(throws: CoreError.fractionalCount("41.5", column: "engagements")) {
            try LinkedInAnalytics.draft(contents.posts[0], author: Self.jane, today: Self.today)
        }
        #expect(throws: CoreError.self) { try LinkedInAnalytics.draft(contents.posts[1], author: Self.jane, today: Self.today) }
        #expect(contents.posts[1].line == 3)
    }
}
