import Foundation
import Testing

@testable import AdvocacyReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Names that break naive markup: a script tag, and quotes, an apostrophe, an ampersand and a
/// letter outside ASCII.
enum HostileText {
    static let script = "<script>alert(1)</script>"
    static let quotes = "Zoë \"ZZ\" O'Brien & Co"
}

/// A rendered chart, parsed back as XML the way a strict reader would.
struct ParsedSVG {
    let source: String
    let document: XMLDocument

    /// Parses `markup`, failing the test if it is not well-formed XML.
    init(_ markup: Markup) throws {
        source = markup.render()
        document = try XMLDocument(xmlString: source, options: [])
    }

    /// The elements called `name` (the SVG namespace ignored), optionally with `className`
    /// among their classes, in document order.
    func elements(_ name: String, class className: String? = nil) throws -> [XMLElement] {
        var path = "//*[local-name()='\(name)']"
        if let className {
            path += "[contains(concat(' ', normalize-space(@class), ' '), ' \(className) ')]"
        }
        return try document.nodes(forXPath: path).compactMap { $0 as? XMLElement }
    }

    /// The root `<svg>` element.
    var root: XMLElement? { document.rootElement() }

    /// The text of an element without the text of its `<title>` child (the full label of a
    /// truncated one).
    static func ownText(_ element: XMLElement) -> String {
        (element.children ?? []).filter { $0.kind == .text }.compactMap(\.stringValue).joined()
    }

    /// The text of the element's `<title>` child, if it has one.
    static func titleText(_ element: XMLElement) -> String? {
        (element.children ?? []).first { $0.localName == "title" }?.stringValue
    }

    /// Every attribute value of every element, with the attribute's name.
    func allAttributes() throws -> [(name: String, value: String)] {
        try document.nodes(forXPath: "//@*").map { ($0.localName ?? $0.name ?? "", $0.stringValue ?? "") }
    }
}

/// A tick label as the French report writes it ("1 234,5"), so tests can check that a comma
/// in a label never leaks into coordinates.
func frenchNumber(_ value: Double) -> String {
    value.formatted(.number.precision(.fractionLength(0...1)).locale(Locale(identifier: "fr_FR")))
}

/// One chart of each kind, all built with `text` wherever the caller supplies words.
func sampleCharts(text: String = "Words") -> [(name: String, markup: Markup, axisTitles: [String])] {
    let bars = HorizontalBarChart(
        id: "bars", title: text, description: text,
        bars: [
            .init(label: text, value: 12, valueLabel: text, colour: .blue, tooltip: text, link: text),
            .init(label: "Zero", value: 0, valueLabel: "0", colour: .orange, isHighlighted: true),
            .init(label: "Other", value: 3.5, valueLabel: "3,5", colour: .orange),
        ],
        axisTitle: text, tickLabel: frenchNumber, legend: [LegendEntry(label: text, colour: .blue)])
    let stacked = StackedBarChart(
        id: "stacked", title: text, description: text,
        series: [.init(name: text, colour: .bluishGreen), .init(name: "B", colour: .skyBlue)],
        rows: [
            .init(label: text, values: [2, 0], totalLabel: text),
            .init(label: "Row", values: [1, 1234.5], totalLabel: "1 235,5"),
        ],
        axisTitle: text, tickLabel: frenchNumber)
    let scatter = ScatterChart(
        id: "scatter", title: text, description: text,
        points: [
            .init(x: 1_500, y: 0.04, colour: .blue, tooltip: text), .init(x: 250_000, y: 0.01, colour: .orange),
            .init(x: 0, y: 0.2, colour: .blue),
        ],
        xTitle: text, yTitle: text, xTickLabel: frenchNumber, yTickLabel: frenchNumber,
        bands: [.init(from: 1_000, to: 100_000, label: text, colour: .bluishGreen)],
        legend: [LegendEntry(label: text, colour: .blue)])
    let line = LineChart(
        id: "line", title: text, description: text, xLabels: ["S1", "S2", text, "S4"],
        series: [
            .init(name: text, values: [1, 3, nil, 4], colour: .blue),
            .init(name: "Target", values: [2, 2, 2], colour: .grey, isDashed: true),
        ],
        yTitle: text, xTitle: text, yTickLabel: frenchNumber)
    return [
        ("bars", bars.svg(), [text]), ("stacked", stacked.svg(), [text]), ("scatter", scatter.svg(), [text, text]),
        ("line", line.svg(), [text, text]),
    ]
}

extension XMLElement {
    /// The value of the attribute `name`.
    ///
    /// `attribute(forName:)` finds nothing on an element in a namespace (the SVG one) with
    /// swift-corelibs-foundation, so this looks through the attributes instead.
    func value(of name: String) -> String? {
        attributes?.first { ($0.localName ?? $0.name) == name }?.stringValue
    }
}
