/// A chart of horizontal bars from a common zero, one labelled row per item.
///
/// Rows read top to bottom in the order given, labels on the left where long names fit, each
/// value written after its bar so the chart reads without the axis and in black and white.
public struct HorizontalBarChart {
    /// One row of the chart.
    public struct Bar: Equatable, Sendable {
        /// The row's name, shown on the left (cut with "…" when too long, in full on hover).
        public var label: String
        /// The bar's length in data units; a negative or non-finite value draws as 0.
        public var value: Double
        /// The value as the reader should see it, written after the bar ("1 234", "12 %").
        public var valueLabel: String
        /// The bar's colour.
        public var colour: ChartColour
        /// The bar's hover text; "label: valueLabel" when nil.
        public var tooltip: String?
        /// Where the row's label leads (`#project-12`, an https page); only http, https, mailto
        /// and relative links are kept, any other scheme is dropped.
        public var link: String?
        /// Whether the row is called out with a light vermillion background and a bold label.
        public var isHighlighted: Bool

        /// A row; only the label, value, value label and colour are required.
        public init(
            label: String, value: Double, valueLabel: String, colour: ChartColour, tooltip: String? = nil,
            link: String? = nil, isHighlighted: Bool = false
        ) {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
            self.colour = colour
            self.tooltip = tooltip
            self.link = link
            self.isHighlighted = isHighlighted
        }
    }

    let id: String
    let title: String
    let description: String
    let bars: [Bar]
    let axisTitle: String
    let tickLabel: (Double) -> String
    let legend: [LegendEntry]
    let width: Double

    /// A chart of `bars`, in that order.
    ///
    /// - Parameters:
    ///   - id: the chart's id in the page, a token (other characters become `-`); its title and
    ///     description get `id-title` and `id-desc`.
    ///   - title: the accessible name, read by screen readers and shown by some viewers.
    ///   - description: a sentence saying what the chart shows, for screen readers.
    ///   - axisTitle: the words under the value axis.
    ///   - tickLabel: writes a value of the axis in the report's language.
    ///   - legend: entries shown above the chart when the colours mean something.
    ///   - width: the width in pixels (also the viewBox width); the height follows the rows.
    public init(
        id: String, title: String, description: String, bars: [Bar], axisTitle: String,
        tickLabel: @escaping (Double) -> String, legend: [LegendEntry] = [], width: Double = 760
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.bars = bars
        self.axisTitle = axisTitle
        self.tickLabel = tickLabel
        self.legend = legend
        self.width = width
    }

    /// The chart as an `<svg>` element, one `<rect class="bar">` per bar, in order.
    public func svg() -> Markup {
        let values = bars.map { $0.value.isFinite ? max($0.value, 0) : 0 }
        let layout = ChartLayout.rows(
            width: width, legend: legend, labels: bars.map(\.label), trailing: bars.map(\.valueLabel),
            maximum: values.max() ?? 0, tickLabel: tickLabel)
        var highlights: [Markup] = []
        var rows: [Markup] = []
        for (index, bar) in bars.enumerated() {
            if bar.isHighlighted {
                highlights.append(
                    .element(
                        "rect",
                        [
                            ("class", "highlight"), ("x", ChartNumber.format(ChartLayout.padding / 2)),
                            ("y", ChartNumber.format(layout.rowTop(index))),
                            ("width", ChartNumber.format(layout.width - ChartLayout.padding)),
                            ("height", ChartNumber.format(ChartLayout.rowHeight)), ("fill", ChartColour.vermillion.hex),
                            ("fill-opacity", "0.12"),
                        ]))
            }
            rows.append(row(bar, value: values[index], index: index, layout: layout))
        }
        var content: [Markup] = []
        if let key = layout.legend { content.append(key) }
        // Highlights and gridlines first: SVG paints in document order.
        content.append(.group(highlights))
        content.append(layout.axis(title: axisTitle))
        content.append(.group(rows))
        return ChartLayout.svg(
            id: id, title: title, description: description, width: layout.width, height: layout.height, content)
    }

    /// The label, bar and value label of one row.
    private func row(_ bar: Bar, value: Double, index: Int, layout: ChartLayout.Rows) -> Markup {
        let baseline = layout.rowBaseline(index)
        var label = ChartLayout.text(
            bar.label, x: layout.labelRight, y: baseline, width: layout.labelWidth, anchor: "end",
            className: "label", extra: [("font-weight", bar.isHighlighted ? "bold" : nil)])
        if let link = ChartLayout.safeLink(bar.link) {
            label = .element("a", [("href", link)], [label])
        }
        let start = layout.scale(0)
        let end = layout.scale(value)
        let rect = Markup.element(
            "rect",
            [
                ("class", bar.isHighlighted ? "bar highlighted" : "bar"), ("x", ChartNumber.format(start)),
                ("y", ChartNumber.format(layout.barTop(index))), ("width", ChartNumber.format(end - start)),
                ("height", ChartNumber.format(ChartLayout.barHeight)), ("fill", bar.colour.hex),
            ],
            [.element("title", [], [.text(bar.tooltip ?? "\(bar.label): \(bar.valueLabel)")])])
        let valueLabel = ChartLayout.text(
            bar.valueLabel, x: end + 4, y: baseline, width: layout.trailingWidth, className: "value")
        return .group([label, rect, valueLabel])
    }
}
