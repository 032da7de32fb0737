import Foundation
import Testing

@testable import AdvocacyReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Stacked bar chart")
struct StackedBarChartTests {
    static let series: [StackedBarChart.Series] = [
        .init(name: "Post", colour: .blue), .init(name: "Talk", colour: .orange), .init(name: "Article", colour: .bluishGreen),
    ]

    static func chart(_ rows: [StackedBarChart.Row]) -> StackedBarChart {
        StackedBarChart(
            id: "kinds", title: "Actions by kind", description: "d", series: series, rows: rows, axisTitle: "Actions",
            tickLabel: frenchNumber)
    }

    static func number(_ element: XMLElement, _ name: String) -> Double {
        Double(element.value(of: name) ?? "") ?? -1
    }

    @Test func drawsOneSegmentPerNonZeroValue() throws {
        let rows: [StackedBarChart.Row] = [
            .init(label: "A", values: [3, 0, 2], totalLabel: "5"), .init(label: "B", values: [0, 0, 0], totalLabel: "0"),
            .init(label: "C", values: [1, 1, 1], totalLabel: "3"), .init(label: "D", values: [4], totalLabel: "4"),
            .init(label: "E", values: [-1, .nan, 2, 9], totalLabel: "2"),
        ]
        let svg = try ParsedSVG(Self.chart(rows).svg())
        #expect(try svg.elements("rect", class: "segment").count == 2 + 0 + 3 + 1 + 1)
        #expect(try svg.elements("text", class: "label").map(ParsedSVG.ownText) == ["A", "B", "C", "D", "E"])
        #expect(try svg.elements("text", class: "value").map(ParsedSVG.ownText) == ["5", "0", "3", "4", "2"])
    }

    @Test func segmentsFollowEachOtherInSeriesOrder() throws {
        let svg = try ParsedSVG(Self.chart([.init(label: "A", values: [30, 10, 20], totalLabel: "60")]).svg())
        let segments = try svg.elements("rect", class: "segment")
        #expect(segments.map { $0.value(of: "fill") } == Self.series.map(\.colour.hex))
        for (previous, next) in zip(segments, segments.dropFirst()) {
            #expect(abs(Self.number(previous, "x") + Self.number(previous, "width") - Self.number(next, "x")) <= 0.1)
        }
        let widths = segments.map { Self.number($0, "width") }
        #expect(abs(widths[0] / widths[1] - 3) < 0.05)
    }

    @Test func eachSegmentNamesItsRowSeriesAndValue() throws {
        let svg = try ParsedSVG(Self.chart([.init(label: "Portal", values: [1_234.5, 0, 2], totalLabel: "1 236,5")]).svg())
        let titles = try svg.elements("rect", class: "segment").map(ParsedSVG.titleText)
        #expect(titles == ["Portal — Post: 1\u{202F}234,5", "Portal — Article: 2"])
    }

    @Test func theLegendListsTheSeries() throws {
        let svg = try ParsedSVG(Self.chart([]).svg())
        let legend = try #require(try svg.elements("g", class: "legend").first)
        #expect(legend.elements(forName: "text").map(ParsedSVG.ownText) == ["Post", "Talk", "Article"])
        #expect(try svg.elements("rect", class: "swatch").count == 3)
    }

    @Test func theAxisCoversTheLargestTotal() throws {
        let svg = try ParsedSVG(
            Self.chart([
                .init(label: "A", values: [40, 30, 20], totalLabel: "90"), .init(label: "B", values: [50], totalLabel: "50"),
            ])
            .svg())
        let ticks = try svg.elements("text", class: "tick").map(ParsedSVG.ownText)
        #expect(ticks.last == "100")
    }
}
