/// A scatter plot of points on a log or linear x axis and a linear y axis from 0, with
/// optional shaded bands on the x axis (the micro-influencer tier, 1k–100k followers).
///
/// Built to stay small with 10,000 points: points are grouped by colour in one `<g>` that
/// carries the fill, so each point is a bare `<circle>` (about 50 bytes) plus its tooltip.
public struct ScatterChart {
    /// One point.
    public struct Point: Equatable, Sendable {
        /// The x value; a point with x ≤ 0 cannot be placed on a log axis and is left out.
        public var x: Double
        /// The y value.
        public var y: Double
        /// The point's colour.
        public var colour: ChartColour
        /// The point's hover text, if any; without one the point has no `<title>` (smaller).
        public var tooltip: String?

        /// A point at (`x`, `y`).
        public init(x: Double, y: Double, colour: ChartColour, tooltip: String? = nil) {
            self.x = x
            self.y = y
            self.colour = colour
            self.tooltip = tooltip
        }
    }

    /// A shaded vertical band from `from` to `to` on the x axis, drawn behind the points.
    public struct Band: Equatable, Sendable {
        /// Where the band starts on the x axis.
        public var from: Double
        /// Where the band ends on the x axis.
        public var to: Double
        /// The words written at the top of the band.
        public var label: String
        /// The band's colour, drawn faint.
        public var colour: ChartColour

        /// A band from `from` to `to` labelled `label`.
        public init(from: Double, to: Double, label: String, colour: ChartColour) {
            self.from = from
            self.to = to
            self.label = label
            self.colour = colour
        }
    }

    /// How the x axis maps values.
    public enum Axis: Equatable, Sendable {
        /// Values spread evenly; the axis starts at 0.
        case linear
        /// Each decade gets the same room; ticks at 1, 10, 100…
        case log
    }

    let id: String
    let title: String
    let description: String
    let points: [Point]
    let xAxis: Axis
    let xTitle: String
    let yTitle: String
    let xTickLabel: (Double) -> String
    let yTickLabel: (Double) -> String
    let bands: [Band]
    let legend: [LegendEntry]
    let width: Double
    let height: Double

    /// A scatter plot of `points`.
    ///
    /// The x axis covers the points and the bands (so a band shows even when no point falls in
    /// it); the y axis starts at 0. Points that are not finite, or have x ≤ 0 on a log axis,
    /// are left out: ``drawablePoints`` says which remain.
    ///
    /// - Parameters:
    ///   - id: the chart's id in the page, a token (other characters become `-`).
    ///   - title: the accessible name.
    ///   - description: a sentence saying what the chart shows, for screen readers.
    ///   - xTitle, yTitle: the axis titles.
    ///   - xTickLabel, yTickLabel: write a value of each axis in the report's language.
    ///   - bands: shaded ranges of the x axis, each with a label.
    ///   - legend: entries shown above the plot when the colours mean something.
    public init(
        id: String, title: String, description: String, points: [Point], xAxis: Axis = .log, xTitle: String,
        yTitle: String, xTickLabel: @escaping (Double) -> String, yTickLabel: @escaping (Double) -> String,
        bands: [Band] = [], legend: [LegendEntry] = [], width: Double = 760, height: Double = 420
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.points = points
        self.xAxis = xAxis
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xTickLabel = xTickLabel
        self.yTickLabel = yTickLabel
        self.bands = bands
        self.legend = legend
        self.width = width
        self.height = height
    }

    /// The points that are drawn, in input order: finite, and with x > 0 on a log axis.
    public var drawablePoints: [Point] {
        points.filter { $0.x.isFinite && $0.y.isFinite && (xAxis == .linear || $0.x > 0) }
    }

    /// The chart as an `<svg>` element, one `<circle class="point">` per drawable point.
    public func svg() -> Markup {
        let drawn = drawablePoints
        let layout = ChartLayout.cartesian(
            width: width, height: height, defaultHeight: 420, legend: legend, yValues: drawn.map(\.y),
            yTickLabel: yTickLabel)
        let plot = layout.plot
        let xValues = drawn.map(\.x) + bands.flatMap { [$0.from, $0.to] }
        let x: (Double) -> Double
        let xTicks: [Double]
        switch xAxis {
        case .log:
            let scale = LogScale.nice(covering: xValues, range: plot.left...plot.right)
            x = { scale($0) }
            xTicks = scale.ticks()
        case .linear:
            let count = ChartLayout.tickCount(length: plot.right - plot.left, spacing: ChartLayout.xTickSpacing)
            let scale = LinearScale.nice(covering: xValues, range: plot.left...plot.right, tickCount: count)
            x = { scale($0) }
            xTicks = scale.ticks(count: count)
        }

        var content: [Markup] = []
        if let key = layout.legend { content.append(key) }
        content.append(layout.yAxis(title: yTitle))
        content.append(
            layout.xAxis(xTicks.map { ChartLayout.Tick(position: x($0), label: xTickLabel($0)) }, title: xTitle))
        let shadedBands = bands.compactMap { band($0, x: x, plot: plot) }
        content.append(.group(shadedBands.map(\.rect)))
        content.append(pointGroups(drawn, x: x, y: layout.y))
        // Labels last, so points never hide them.
        content.append(.group(shadedBands.map(\.label)))
        return ChartLayout.svg(
            id: id, title: title, description: description, width: layout.width, height: layout.height, content)
    }

    /// The points in one `<g>` per colour, colours in order of first appearance.
    private func pointGroups(_ drawn: [Point], x: (Double) -> Double, y: (Double) -> Double) -> Markup {
        var groupIndex: [ChartColour: Int] = [:]
        var groups: [(colour: ChartColour, circles: [Markup])] = []
        for point in drawn {
            let circle = Markup.element(
                "circle",
                [
                    ("class", "point"), ("cx", ChartNumber.format(x(point.x))), ("cy", ChartNumber.format(y(point.y))),
                    ("r", "3"),
                ],
                point.tooltip.map { [.element("title", [], [.text($0)])] } ?? [])
            if let index = groupIndex[point.colour] {
                groups[index].circles.append(circle)
            } else {
                groupIndex[point.colour] = groups.count
                groups.append((point.colour, [circle]))
            }
        }
        return .group(
            groups.map { group in
                .element(
                    "g", [("class", "points"), ("fill", group.colour.hex), ("fill-opacity", "0.7")], group.circles)
            })
    }

    /// The band's shaded rectangle and label, clipped to the plot; nil when it falls outside.
    private func band(_ band: Band, x: (Double) -> Double, plot: ChartLayout.Plot) -> (rect: Markup, label: Markup)? {
        guard band.from.isFinite, band.to.isFinite else { return nil }
        let low = min(band.from, band.to)
        let high = max(band.from, band.to)
        // A log scale puts values ≤ 0 at the left edge, so a band from 0 starts there.
        let left = max(x(low), plot.left)
        let right = min(x(high), plot.right)
        guard right > left else { return nil }
        let rect = Markup.element(
            "rect",
            [
                ("class", "band"), ("x", ChartNumber.format(left)), ("y", ChartNumber.format(plot.top)),
                ("width", ChartNumber.format(right - left)), ("height", ChartNumber.format(plot.bottom - plot.top)),
                ("fill", band.colour.hex), ("fill-opacity", "0.12"),
            ])
        let label = ChartLayout.text(
            band.label, x: (left + right) / 2, y: plot.top + 13, width: right - left - 4, size: ChartLayout.tickFontSize,
            anchor: "middle", className: "band-label",
            // A white outline painted under the letters keeps the label readable over points.
            extra: [("stroke", "#FFFFFF"), ("stroke-width", "3"), ("paint-order", "stroke")])
        return (rect, label)
    }
}
