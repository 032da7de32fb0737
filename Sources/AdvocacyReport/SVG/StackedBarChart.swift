/// A chart of horizontal rows split into coloured segments, one per series, from a common zero.
///
/// Used where a total matters and so does its make-up (actions per project, by kind): the
/// total is written after each row, each segment names its series and value on hover.
public struct StackedBarChart {
    /// One kind of segment, shown in the legend.
    public struct Series: Equatable, Sendable {
        /// The series' name in the legend and in each segment's hover text.
        public var name: String
        /// The segments' colour.
        public var colour: ChartColour

        /// A series named `name`, drawn in `colour`.
        public init(name: String, colour: ChartColour) {
            self.name = name
            self.colour = colour
        }
    }

    /// One row of the chart.
    public struct Row: Equatable, Sendable {
        /// The row's name, shown on the left (cut with "…" when too long, in full on hover).
        public var label: String
        /// One value per series, in the order of the series. Missing values count as 0 and
        /// extra ones are ignored; negative or non-finite values draw nothing.
        public var values: [Double]
        /// The row's total as the reader should see it, written after the row.
        public var totalLabel: String

        /// A row named `label` with one value per series.
        public init(label: String, values: [Double], totalLabel: String) {
            self.label = label
            self.values = values
            self.totalLabel = totalLabel
        }
    }

    let id: String
    let title: String
    let description: String
    let series: [Series]
    let rows: [Row]
    let axisTitle: String
    let tickLabel: (Double) -> String
    let width: Double

    /// A chart of `rows`, in that order, each split by `series`, with the series as legend.
    ///
    /// - Parameters:
    ///   - id: the chart's id in the page, a token (other characters become `-`).
    ///   - title: the accessible name.
    ///   - description: a sentence saying what the chart shows, for screen readers.
    ///   - axisTitle: the words under the value axis.
    ///   - tickLabel: writes a value in the report's language, on the axis and in hover texts.
    ///   - width: the width in pixels; the height follows the rows.
    public init(
        id: String, title: String, description: String, series: [Series], rows: [Row], axisTitle: String,
        tickLabel: @escaping (Double) -> String, width: Double = 760
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.series = series
        self.rows = rows
        self.axisTitle = axisTitle
        self.tickLabel = tickLabel
        self.width = width
    }

    /// The chart as an `<svg>` element, one `<rect class="segment">` per non-zero value.
    public func svg() -> Markup {
        let values = rows.map { row in
            series.indices.map { index in
                let value = index < row.values.count ? row.values[index] : 0
                return value.isFinite ? max(value, 0) : 0
            }
        }
        let layout = ChartLayout.rows(
            width: width, legend: series.map { LegendEntry(label: $0.name, colour: $0.colour) },
            labels: rows.map(\.label), trailing: rows.map(\.totalLabel),
            maximum: values.map { $0.reduce(0, +) }.max() ?? 0, tickLabel: tickLabel)
        var content: [Markup] = []
        if let key = layout.legend { content.append(key) }
        content.append(layout.axis(title: axisTitle))
        for (index, row) in rows.enumerated() {
            content.append(self.row(row, values: values[index], index: index, layout: layout))
        }
        return ChartLayout.svg(
            id: id, title: title, description: description, width: layout.width, height: layout.height, content)
    }

    /// The label, segments and total label of one row.
    private func row(_ row: Row, values: [Double], index: Int, layout: ChartLayout.Rows) -> Markup {
        let baseline = layout.rowBaseline(index)
        var items = [
            ChartLayout.text(
                row.label, x: layout.labelRight, y: baseline, width: layout.labelWidth, anchor: "end", className: "label")
        ]
        var total = 0.0
        for (series, value) in zip(series, values) where value > 0 {
            let start = layout.scale(total)
            total += value
            let end = layout.scale(total)
            items.append(
                .element(
                    "rect",
                    [
                        ("class", "segment"), ("x", ChartNumber.format(start)), ("y", ChartNumber.format(layout.barTop(index))),
                        ("width", ChartNumber.format(end - start)), ("height", ChartNumber.format(ChartLayout.barHeight)),
                        ("fill", series.colour.hex),
                    ],
                    [.element("title", [], [.text("\(row.label) — \(series.name): \(tickLabel(value))")])]))
        }
        items.append(
            ChartLayout.text(
                row.totalLabel, x: layout.scale(total) + 4, y: baseline, width: layout.trailingWidth, className: "value"))
        return .group(items)
    }
}
