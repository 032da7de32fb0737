import AdvocacyCore
import AdvocacyKit
import Foundation
import Testing

@testable import AdvocacyReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("The HTML report")
struct HTMLReportTests {
    static let review = Result { try ReportFixture.review() }

    func page(_ language: ReportLanguage = .en) throws -> (html: String, document: XMLDocument, report: ProgrammeReport) {
        let report = ProgrammeReport(try Self.review.get(), language: language)
        let html = report.html()
        return (html, try ReportFixture.document(html), report)
    }

    @Test func namesAndTitlesShowAsTextNeverAsMarkup() throws {
        let (html, document, _) = try page()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let texts = try ReportFixture.texts(document)
        // As text: in the top chart's labels, the flags table or tooltips, exactly as written.
        #expect(texts.contains(ReportFixture.hostileName))
        #expect(texts.contains(ReportFixture.awkwardName))
        #expect(texts.contains { $0.contains(ReportFixture.gapName) })
        // And nothing else came out of them: the page has no script element at all.
        #expect(try ReportFixture.nodes(document, "script").isEmpty)
    }

    @Test func nothingIsFetched() throws {
        let (html, document, _) = try page()
        for reference in [
            "<script", "<link", "<img", "<iframe", "<object", "<embed", "<image", "src=", "url(", "@import", "@font-face",
            "xlink:",
        ] {
            #expect(!html.contains(reference), "the page refers to something outside itself: \(reference)")
        }
        #expect(try ReportFixture.nodes(document, "a").isEmpty)
        let policy = try ReportFixture.nodes(document, "meta", "[@http-equiv='Content-Security-Policy']")
        #expect(policy.count == 1)
        #expect(try policy.first.flatMap { try ReportFixture.attribute($0, "content") }?.hasPrefix("default-src 'none'") == true)
    }

    @Test func theTopChartHasOneBarPerPersonUpToTwenty() throws {
        let (_, document, report) = try page()
        let bars = try ReportFixture.nodes(document, "rect", "[@class='bar' and ancestor::*[@id='top-scores-chart']]")
        #expect(report.review.current.people.count > 20)
        #expect(bars.count == 20)
        let labels = try ReportFixture.nodes(document, "text", "[ancestor::*[@id='top-scores-chart']]").compactMap(\.stringValue)
        #expect(labels.contains(ReportFixture.hostileName))
        #expect(labels.contains("Score (out of 100)"))
    }

    @Test func everyChartIsLabelledForScreenReaders() throws {
        let (_, document, _) = try page()
        let charts = try ReportFixture.nodes(document, "svg")
        #expect(charts.count == 7)  // top, audience, tiers, weekly, coverage, risers, rewards
        for case let chart as XMLElement in charts {
            #expect(try ReportFixture.attribute(chart, "role") == "img")
            let ids = try ReportFixture.attribute(chart, "aria-labelledby")?.split(separator: " ").map(String.init) ?? []
            #expect(ids.count == 2)
            for id in ids { #expect(try !document.nodes(forXPath: "//*[@id='\(id)']").isEmpty) }
            let axisTitles = try chart.nodes(forXPath: ".//*[local-name()='text'][@class='axis-title']")
            let id = try ReportFixture.attribute(chart, "id") ?? "?"
            #expect(!axisTitles.isEmpty, "\(id) has no axis title")
        }
    }

    @Test func theAudienceChartHasADotForEveryoneWithAKnownAudience() throws {
        let (_, document, report) = try page()
        let points = try ReportFixture.nodes(document, "circle", "[@class='point' and ancestor::*[@id='audience-chart']]")
        #expect(points.count == report.review.current.people.filter { ($0.audience ?? 0) > 0 }.count)
        #expect(points.count > 10)
    }

    @Test func projectsWithNoAdvocateAreHighlighted() throws {
        let (_, document, report) = try page()
        let highlighted = try ReportFixture.nodes(
            document, "rect", "[@class='bar highlighted' and ancestor::*[@id='coverage-chart']]")
        #expect(report.gaps.map(\.project.code.value).contains("GAP-RH"))
        #expect(highlighted.count == report.gaps.count)
        let callout = try ReportFixture.nodes(document, "div", "[@class='gaps']").first?.stringValue ?? ""
        #expect(callout.contains("GAP-RH"))
        #expect(callout.contains(ReportFixture.gapName))
        let bars = try ReportFixture.nodes(document, "rect", "[contains(@class, 'bar') and ancestor::*[@id='coverage-chart']]")
        #expect(bars.count == report.review.projects.count)
    }

    @Test func theComparisonPeriodIsDashed() throws {
        let (_, document, _) = try page()
        let series = try ReportFixture.nodes(document, "path", "[@class='series' and ancestor::*[@id='weekly-chart']]")
        #expect(series.count == 2)
        #expect(try series.compactMap { try ReportFixture.attribute($0, "stroke-dasharray") }.count == 1)
    }

    @Test func frenchAndEnglishUseTheirOwnWordsAndNumbers() throws {
        let french = try page(.fr)
        let english = try page(.en)
        #expect(try french.document.rootElement().flatMap { try ReportFixture.attribute($0, "lang") } == "fr")
        #expect(french.html.contains("Chiffres clés") && !french.html.contains("Key figures"))
        #expect(english.html.contains("Key figures") && !english.html.contains("Chiffres clés"))
        let top = french.report.review.current.people[0].score
        #expect(french.html.contains(ReportLanguage.fr.number(top, decimals: 1)))
        #expect(french.html.contains("T4 2026") && english.html.contains("Q4 2026"))
    }

    @Test func rewardsAppearOnlyWhenThereAreProposals() throws {
        let (_, document, _) = try page()
        #expect(try ReportFixture.nodes(document, "rect", "[@class='segment']").count > 0)
        let without = ProgrammeReport(try ReportFixture.review(employees: 12, proposals: false), language: .en).html()
        #expect(!without.contains("rewards-chart"))
        #expect(try ReportFixture.nodes(try ReportFixture.document(without), "svg").count == 6)
    }

    @Test func tickLabelsNeverRepeatOnAnAxis() throws {
        let (_, document, _) = try page(.fr)
        for case let chart as XMLElement in try ReportFixture.nodes(document, "svg") {
            let ticks = try chart.nodes(forXPath: ".//*[local-name()='text'][@class='tick']").compactMap(\.stringValue)
            let id = try ReportFixture.attribute(chart, "id") ?? "?"
            // Each axis's labels are distinct; a chart has at most two axes, so no label appears three times.
            #expect(Dictionary(grouping: ticks) { $0 }.values.allSatisfy { $0.count <= 2 }, "\(id): \(ticks)")
        }
    }

    @Test func anAudienceBeyondWhatAnIntHoldsOnTheAxisStillGivesAPage() throws {
        let store = try Programme.inMemory(now: { ReportFixture.now })
        let admin = try EmailAddress("ada@corp.fr")
        _ = try store.initialise(firstAdmin: try NewEmployee(email: admin, name: "Ada"))
        let channel = try CanonicalURL("https://x.com/ada")
        try store.addChannel(
            try NewChannel(owner: admin, url: channel, followers: 5_000_000_000_000_000_000, followersDate: ReportFixture.today),
            by: admin)
        try store.logAction(
            try ActionDraft(
                author: admin, url: try CanonicalURL("https://x.com/ada/status/1"), date: ReportFixture.today,
                today: ReportFixture.today),
            by: admin)
        let review = try store.review(
            period: ReportFixture.quarter, comparison: ReportFixture.quarter.previous, today: ReportFixture.today, by: admin)
        let html = ProgrammeReport(review, language: .en).html()
        #expect(try ReportFixture.nodes(try ReportFixture.document(html), "circle", "[@class='point']").count == 1)
    }

    @Test func anEmptyPeriodStillGivesAPage() throws {
        let store = try Programme.inMemory(now: { ReportFixture.now })
        let admin = try EmailAddress("ada@corp.fr")
        _ = try store.initialise(firstAdmin: try NewEmployee(email: admin, name: "Ada"))
        let review = try store.review(
            period: ReportFixture.quarter, comparison: ReportFixture.quarter.previous, today: ReportFixture.today, by: admin)
        let html = ProgrammeReport(review, language: .fr).html()
        let document = try ReportFixture.document(html)
        #expect(html.contains("Aucune action sur la période"))
        #expect(html.range(of: #"="[^"]*\b(nan|inf)\b"#, options: .regularExpression) == nil, "a coordinate is not a number")
        #expect(try ReportFixture.nodes(document, "h1").first?.stringValue == "Programme d'influence de la DSI")
    }
}
