import AdvocacyCore
import Testing

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
}
