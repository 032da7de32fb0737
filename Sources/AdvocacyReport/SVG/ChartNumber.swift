/// SVG coordinates as text: at most one decimal, `.` as separator, never `-0`, never `nan`.
///
/// A tenth of a pixel is finer than any screen or printer shows, and the short form keeps a
/// 10,000-point chart small. Integers are formatted by the standard library, which does not
/// look at the process locale, so a French machine still writes `12.5`.
enum ChartNumber {
    /// `value` rounded to a tenth; a value that is not finite is written `0`.
    static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        // Past ±1e15 the chart is broken anyway; the guard keeps `Int(_:)` from trapping.
        guard tenths.isFinite, abs(tenths) < 1e15 else { return "0" }
        let scaled = Int(tenths)
        if scaled == 0 { return "0" }
        let magnitude = scaled.magnitude
        let sign = scaled < 0 ? "-" : ""
        let whole = magnitude / 10
        let fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
