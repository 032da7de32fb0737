/// The layout pieces every chart shares: the `<svg>` root, text measure and truncation, the
/// legend, the axes and the two frames (rows of bars; x–y plots).
///
/// Text is measured without a font (the page chooses it): 0.6 × the font size per character is
/// a little wide for most sans-serif fonts, so an estimate errs towards room to spare.
enum ChartLayout {
    /// The size of labels, legend and axis titles.
    static let fontSize = 12.0
    /// The size of tick labels.
    static let tickFontSize = 11.0
    /// The margin around everything.
    static let padding = 8.0
    /// The height of one row of a bar chart.
    static let rowHeight = 22.0
    /// The thickness of one bar.
    static let barHeight = 14.0
    /// Room under the plot for tick labels and the axis title.
    static let bottomAxisHeight = 42.0
    /// Lines in the plot behind the data.
    static let gridColour = "#E5E5E5"
    /// Axis lines.
    static let axisColour = ChartColour.grey.hex
    /// The narrowest chart we lay out; a smaller or meaningless width is raised to it.
    static let minimumWidth = 240.0

    /// A width the layout can work with: finite and between 240 and 10,000.
    static func usableWidth(_ width: Double) -> Double {
        width.isFinite ? min(max(width, minimumWidth), 10_000) : 760
    }

    /// A height the layout can work with: finite and between 160 and 10,000.
    static func usableHeight(_ height: Double, default fallback: Double) -> Double {
        height.isFinite ? min(max(height, 160), 10_000) : fallback
    }

    // MARK: - Root

    /// The chart id as a single token (ASCII letters, digits, `-`, `_`), because
    /// `aria-labelledby` is a space-separated list of ids.
    static func token(_ id: String) -> String {
        let kept = id.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return Character(scalar)
            default: return "-"
            }
        }
        return kept.isEmpty ? "chart" : String(kept)
    }

    /// The `<svg>` element of a chart, with its accessible title and description first.
    static func svg(id: String, title: String, description: String, width: Double, height: Double, _ content: [Markup])
        -> Markup
    {
        let id = token(id)
        let w = ChartNumber.format(width)
        let h = ChartNumber.format(height)
        return .element(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(w) \(h)"), ("width", w), ("height", h),
                ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"), ("id", id), ("class", "chart"),
                // Set once here rather than on each text; the family is left to the page.
                ("font-size", ChartNumber.format(fontSize)),
            ],
            [
                .element("title", [("id", "\(id)-title")], [.text(title)]),
                .element("desc", [("id", "\(id)-desc")], [.text(description)]),
            ] + content)
    }

    // MARK: - Text

    /// The estimated width of `text` at `size`.
    static func textWidth(_ text: String, size: Double = fontSize) -> Double {
        Double(text.count) * 0.6 * size
    }

    /// `text` cut with "…" to fit `width` at `size`; nil when it fits as it is.
    static func truncated(_ text: String, width: Double, size: Double = fontSize) -> String? {
        // The tolerance keeps a label exactly as wide as the room (36.0 read as 35.99…) whole.
        guard width.isFinite, size > 0 else { return nil }
        let room = max(Int(min(max(width / (0.6 * size) + 1e-6, 0), 1e6)), 1)
        guard text.count > room else { return nil }
        return String(text.prefix(room - 1)) + "…"
    }

    /// A `<text>` element, truncated to `width` when given, with the full text in a `<title>`
    /// child when it was cut.
    static func text(
        _ content: String, x: Double, y: Double, width: Double? = nil, size: Double = fontSize,
        anchor: String? = nil, className: String? = nil, extra: [(String, String?)] = []
    ) -> Markup {
        let cut = width.flatMap { truncated(content, width: $0, size: size) }
        let attributes: [(String, String?)] =
            [
                ("class", className), ("x", ChartNumber.format(x)), ("y", ChartNumber.format(y)),
                ("text-anchor", anchor), ("font-size", size == fontSize ? nil : ChartNumber.format(size)),
            ] + extra
        guard let cut else { return .element("text", attributes, [.text(content)]) }
        return .element("text", attributes, [.element("title", [], [.text(content)]), .text(cut)])
    }

    /// The baseline that centres a line of text of `size` on `middle`.
    static func baseline(centredOn middle: Double, size: Double = fontSize) -> Double {
        middle + 0.35 * size
    }

    /// `link` if a browser would open it as a page, else nil.
    ///
    /// Only http, https, mailto and relative links (such as `#project-12`) are kept: a
    /// `javascript:` link would run script from a report that promises none.
    static func safeLink(_ link: String?) -> String? {
        guard let link else { return nil }
        // Browsers drop tabs and line breaks anywhere in a URL and spaces or controls around
        // it, so `java\nscript:` is still a script: read the scheme the way they do.
        let kept = link.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }.drop(while: { $0.value <= 0x20 })
        let normalised = String(String.UnicodeScalarView(kept))
        guard !normalised.isEmpty else { return nil }
        guard let colon = normalised.firstIndex(of: ":") else { return link }
        let head = normalised[..<colon]
        if head.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return link }
        return ["http", "https", "mailto"].contains(head.lowercased()) ? link : nil
    }

    // MARK: - Legend

    /// The legend laid out in rows from `top`, and the height it takes (0 when there is none).
    static func legend(_ entries: [LegendEntry], top: Double, width: Double) -> (markup: Markup?, height: Double) {
        guard !entries.isEmpty else { return (nil, 0) }
        let rowHeight = 18.0
        let right = width - padding
        let labelRoom = max(width - 2 * padding - 40, 40)
        var items: [Markup] = []
        var x = padding
        var rowTop = top
        for entry in entries {
            let swatchWidth = entry.isDashed ? 16.0 : 12.0
            let shown = truncated(entry.label, width: labelRoom) ?? entry.label
            let itemWidth = swatchWidth + 5 + textWidth(shown)
            if x > padding && x + itemWidth > right {
                x = padding
                rowTop += rowHeight
            }
            let middle = rowTop + rowHeight / 2
            let swatch: Markup =
                entry.isDashed
                ? .element(
                    "line",
                    [
                        ("class", "swatch"), ("x1", ChartNumber.format(x)), ("y1", ChartNumber.format(middle)),
                        ("x2", ChartNumber.format(x + swatchWidth)), ("y2", ChartNumber.format(middle)),
                        ("stroke", entry.colour.hex), ("stroke-width", "2"), ("stroke-dasharray", "6 4"),
                    ])
                : .element(
                    "rect",
                    [
                        ("class", "swatch"), ("x", ChartNumber.format(x)), ("y", ChartNumber.format(middle - 6)),
                        ("width", "12"), ("height", "12"), ("fill", entry.colour.hex),
                    ])
            items.append(swatch)
            items.append(text(entry.label, x: x + swatchWidth + 5, y: baseline(centredOn: middle), width: labelRoom))
            x += itemWidth + 16
        }
        let height = rowTop + rowHeight - top + 6
        return (.element("g", [("class", "legend")], items), height)
    }

    // MARK: - Axes

    /// A tick: where it is along its axis, and its label.
    struct Tick {
        let position: Double
        let label: String
    }

    /// The rectangle the data is drawn in.
    struct Plot {
        let left: Double
        let top: Double
        let right: Double
        let bottom: Double
    }

    /// The room an x axis gives each interval between ticks: its labels sit side by side.
    static let xTickSpacing = 90.0
    /// The room a y axis gives each interval between ticks: its labels are stacked.
    static let yTickSpacing = 50.0

    /// How many intervals an axis `length` long is divided into: one per `spacing`, from 2 to 8.
    static func tickCount(length: Double, spacing: Double) -> Int {
        min(max(Int(length / spacing), 2), 8)
    }

    /// Every `k`-th tick, `k` as small as keeps labels `extent` long from overlapping.
    static func thinned(_ ticks: [Tick], extent: (Tick) -> Double) -> [Tick] {
        guard ticks.count > 2 else { return ticks }
        var spacing = Double.infinity
        for (previous, next) in zip(ticks, ticks.dropFirst()) {
            spacing = min(spacing, abs(next.position - previous.position))
        }
        let needed = (ticks.map(extent).max() ?? 0) + 4
        guard spacing > 0, spacing < needed else { return ticks }
        let stride = Int((needed / spacing).rounded(.up))
        return ticks.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
    }

    /// The x axis under `plot`: vertical gridlines (when `grid`), the axis line, tick labels
    /// thinned so they don't overlap, and the axis title centred under the plot.
    static func bottomAxis(_ ticks: [Tick], plot: Plot, title: String, width: Double, grid: Bool = true) -> Markup {
        var items: [Markup] = []
        if grid {
            for tick in ticks {
                items.append(line(x1: tick.position, y1: plot.top, x2: tick.position, y2: plot.bottom, className: "grid"))
            }
        }
        items.append(line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, className: "axis"))
        for tick in thinned(ticks, extent: { textWidth($0.label, size: tickFontSize) }) {
            items.append(
                text(tick.label, x: tick.position, y: plot.bottom + 15, size: tickFontSize, anchor: "middle", className: "tick"))
        }
        let middle = (plot.left + plot.right) / 2
        // Centred under the plot unless that would push it off the chart.
        let room = width - 2 * padding
        let x = min(max(middle, padding + textWidth(title) / 2), width - padding - textWidth(title) / 2)
        items.append(
            text(
                title, x: textWidth(title) > room ? width / 2 : x, y: plot.bottom + 34, width: room, anchor: "middle",
                className: "axis-title"))
        return .group(items)
    }

    /// The y axis left of `plot`: horizontal gridlines, tick labels right-aligned against the
    /// plot, and the axis title turned a quarter left along the chart's left edge.
    static func leftAxis(_ ticks: [Tick], plot: Plot, title: String) -> Markup {
        var items: [Markup] = []
        for tick in ticks {
            items.append(line(x1: plot.left, y1: tick.position, x2: plot.right, y2: tick.position, className: "grid"))
        }
        items.append(line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, className: "axis"))
        let x = padding + fontSize
        let labelRoom = max(plot.left - 6 - x - 8, 12)
        for tick in thinned(ticks, extent: { _ in tickFontSize }) {
            items.append(
                text(
                    tick.label, x: plot.left - 6, y: baseline(centredOn: tick.position, size: tickFontSize),
                    width: labelRoom, size: tickFontSize, anchor: "end", className: "tick"))
        }
        let y = (plot.top + plot.bottom) / 2
        items.append(
            text(
                title, x: x, y: y, width: plot.bottom - plot.top, anchor: "middle", className: "axis-title",
                extra: [("transform", "rotate(-90 \(ChartNumber.format(x)) \(ChartNumber.format(y)))")]))
        return .group(items)
    }

    /// A one-pixel line in the grid or axis colour.
    static func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) -> Markup {
        .element(
            "line",
            [
                ("class", className), ("x1", ChartNumber.format(x1)), ("y1", ChartNumber.format(y1)),
                ("x2", ChartNumber.format(x2)), ("y2", ChartNumber.format(y2)),
                ("stroke", className == "grid" ? gridColour : axisColour), ("stroke-width", "1"),
            ])
    }

    // MARK: - Frames

    /// The room between a row's label and the plot.
    static let labelGap = 8.0

    /// The layout of a chart of horizontal rows: labels on the left, bars from a common zero,
    /// a label after each row, the value axis underneath.
    struct Rows {
        let width: Double
        let height: Double
        let legend: Markup?
        let plot: Plot
        let scale: LinearScale
        let ticks: [Tick]
        /// The room for a row label.
        let labelWidth: Double
        /// The room for the label after a bar.
        let trailingWidth: Double

        /// Row labels end here, a gap before the plot (they are right-aligned).
        var labelRight: Double {
            plot.left - labelGap
        }

        /// The top of row `index`.
        func rowTop(_ index: Int) -> Double {
            plot.top + Double(index) * rowHeight
        }

        /// The baseline of text centred in row `index`.
        func rowBaseline(_ index: Int) -> Double {
            baseline(centredOn: rowTop(index) + rowHeight / 2)
        }

        /// The top of the bar in row `index`.
        func barTop(_ index: Int) -> Double {
            rowTop(index) + (rowHeight - barHeight) / 2
        }

        /// The x axis with its gridlines and title.
        func axis(title: String) -> Markup {
            bottomAxis(ticks, plot: plot, title: title, width: width)
        }
    }

    /// Lays out `labels.count` rows whose bars go up to `maximum`, with `trailing` labels after
    /// them.
    static func rows(
        width: Double, legend entries: [LegendEntry], labels: [String], trailing: [String], maximum: Double,
        tickLabel: (Double) -> String
    ) -> Rows {
        let width = usableWidth(width)
        let key = legend(entries, top: padding, width: width)
        let top = padding + key.height + 4
        let labelWidth = min(labels.map { textWidth($0) }.max() ?? 0, (width * 0.3).rounded())
        // Value labels may say several things ("12 actions · 4 advocates · …"):
        // they get more room than row labels before being cut.
        let trailingWidth = min(trailing.map { textWidth($0) }.max() ?? 0, (width * 0.4).rounded())
        let left = padding + labelWidth + labelGap
        var right = width - padding - max(trailingWidth + 4, 12)
        let bottom = top + Double(max(labels.count, 1)) * rowHeight
        let tickCount = Self.tickCount(length: right - left, spacing: xTickSpacing)

        func ticks(of scale: LinearScale) -> [Tick] {
            scale.ticks(count: tickCount).map { Tick(position: scale($0), label: tickLabel($0)) }
        }
        var scale = LinearScale.nice(maximum: maximum, range: left...right, tickCount: tickCount)
        var axisTicks = ticks(of: scale)
        // The last tick label is centred on the end of the axis: make room for its right half.
        if let last = axisTicks.last {
            let overhang = textWidth(last.label, size: tickFontSize) / 2 - (width - padding - right)
            if overhang > 0 {
                // A caller's very long tick label must not leave the plot with no width.
                right = max(right - overhang, left + 40)
                scale = LinearScale.nice(maximum: maximum, range: left...right, tickCount: tickCount)
                axisTicks = ticks(of: scale)
            }
        }
        return Rows(
            width: width, height: bottom + bottomAxisHeight + padding, legend: key.markup,
            plot: Plot(left: left, top: top, right: right, bottom: bottom), scale: scale, ticks: axisTicks,
            labelWidth: labelWidth, trailingWidth: trailingWidth)
    }

    /// The layout of an x–y chart: legend on top, y axis on the left, x axis underneath.
    struct Cartesian {
        let width: Double
        let height: Double
        let legend: Markup?
        let plot: Plot
        let yScale: LinearScale
        let yTicks: [Tick]

        /// The SVG y of `value`: the scale runs downwards from the top, values upwards.
        func y(_ value: Double) -> Double {
            plot.top + plot.bottom - yScale(value)
        }

        /// The y axis with its gridlines and title.
        func yAxis(title: String) -> Markup {
            leftAxis(yTicks, plot: plot, title: title)
        }

        /// The x axis with `ticks` (and their gridlines when `grid`) and its title.
        func xAxis(_ ticks: [Tick], title: String, grid: Bool = true) -> Markup {
            bottomAxis(ticks, plot: plot, title: title, width: width, grid: grid)
        }
    }

    /// Lays out an x–y chart whose y axis covers 0 and `yValues`.
    static func cartesian(
        width: Double, height: Double, defaultHeight: Double, legend entries: [LegendEntry], yValues: [Double],
        yTickLabel: (Double) -> String
    ) -> Cartesian {
        let width = usableWidth(width)
        var height = usableHeight(height, default: defaultHeight)
        let key = legend(entries, top: padding, width: width)
        let top = padding + key.height + 6
        // A long legend must not squash the plot to nothing: the chart grows instead.
        height = max(height, top + 80 + bottomAxisHeight + padding)
        let bottom = height - padding - bottomAxisHeight
        let tickCount = Self.tickCount(length: bottom - top, spacing: yTickSpacing)
        let probe = LinearScale.nice(covering: yValues, range: top...bottom, tickCount: tickCount)
        let values = probe.ticks(count: tickCount)
        let labels = values.map(yTickLabel)
        let labelWidth = min(labels.map { textWidth($0, size: tickFontSize) }.max() ?? 0, width * 0.25)
        let left = padding + fontSize + 8 + labelWidth + 6
        let right = width - padding - 32
        let ticks = zip(values, labels).map { Tick(position: top + bottom - probe($0), label: $1) }
        return Cartesian(
            width: width, height: height, legend: key.markup,
            plot: Plot(left: left, top: top, right: right, bottom: bottom), yScale: probe, yTicks: ticks)
    }
}
