import AdvocacyCore
import Testing

@testable import AdvocacyReport

@Suite("The terminal and Markdown reports")
struct TextReportTests {
    static let review = Result { try ReportFixture.review() }

    @Test(arguments: ReportLanguage.allCases)
    func theTerminalVersionFitsOneHundredColumns(language: ReportLanguage) throws {
        let report = ProgrammeReport(try Self.review.get(), language: language)
        let lines = report.text().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= ProgrammeReport.textWidth }, "\(lines.filter { $0.count > 100 })")
        let top = report.review.current.people.prefix(10).map(\.person.name)
        for (rank, name) in top.enumerated() {
            #expect(
                lines.contains {
                    $0.hasPrefix(String(repeating: " ", count: 3 - String(rank + 1).count) + " \(rank + 1)  ")
                        && $0.contains(String(name.prefix(30)))
                })
        }
        #expect(lines.contains { $0.contains("GAP-RH") })
        #expect(!report.text().contains("\u{202F}"))
    }

    @Test func theTerminalVersionSaysWhatIsMissing() throws {
        let text = ProgrammeReport(try Self.review.get(), language: .fr).text()
        #expect(text.contains("Projets sans ambassadeur"))
        #expect(text.contains("Signaux d'authenticité"))
        #expect(text.contains("T4 2026, au 21 novembre 2026 (52 jours sur 92)"))
    }

    @Test func theSummaryLeadsWithWhatToActOn() throws {
        let report = ProgrammeReport(try Self.review.get(), language: .en)
        let highlights = report.highlights
        let leader = report.review.current.people[0]
        #expect(
            highlights[0]
                == "Leading: \(leader.person.name), \(report.score(leader.score)) points (\(leader.tier.rawValue) tier).")
        // The pace is per week of days scored: 52 days of this quarter against all 92 of the last.
        let pace = Double(report.review.current.activity.actions) * 7 / 52
        let before = Double(report.review.comparison.activity.actions) * 7 / 92
        #expect(
            highlights[1]
                == "Pace: \(ReportLanguage.en.number(pace, decimals: 1)) actions a week (Q3 2026: \(ReportLanguage.en.number(before, decimals: 1)))."
        )
        #expect(
            highlights.contains {
                $0.hasPrefix("2 active projects with no advocate:") && $0.contains("GAP-RH") && $0.contains("IA-ASSIST")
            })
        let flagged = report.review.current.people.filter { !$0.flags.isEmpty }.count
        #expect(flagged > 1)
        #expect(highlights.last == "\(flagged) people have an authenticity flag to look at.")
        #expect(report.text().contains("  - " + highlights[0]))
    }

    @Test func markdownEscapesNamesAndKeepsTablesWhole() throws {
        let markdown = ProgrammeReport(try Self.review.get(), language: .en).markdown()
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains(#"Zoë "ZZ" O'Brien &amp; Co"#))
        // Every row of a table has as many cells as its header.
        var columns: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                columns = nil
                continue
            }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
    }

    @Test func markdownEscapesItsOwnMarkup() {
        #expect(ProgrammeReport.escaped("a|b *c* _d_ [e](f) `g` <h>") == #"a\|b \*c\* \_d\_ \[e\](f) \`g\` &lt;h&gt;"#)
    }
}
