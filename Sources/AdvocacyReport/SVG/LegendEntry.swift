/// One entry of a chart's legend: a colour swatch and the words that explain it.
public struct LegendEntry: Hashable, Sendable {
    /// The words shown next to the swatch, in the report's language.
    public var label: String
    /// The colour of the swatch.
    public var colour: ChartColour
    /// Whether the swatch is a dashed line, for a dashed series, rather than a square.
    public var isDashed: Bool

    /// An entry with a square swatch, or a dashed line when `isDashed`.
    public init(label: String, colour: ChartColour, isDashed: Bool = false) {
        self.label = label
        self.colour = colour
        self.isDashed = isDashed
    }
}
