import Foundation
import Testing

@testable import AdvocacyReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Scatter chart")
struct ScatterChartTests {
    static func chart(_ points: [ScatterChart.Point], xAxis: ScatterChart.Axis = .log, bands: [ScatterChart.Band] = [])
        -> ScatterChart
    {
        ScatterChart(
            id: "reach", title: "Reach and engagement", description: "d", points: points, xAxis: xAxis, xTitle: "Followers",
            yTitle: "Engagement", xTickLabel: frenchNumber, yTickLabel: { frenchNumber($0 * 100) + " %" }, bands: bands)
    }

    static let mixed: [ScatterChart.Point] = [
        .init(x: 0, y: 0.02, colour: .blue), .init(x: -10, y: 0.02, colour: .blue), .init(x: 50, y: 0.01, colour: .blue),
        .init(x: 2_000, y: 0.05, colour: .orange), .init(x: .nan, y: 0.01, colour: .blue),
        .init(x: 10, y: .infinity, colour: .blue),
        .init(x: 300_000, y: 0, colour: .blue),
    ]

    @Test func aLogAxisSkipsPointsWithNoLogarithm() throws {
        let chart = Self.chart(Self.mixed)
        #expect(chart.drawablePoints.map(\.x) == [50, 2_000, 300_000])
        #expect(try ParsedSVG(chart.svg()).elements("circle", class: "point").count == 3)
    }

    @Test func aLinearAxisKeepsZeroAndNegativeX() throws {
        let chart = Self.chart(Self.mixed, xAxis: .linear)
        #expect(chart.drawablePoints.count == 5)
        #expect(try ParsedSVG(chart.svg()).elements("circle", class: "point").count == 5)
    }

    @Test func logTicksAreDecades() throws {
        let svg = try ParsedSVG(Self.chart(Self.mixed).svg())
        let ticks = try svg.elements("text", class: "tick").filter { $0.value(of: "text-anchor") == "middle" }
        #expect(
            ticks.map(ParsedSVG.ownText) == [
                "10", "100", "1\u{202F}000", "10\u{202F}000", "100\u{202F}000", "1\u{202F}000\u{202F}000",
            ])
    }

    @Test func pointsAreGroupedByColourInOrderOfFirstAppearance() throws {
        let points: [ScatterChart.Point] = [
            .init(x: 10, y: 1, colour: .orange), .init(x: 20, y: 2, colour: .blue), .init(x: 30, y: 3, colour: .orange),
            .init(x: 40, y: 4, colour: .blue, tooltip: "Ana"),
        ]
        let svg = try ParsedSVG(Self.chart(points).svg())
        let groups = try svg.elements("g", class: "points")
        #expect(groups.map { $0.value(of: "fill") } == ["#E69F00", "#0072B2"])
        #expect(groups.map { $0.value(of: "fill-opacity") } == ["0.7", "0.7"])
        let circles = groups.map { $0.elements(forName: "circle") }
        #expect(circles.map(\.count) == [2, 2])
        // Input order kept within a colour: x grows left to right.
        for group in circles {
            let xs = group.map { Double($0.value(of: "cx") ?? "") ?? 0 }
            #expect(xs == xs.sorted())
        }
        #expect(circles.flatMap { $0 }.allSatisfy { $0.value(of: "r") == "3" })
        #expect(circles.flatMap { $0 }.compactMap(ParsedSVG.titleText) == ["Ana"])
    }

    @Test func aBandIsShadedBehindThePointsWithItsLabel() throws {
        let band = ScatterChart.Band(from: 1_000, to: 100_000, label: "Micro", colour: .bluishGreen)
        let svg = try ParsedSVG(
            Self.chart([.init(x: 20, y: 1, colour: .blue), .init(x: 5_000, y: 2, colour: .blue)], bands: [band]).svg())
        let rects = try svg.elements("rect", class: "band")
        try #require(rects.count == 1)
        #expect(rects[0].value(of: "fill") == ChartColour.bluishGreen.hex)
        #expect(try svg.elements("text", class: "band-label").map(ParsedSVG.ownText) == ["Micro"])
        // On a log axis from 10 to 100 000 the band covers the last two of four decades.
        let x = Double(rects[0].value(of: "x") ?? "") ?? 0
        let width = Double(rects[0].value(of: "width") ?? "") ?? 0
        let axis = try #require(try svg.elements("line", class: "axis").first { $0.value(of: "y1") == $0.value(of: "y2") })
        let left = Double(axis.value(of: "x1") ?? "") ?? 0
        let right = Double(axis.value(of: "x2") ?? "") ?? 0
        #expect(abs(x - (left + (right - left) / 2)) < 0.2)
        #expect(abs(x + width - right) < 0.2)
        // Drawn before the points, so it sits behind them.
        let source = svg.source
        let bandAt = try #require(source.range(of: "class=\"band\""))
        let pointAt = try #require(source.range(of: "class=\"point\""))
        #expect(bandAt.lowerBound < pointAt.lowerBound)
    }

    @Test func tenThousandPointsStaySmall() throws {
        let points = (0..<10_000).map { index in
            ScatterChart.Point(
                x: pow(10, 1 + Double(index % 500) / 100), y: Double(index % 97) / 1_000,
                colour: ChartColour.palette[index % 3])
        }
        let rendered = Self.chart(points).svg().render()
        // About 50 bytes a point (a bare circle); the rest is axes.
        #expect(rendered.utf8.count < 10_000 * 55 + 5_000)
        #expect(rendered.components(separatedBy: "<circle").count - 1 == 10_000)
    }
}
