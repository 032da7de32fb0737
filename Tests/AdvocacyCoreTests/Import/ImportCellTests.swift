import Testing

@testable import AdvocacyCore

@Suite("Import cells")
struct ImportCellTests {
    static let column = ImportColumn("reactions")

    static func count(_ text: String) throws -> Int? {
        let columns = try ImportColumns(header: ["reactions"], columns: [column])
        return try ImportCell.count(column, ImportRecord(line: 2, fields: [text]), columns)
    }

    @Test(arguments: [
        ("12", 12), ("0", 0), ("1 500", 1500), ("1,500", 1500), ("1.500", 1500), ("12\u{00A0}345\u{00A0}678", 12_345_678),
        ("1\u{202F}000", 1000), (" 42 ", 42),
    ])
    func countsAreReadWithOrWithoutThousandsSeparators(text: String, value: Int) throws {
        #expect(try Self.count(text) == value)
    }

    @Test(arguments: ["", "-"])
    func emptyOrDashIsUnknown(text: String) throws {
        #expect(try Self.count(text) == nil)
    }

    @Test(arguments: ["1.5", "1,50", "12,3456", "1,500.000,1", "1 500,5", "abc", "1e3", "١٢", ",500", "1,,500"])
    func anythingElseIsRefusedWithItsValue(text: String) {
        #expect(throws: CoreError.invalidNumber(text.trimmingCharacters(in: .whitespaces), column: "reactions")) {
            try Self.count(text)
        }
    }

    @Test func aNegativeCountIsRefused() {
        #expect(throws: CoreError.invalidCount(name: "reactions", value: -3)) { try Self.count("-3") }
    }

    /// Headlines and first lines read byte by byte give exactly what
    /// splitting into characters gives, on texts mixing what posts hold.
    @Test func headlinesAndFirstLinesMatchSplittingIntoCharacters() {
        var random = SeededGenerator(seed: 2026)
        let pieces = [
            "a", "Kafka", "É", "épisode", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{301}", "🎉", "👍🏽", "\u{A0}", "\u{2028}",
            "\u{2029}", "\u{85}", "\u{B}", "\u{C}", "x y", "\u{200D}", "日本", "-", ".", "«", "»", "\u{1}", "\u{FE0F}", "42",
        ]
        var fast = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            let headline = words.count > 200 ? String(words.prefix(199)) + "…" : words
            #expect(ImportCell.headline(text) == headline, "\(text.unicodeScalars.map { $0.value })")
            if ImportCell.wordsBySingleSpaces(text) != nil { fast += 1 }
            let firstLine = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
            #expect(
                ImportCell.firstLine(of: text).map(String.init) == firstLine.map(String.init),
                "\(text.unicodeScalars.map { $0.value })")
        }
        #expect(fast > 1_000)
        let long = String(repeating: "mot ", count: 80) + "fin"
        #expect(ImportCell.headline(long).count == 200 && ImportCell.headline(long).hasSuffix("…"))
    }
}
