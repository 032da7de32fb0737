import Foundation
import Testing

@testable import AdvocacyReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Horizontal bar chart")
struct HorizontalBarChartTests {
    static func chart(_ bars: [HorizontalBarChart.Bar], width: Double = 760) -> HorizontalBarChart {
        HorizontalBarChart(
            id: "bars", title: "Actions", description: "Actions per project", bars: bars, axisTitle: "Actions",
            tickLabel: frenchNumber, width: width)
    }

    static func bar(_ label: String, _ value: Double, link: String? = nil, highlighted: Bool = false) -> HorizontalBarChart.Bar {
        .init(label: label, value: value, valueLabel: frenchNumber(value), colour: .blue, link: link, isHighlighted: highlighted)
    }

    static func width(_ element: XMLElement) -> Double {
        Double(element.value(of: "width") ?? "") ?? -1
    }

    @Test(arguments: [0, 1, 3, 40])
    func drawsOneBarPerInputIncludingZeros(count: Int) throws {
        let bars = (0..<count).map { Self.bar("P\($0)", Double($0 % 3)) }
        let rects = try ParsedSVG(Self.chart(bars).svg()).elements("rect", class: "bar")
        #expect(rects.count == count)
        #expect(rects.filter { Self.width($0) == 0 }.count == bars.filter { $0.value == 0 }.count)
    }

    @Test func barLengthsAreProportionalFromACommonZero() throws {
        let rects = try ParsedSVG(Self.chart([Self.bar("a", 10), Self.bar("b", 40), Self.bar("c", 20)]).svg())
            .elements("rect", class: "bar")
        let widths = rects.map(Self.width)
        #expect(abs(widths[1] / widths[0] - 4) < 0.05)
        #expect(abs(widths[2] / widths[0] - 2) < 0.05)
        #expect(Set(rects.map { $0.value(of: "x") }).count == 1)
    }

    @Test func negativeAndNonFiniteValuesDrawAsZero() throws {
        let svg = try ParsedSVG(Self.chart([Self.bar("a", -5), Self.bar("b", .nan), Self.bar("c", 2)]).svg())
        #expect(try svg.elements("rect", class: "bar").map(Self.width).prefix(2) == [0, 0])
    }

    @Test func eachBarHasItsTooltip() throws {
        var withTooltip = Self.bar("b", 2)
        withTooltip.tooltip = "Two actions this month"
        let rects = try ParsedSVG(Self.chart([Self.bar("a", 1_234.5), withTooltip]).svg()).elements("rect", class: "bar")
        #expect(rects.map(ParsedSVG.titleText) == ["a: 1\u{202F}234,5", "Two actions this month"])
    }

    @Test func theAxisCoversTheLargestValueWithNiceTicks() throws {
        let svg = try ParsedSVG(Self.chart([Self.bar("a", 87), Self.bar("b", 12)]).svg())
        let ticks = try svg.elements("text", class: "tick").map(ParsedSVG.ownText)
        #expect(ticks.first == "0")
        #expect(ticks.last == "100")
        #expect(try svg.elements("line", class: "grid").count == ticks.count)
    }

    @Test func aHighlightedRowIsCalledOut() throws {
        let svg = try ParsedSVG(Self.chart([Self.bar("Busy", 4), Self.bar("Orphan", 0, highlighted: true)]).svg())
        let highlights = try svg.elements("rect", class: "highlight")
        try #require(highlights.count == 1)
        #expect(highlights[0].value(of: "fill") == ChartColour.vermillion.hex)
        let bars = try svg.elements("rect", class: "bar")
        #expect(bars.map { $0.value(of: "class") } == ["bar", "bar highlighted"])
        let labels = try svg.elements("text", class: "label")
        #expect(labels.map { $0.value(of: "font-weight") } == [nil, "bold"])
        // The background spans the orphan's row, not the other one.
        let rowTop = Double(highlights[0].value(of: "y") ?? "") ?? 0
        let barTop = Double(bars[1].value(of: "y") ?? "") ?? 0
        #expect(barTop > rowTop && barTop < rowTop + 22)
    }

    @Test func aLinkWrapsTheLabel() throws {
        let svg = try ParsedSVG(Self.chart([Self.bar("Portal", 3, link: "#project-12"), Self.bar("Other", 1)]).svg())
        let links = try svg.elements("a")
        try #require(links.count == 1)
        #expect(links[0].value(of: "href") == "#project-12")
        #expect(links[0].children?.compactMap { $0 as? XMLElement }.map(ParsedSVG.ownText) == ["Portal"])
        #expect(!svg.source.contains("xlink"))
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", " java\nscript:alert(1)", "data:text/html,x", "vbscript:x"])
    func aLinkThatWouldRunScriptIsDropped(link: String) throws {
        let svg = try ParsedSVG(Self.chart([Self.bar("Portal", 3, link: link)]).svg())
        #expect(try svg.elements("a").isEmpty)
        #expect(try svg.elements("text", class: "label").map(ParsedSVG.ownText) == ["Portal"])
    }

    @Test(arguments: [
        "https://intranet.example/p/12", "http://x.example", "mailto:cio@example.org", "#p-1", "projects/12.html", "a/b:c",
    ])
    func aPageLinkIsKept(link: String) throws {
        let svg = try ParsedSVG(Self.chart([Self.bar("Portal", 3, link: link)]).svg())
        #expect(try svg.elements("a").map { $0.value(of: "href") } == [link])
    }

    @Test func aLongLabelIsCutAndKeptWholeInItsTitle() throws {
        let long = "Cloud souverain et sécurité des postes de travail nomades pour les équipes terrain"
        let svg = try ParsedSVG(Self.chart([Self.bar(long, 3), Self.bar("Short", 1)]).svg())
        let labels = try svg.elements("text", class: "label")
        let shown = ParsedSVG.ownText(labels[0])
        #expect(shown.hasSuffix("…"))
        #expect(long.hasPrefix(String(shown.dropLast())))
        // 35 % of 760 px at 7.2 px a character.
        #expect(shown.count <= 37)
        #expect(ParsedSVG.titleText(labels[0]) == long)
        #expect(ParsedSVG.titleText(labels[1]) == nil)
    }

    @Test func heightGrowsWithTheRows() throws {
        func height(_ rows: Int) throws -> Double {
            let svg = try ParsedSVG(Self.chart((0..<rows).map { Self.bar("P\($0)", 1) }).svg())
            return Double(svg.root?.value(of: "height") ?? "") ?? 0
        }
        #expect(try height(12) - height(2) == 10 * 22)
    }

    @Test func aLegendShowsOneSwatchPerEntry() throws {
        let chart = HorizontalBarChart(
            id: "bars", title: "t", description: "d", bars: [Self.bar("a", 1)], axisTitle: "x", tickLabel: frenchNumber,
            legend: [LegendEntry(label: "With advocate", colour: .blue), LegendEntry(label: "None", colour: .vermillion)])
        let svg = try ParsedSVG(chart.svg())
        let legend = try svg.elements("g", class: "legend")
        try #require(legend.count == 1)
        #expect(try svg.elements("rect", class: "swatch").map { $0.value(of: "fill") } == ["#0072B2", "#D55E00"])
        #expect(legend[0].elements(forName: "text").map(ParsedSVG.ownText) == ["With advocate", "None"])
        #expect(try ParsedSVG(Self.chart([Self.bar("a", 1)]).svg()).elements("g", class: "legend").isEmpty)
    }
}
