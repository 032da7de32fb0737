import Foundation
import Testing

@testable import AdvocacyReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Line chart")
struct LineChartTests {
    static let weeks = ["W1", "W2", "W3", "W4", "W5", "W6"]

    static func chart(_ series: [LineChart.Series], xLabels: [String] = weeks, width: Double = 760) -> LineChart {
        LineChart(
            id: "weekly", title: "Actions per week", description: "d", xLabels: xLabels, series: series,
            yTitle: "Actions", xTitle: "Week", yTickLabel: frenchNumber, width: width)
    }

    static let series: [LineChart.Series] = [
        .init(name: "2026", values: [1, 4, nil, 6, 8], colour: .blue),
        .init(name: "Target", values: [5, 5, 5, 5, 5, 5], colour: .grey, isDashed: true),
        .init(name: "Empty", values: [], colour: .orange),
    ]

    @Test func drawsOnePathPerSeriesAndDashesTheDashedOnes() throws {
        let paths = try ParsedSVG(Self.chart(Self.series).svg()).elements("path", class: "series")
        #expect(paths.count == 3)
        #expect(paths.map { $0.value(of: "stroke-dasharray") } == [nil, "6 4", nil])
        #expect(paths.map { $0.value(of: "stroke") } == ["#0072B2", "#999999", "#E69F00"])
        #expect(paths.allSatisfy { $0.value(of: "fill") == "none" })
    }

    @Test func aGapBreaksTheLine() throws {
        let paths = try ParsedSVG(Self.chart(Self.series).svg()).elements("path", class: "series")
        let d = paths[0].value(of: "d") ?? ""
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(d.filter { $0 == "L" }.count == 2)
        #expect(paths[2].value(of: "d") == nil)
    }

    @Test func oneMarkerPerValueWithItsTooltip() throws {
        let markers = try ParsedSVG(Self.chart(Self.series).svg()).elements("circle", class: "marker")
        #expect(markers.count == 4 + 6)
        #expect(markers.prefix(2).map(ParsedSVG.titleText) == ["W1 — 2026: 1", "W2 — 2026: 4"])
    }

    @Test func aSeriesLongerThanTheLabelsIsCut() throws {
        let long = LineChart.Series(name: "s", values: [1, 2, 3, 4, 5, 6, 7, 8], colour: .blue)
        #expect(try ParsedSVG(Self.chart([long]).svg()).elements("circle", class: "marker").count == 6)
    }

    @Test func theYAxisStartsAtZeroAndCoversTheMaximum() throws {
        let ticks = try ParsedSVG(Self.chart(Self.series).svg()).elements("text", class: "tick")
            .filter { $0.value(of: "text-anchor") == "end" }.map(ParsedSVG.ownText)
        #expect(ticks.first == "0")
        #expect((Double(ticks.last ?? "") ?? 0) >= 8)
    }

    @Test func xLabelsAreThinnedWhenTheyWouldOverlap() throws {
        let weeks = (1...52).map { "Semaine \($0)" }
        let svg = try ParsedSVG(Self.chart([.init(name: "s", values: [1], colour: .blue)], xLabels: weeks).svg())
        let shown = try svg.elements("text", class: "tick").filter { $0.value(of: "text-anchor") == "middle" }
        #expect(shown.count < 52)
        #expect(shown.count >= 5)
        #expect(ParsedSVG.ownText(shown[0]) == "Semaine 1")
        let xs = shown.map { Double($0.value(of: "x") ?? "") ?? 0 }
        let widest = 0.6 * 11 * Double("Semaine 52".count)
        for (previous, next) in zip(xs, xs.dropFirst()) {
            #expect(next - previous >= widest)
        }
    }

    @Test func theLegendUsesALineForDashedSeries() throws {
        let svg = try ParsedSVG(Self.chart(Self.series).svg())
        #expect(try svg.elements("rect", class: "swatch").count == 2)
        let dashed = try svg.elements("line", class: "swatch")
        #expect(dashed.map { $0.value(of: "stroke-dasharray") } == ["6 4"])
    }
}
