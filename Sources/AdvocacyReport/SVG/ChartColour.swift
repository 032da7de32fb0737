/// A chart colour, from the Okabe–Ito palette that stays distinct for colour-blind readers.
///
/// The set is closed (no public initialiser): a colour is written into `fill` and `stroke`
/// attributes, and keeping it to known hex values means no caller can slip a `url(...)` in.
public struct ChartColour: Hashable, Sendable {
    /// The colour as `#RRGGBB`.
    public let hex: String

    init(hex: String) {
        self.hex = hex
    }

    /// Okabe–Ito orange, `#E69F00`.
    public static let orange = ChartColour(hex: "#E69F00")
    /// Okabe–Ito sky blue, `#56B4E9`.
    public static let skyBlue = ChartColour(hex: "#56B4E9")
    /// Okabe–Ito bluish green, `#009E73`.
    public static let bluishGreen = ChartColour(hex: "#009E73")
    /// Okabe–Ito yellow, `#F0E442`.
    public static let yellow = ChartColour(hex: "#F0E442")
    /// Okabe–Ito blue, `#0072B2`.
    public static let blue = ChartColour(hex: "#0072B2")
    /// Okabe–Ito vermillion, `#D55E00`: the colour of warnings and highlights.
    public static let vermillion = ChartColour(hex: "#D55E00")
    /// Okabe–Ito reddish purple, `#CC79A7`.
    public static let reddishPurple = ChartColour(hex: "#CC79A7")
    /// Okabe–Ito black, `#000000`.
    public static let black = ChartColour(hex: "#000000")
    /// A neutral grey, `#999999`, for "other" or "no data"; also the colour of axes.
    public static let grey = ChartColour(hex: "#999999")

    /// The seven Okabe–Ito colours other than black, in the order to give them to series.
    public static let palette: [ChartColour] = [
        .orange, .skyBlue, .bluishGreen, .yellow, .blue, .vermillion, .reddishPurple,
    ]
}
