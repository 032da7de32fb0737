/// A line chart over categories (weeks, months) with a y axis from 0, one line per series.
///
/// Gaps in the data stay gaps (the line breaks rather than inventing a value), and a series may
/// stop before the last category, for a period that is still running.
public struct LineChart {
    /// One line.
    public struct Series: Equatable, Sendable {
        /// The series' name in the legend and in each marker's hover text.
        public var name: String
        /// One value per x label, in order; nil (or a value that is not finite) is a gap. The
        /// list may be shorter than the labels; values past the last label are ignored.
        public var values: [Double?]
        /// The line's colour.
        public var colour: ChartColour
        /// Whether the line is dashed (a target, last year), so it reads in black and white.
        public var isDashed: Bool

        /// A series named `name`.
        public init(name: String, values: [Double?], colour: ChartColour, isDashed: Bool = false) {
            self.name = name
            self.values = values
            self.colour = colour
            self.isDashed = isDashed
        }
    }

    let id: String
    let title: String
    let description: String
    let xLabels: [String]
    let series: [Series]
    let yTitle: String
    let xTitle: String
    let yTickLabel: (Double) -> String
    let width: Double
    let height: Double

    /// A chart of `series` over the categories `xLabels`, with the series as legend.
    ///
    /// - Parameters:
    ///   - id: the chart's id in the page, a token (other characters become `-`).
    ///   - title: the accessible name.
    ///   - description: a sentence saying what the chart shows, for screen readers.
    ///   - xLabels: the categories, left to right; labels are thinned when they would overlap.
    ///   - yTitle, xTitle: the axis titles.
    ///   - yTickLabel: writes a value in the report's language, on the axis and in hover texts.
    public init(
        id: String, title: String, description: String, xLabels: [String], series: [Series], yTitle: String,
        xTitle: String, yTickLabel: @escaping (Double) -> String, width: Double = 760, height: Double = 300
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabels = xLabels
        self.series = series
        self.yTitle = yTitle
        self.xTitle = xTitle
        self.yTickLabel = yTickLabel
        self.width = width
        self.height = height
    }

    /// The chart as an `<svg>` element: one `<path class="series">` per series and one
    /// `<circle class="marker">` per value drawn.
    public func svg() -> Markup {
        let values = series.map { series in
            series.values.prefix(xLabels.count).map { value in value.flatMap { $0.isFinite ? $0 : nil } }
        }
        let layout = ChartLayout.cartesian(
            width: width, height: height, defaultHeight: 300,
            legend: series.map { LegendEntry(label: $0.name, colour: $0.colour, isDashed: $0.isDashed) },
            yValues: values.flatMap { $0.compactMap { $0 } }, yTickLabel: yTickLabel)
        let plot = layout.plot
        let step = (plot.right - plot.left) / Double(max(xLabels.count, 1))
        let x = { (index: Int) in plot.left + (Double(index) + 0.5) * step }

        var content: [Markup] = []
        if let key = layout.legend { content.append(key) }
        content.append(layout.yAxis(title: yTitle))
        let ticks = xLabels.enumerated().map { ChartLayout.Tick(position: x($0.offset), label: $0.element) }
        content.append(layout.xAxis(ticks, title: xTitle, grid: false))
        for (series, values) in zip(series, values) {
            content.append(line(series, values: values, x: x, y: layout.y))
        }
        return ChartLayout.svg(
            id: id, title: title, description: description, width: layout.width, height: layout.height, content)
    }

    /// The path of one series and its markers.
    private func line(_ series: Series, values: [Double?], x: (Int) -> Double, y: (Double) -> Double) -> Markup {
        var path = ""
        var isDrawing = false
        var markers: [Markup] = []
        for (index, value) in values.enumerated() {
            guard let value else {
                // The next value starts a new piece of line: a gap is not a zero.
                isDrawing = false
                continue
            }
            let px = ChartNumber.format(x(index))
            let py = ChartNumber.format(y(value))
            path += "\(isDrawing ? "L" : "M")\(px) \(py)"
            isDrawing = true
            markers.append(
                .element(
                    "circle", [("class", "marker"), ("cx", px), ("cy", py), ("r", "2.5")],
                    [.element("title", [], [.text("\(xLabels[index]) — \(series.name): \(yTickLabel(value))")])]))
        }
        let line = Markup.element(
            "path",
            [
                ("class", "series"), ("d", path.isEmpty ? nil : path), ("fill", "none"), ("stroke", series.colour.hex),
                ("stroke-width", "2"), ("stroke-linejoin", "round"), ("stroke-dasharray", series.isDashed ? "6 4" : nil),
            ])
        return .group([line, .element("g", [("class", "markers"), ("fill", series.colour.hex)], markers)])
    }
}
