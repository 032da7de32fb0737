import Foundation
import Testing

@testable import AdvocacyReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What every chart promises, whatever its kind: accessible, escaped, self-contained,
/// deterministic and with finite coordinates.
@Suite("Every chart")
struct ChartCommonTests {
    static let names = sampleCharts().map(\.name)

    static func chart(_ name: String, text: String = "Words") throws -> (markup: Markup, axisTitles: [String]) {
        let chart = try #require(sampleCharts(text: text).first { $0.name == name })
        return (chart.markup, chart.axisTitles)
    }

    @Test(arguments: names)
    func isAnAccessibleImage(name: String) throws {
        let svg = try ParsedSVG(Self.chart(name).markup)
        let root = try #require(svg.root)
        #expect(root.localName == "svg")
        #expect(root.uri == "http://www.w3.org/2000/svg")
        #expect(root.value(of: "role") == "img")
        #expect(root.value(of: "class") == "chart")
        let children = (root.children ?? []).compactMap { $0 as? XMLElement }
        #expect(children.prefix(2).map(\.localName) == ["title", "desc"])
        let labelledBy = try #require(root.value(of: "aria-labelledby"))
        let ids = labelledBy.split(separator: " ").map(String.init)
        #expect(ids == children.prefix(2).compactMap { $0.value(of: "id") })
        #expect(ids == ["\(name)-title", "\(name)-desc"])
    }

    @Test(arguments: names)
    func hasAViewBoxMatchingItsSize(name: String) throws {
        let root = try #require(try ParsedSVG(Self.chart(name).markup).root)
        let width = try #require(root.value(of: "width"))
        let height = try #require(root.value(of: "height"))
        #expect(root.value(of: "viewBox") == "0 0 \(width) \(height)")
        #expect(Double(height).map { $0 > 50 } == true)
    }

    @Test(arguments: names)
    func showsItsAxisTitles(name: String) throws {
        let chart = try Self.chart(name, text: "Axis words")
        let titles = try ParsedSVG(chart.markup).elements("text", class: "axis-title").map(ParsedSVG.ownText)
        #expect(titles == chart.axisTitles)
    }

    @Test(arguments: names, [HostileText.script, HostileText.quotes])
    func callerWordsAreEscapedAndReadBackExactly(name: String, text: String) throws {
        let svg = try ParsedSVG(Self.chart(name, text: text).markup)
        #expect(!svg.source.contains("<script"))
        // Quotes may stay as they are in text, never an ampersand or a tag.
        #expect(!svg.source.contains("& Co"))
        #expect(!svg.source.contains("=\"Zoë \"ZZ"))
        let root = try #require(svg.root)
        #expect(root.elements(forName: "title").first?.stringValue == text)
        #expect(root.elements(forName: "desc").first?.stringValue == text)
        let texts = try svg.elements("text").map(ParsedSVG.ownText)
        // Axis titles, legend, a row label, a value label, a band label, an x label.
        #expect(texts.filter { $0 == text }.count >= 2)
        let tooltips = try svg.elements("title").compactMap(\.stringValue)
        #expect(tooltips.contains { $0.contains(text) })
    }

    @Test(arguments: names)
    func aControlCharacterStillGivesWellFormedXML(name: String) throws {
        let svg = try ParsedSVG(Self.chart(name, text: "a\u{1}b").markup)
        #expect(svg.root?.elements(forName: "title").first?.stringValue == "a\u{FFFD}b")
    }

    @Test(arguments: names)
    func refersToNothingOutside(name: String) throws {
        let svg = try ParsedSVG(Self.chart(name, text: HostileText.quotes).markup)
        let lowered = svg.source.lowercased()
        for forbidden in ["xlink", "url(", "<image", "<script", "<foreignobject", "<style", "javascript:", "http:", "https:"] {
            #expect(!lowered.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains(forbidden))
        }
        let hrefs = try svg.allAttributes().filter { $0.name == "href" }.map(\.value)
        // Only the bar chart was given a link.
        #expect(hrefs == (name == "bars" ? [HostileText.quotes] : []))
        // No event handlers either.
        #expect(try svg.allAttributes().allSatisfy { !$0.name.lowercased().hasPrefix("on") })
    }

    @Test(arguments: names)
    func coordinatesAreShortDotDecimals(name: String) throws {
        let svg = try ParsedSVG(Self.chart(name).markup)
        let numeric: Set = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"]
        let number = /-?[0-9]+(\.[0-9])?/
        var checked = 0
        for attribute in try svg.allAttributes() where numeric.contains(attribute.name) {
            #expect(attribute.value.wholeMatch(of: number) != nil, "\(attribute.name)=\(attribute.value)")
            #expect(attribute.value != "-0")
            checked += 1
        }
        #expect(checked > 10)
        for path in try svg.elements("path") {
            let d = path.value(of: "d") ?? ""
            #expect(d.wholeMatch(of: /([ML]-?[0-9]+(\.[0-9])? -?[0-9]+(\.[0-9])?)*/) != nil, "\(d)")
        }
    }

    @Test(arguments: names)
    func rendersTheSameStringEveryTime(name: String) throws {
        #expect(try Self.chart(name).markup.render() == Self.chart(name).markup.render())
    }

    @Test func anIdWithSpacesStaysOneToken() throws {
        let chart = HorizontalBarChart(
            id: "my chart\"1", title: "t", description: "d", bars: [], axisTitle: "a", tickLabel: frenchNumber)
        let root = try #require(try ParsedSVG(chart.svg()).root)
        #expect(root.value(of: "id") == "my-chart-1")
        #expect(root.value(of: "aria-labelledby") == "my-chart-1-title my-chart-1-desc")
    }
}

/// Charts with nothing to show, or only zeros, still draw an axis with finite coordinates.
@Suite("Charts of nothing")
struct EmptyChartTests {
    static func charts(values: [Double]) -> [Markup] {
        let labels = values.indices.map { "L\($0)" }
        return [
            HorizontalBarChart(
                id: "b", title: "t", description: "d",
                bars: values.map { .init(label: "b", value: $0, valueLabel: "0", colour: .blue) }, axisTitle: "a",
                tickLabel: frenchNumber
            ).svg(),
            StackedBarChart(
                id: "s", title: "t", description: "d", series: [.init(name: "s", colour: .blue)],
                rows: values.map { .init(label: "r", values: [$0], totalLabel: "0") }, axisTitle: "a", tickLabel: frenchNumber
            ).svg(),
            ScatterChart(
                id: "p", title: "t", description: "d", points: values.map { .init(x: $0, y: $0, colour: .blue) },
                xTitle: "x", yTitle: "y", xTickLabel: frenchNumber, yTickLabel: frenchNumber
            ).svg(),
            ScatterChart(
                id: "q", title: "t", description: "d", points: values.map { .init(x: $0, y: $0, colour: .blue) },
                xAxis: .linear, xTitle: "x", yTitle: "y", xTickLabel: frenchNumber, yTickLabel: frenchNumber
            ).svg(),
            LineChart(
                id: "l", title: "t", description: "d", xLabels: labels,
                series: [.init(name: "s", values: values.map { $0 }, colour: .blue)], yTitle: "y", xTitle: "x",
                yTickLabel: frenchNumber
            ).svg(),
        ]
    }

    @Test(arguments: [[], [0], [0, 0, 0], [.nan, .infinity, -.infinity, -5]] as [[Double]])
    func drawFiniteAxes(values: [Double]) throws {
        for markup in Self.charts(values: values) {
            let svg = try ParsedSVG(markup)
            #expect(!svg.source.lowercased().contains("nan"))
            #expect(!svg.source.lowercased().contains("inf"))
            #expect(try svg.elements("text", class: "tick").count >= 2)
            #expect(try !svg.elements("line", class: "axis").isEmpty)
        }
    }

    @Test func allZeroBarsGetAnAxisFromZeroToOne() throws {
        let svg = try ParsedSVG(Self.charts(values: [0, 0])[0])
        let ticks = try svg.elements("text", class: "tick").map(ParsedSVG.ownText)
        #expect(ticks.first == "0")
        #expect(ticks.last == "1")
    }

    @Test func aTinyOrMeaninglessWidthStillLaysOut() throws {
        for width in [0.0, -100, .nan, .infinity, 10] {
            let chart = HorizontalBarChart(
                id: "b", title: "t", description: "d",
                bars: [
                    .init(
                        label: String(repeating: "long ", count: 40), value: 5, valueLabel: String(repeating: "9", count: 40),
                        colour: .blue)
                ],
                axisTitle: "a", tickLabel: { _ in String(repeating: "x", count: 80) }, width: width)
            let svg = try ParsedSVG(chart.svg())
            let drawn = try #require(Double(svg.root?.value(of: "width") ?? ""))
            #expect(drawn >= 240)
            #expect(drawn <= 10_000)
            let bar = try #require(try svg.elements("rect", class: "bar").first)
            #expect(Double(bar.value(of: "width") ?? "") ?? 0 > 0)
        }
    }
}
