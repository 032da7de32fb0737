import AdvocacyPresentation
import Testing

@testable import AdvocacyCLI

@Suite("Tables fitted to a width")
struct TableFittingTests {
    let table = Table(
        columns: [
            .init(header: "date", priority: 0), .init(header: "title", priority: 0, shrinks: true),
            .init(header: "reactions", numeric: true, priority: 3), .init(header: "url", shrinks: true),
        ],
        rows: [
            ["2026-11-02", "🚀 Lancement de la plateforme de données, six mois après", "12", "https://blog.example/plateforme"],
            ["2026-11-03", "データ基盤の移行について考えたこと、そして学んだこと", "7", "https://blog.example/data"],
        ])

    func widest(_ text: String) -> Int { text.split(separator: "\n").map { TerminalText.width(String($0)) }.max() ?? 0 }

    @Test(arguments: [40, 60, 80])
    func everyLineFitsInCells(width: Int) {
        let text = table.text(width: width)
        #expect(widest(text) <= width, "\(text)")
        #expect(text.hasPrefix("date"))
    }

    @Test func columnsOfLowPriorityGoFirstAndTheLineSaysSo() {
        let text = table.text(width: 60)
        #expect(!text.contains("reactions  "), "reactions is left out before titles are cut")
        #expect(text.contains("(reactions left out to fit 60 columns: --wide shows them)"))
    }

    @Test func withoutAWidthNothingChanges() throws {
        let text = table.text()
        #expect(text.contains("🚀 Lancement de la plateforme de données, six mois après"))
        #expect(!text.contains("left out"))
        // Columns line up in cells: the emoji's and the kanji's rows put their URL at the same column.
        let lines = text.split(separator: "\n").map(String.init)
        let starts = try lines.dropFirst().map { line in
            TerminalText.width(String(line[..<(try #require(line.range(of: "https"))).lowerBound]))
        }
        #expect(Set(starts).count == 1)
    }
}
