import Foundation

/// Maps a linear domain of data values onto a range of SVG coordinates.
///
/// Charts start their value axis at 0, so a bar's length is proportional to its value, and end
/// it on a "nice" number (a multiple of 1, 2 or 5 × 10ⁿ) so that tick labels read well.
public struct LinearScale: Equatable, Sendable {
    /// The data values, from the lowest to the highest.
    public let domain: ClosedRange<Double>
    /// The coordinates the domain maps onto, `domain.lowerBound` onto `range.lowerBound`.
    public let range: ClosedRange<Double>

    /// A scale mapping `domain` onto `range`.
    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>) {
        self.domain = domain
        self.range = range
    }

    /// The coordinate of `value`; the start of the range when the domain is empty or the value
    /// is not finite, so that a chart of nothing still has finite coordinates.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, span.isFinite, value.isFinite else { return range.lowerBound }
        return range.lowerBound + (value - domain.lowerBound) / span * (range.upperBound - range.lowerBound)
    }

    /// A scale whose domain includes 0, `minimum` and `maximum` and ends on nice ticks.
    ///
    /// With no spread at all (no data, or all zeros) the domain is 0...1, so the chart still
    /// draws an axis. Values that are not finite are read as 0.
    public static func nice(minimum: Double = 0, maximum: Double, range: ClosedRange<Double>, tickCount: Int = 5)
        -> LinearScale
    {
        let low = min(0, minimum.isFinite ? minimum : 0)
        var high = max(0, maximum.isFinite ? maximum : 0)
        if high - low <= 0 { high = low + 1 }
        let step = NiceStep(approximating: (high - low) / Double(max(1, tickCount)))
        // The tolerance keeps 0.3 / 0.1 = 2.9999999999999996 from adding a whole empty step.
        let lower = step.multiple(floor(low / step.value + 1e-9))
        let upper = step.multiple(ceil(high / step.value - 1e-9))
        guard lower.isFinite, upper.isFinite, upper > lower else {
            return LinearScale(domain: low...high, range: range)
        }
        return LinearScale(domain: lower...upper, range: range)
    }

    /// A nice scale covering `values` and 0; see ``nice(minimum:maximum:range:tickCount:)``.
    public static func nice(covering values: some Sequence<Double>, range: ClosedRange<Double>, tickCount: Int = 5)
        -> LinearScale
    {
        let finite = values.filter(\.isFinite)
        return nice(minimum: finite.min() ?? 0, maximum: finite.max() ?? 0, range: range, tickCount: tickCount)
    }

    /// About `count` intervals' worth of ticks inside the domain, all multiples of one nice step.
    ///
    /// On a domain made by ``nice(minimum:maximum:range:tickCount:)`` with the same count, the
    /// first and last ticks are the ends of the domain.
    public func ticks(count: Int = 5) -> [Double] {
        let low = domain.lowerBound
        let high = domain.upperBound
        guard low.isFinite, high.isFinite else { return [] }
        guard high > low else { return [low] }
        let step = NiceStep(approximating: (high - low) / Double(max(1, count)))
        let first = ceil(low / step.value - 1e-9)
        let last = floor(high / step.value + 1e-9)
        // A step too small for the domain (1e300 wide) would give millions of ticks.
        guard last >= first, last - first <= 1_000 else { return [low, high] }
        // Counted with integers: past 2⁵³ adding 1 to a Double changes nothing. Adding 0 turns
        // -0 (from ceil(-1e-9)) into 0, which a number formatter writes "-0".
        return (0...Int(last - first)).map { step.multiple(first + Double($0)) + 0 }
    }
}

/// A step of 1, 2 or 5 × 10ⁿ.
struct NiceStep: Equatable {
    /// 1, 2 or 5.
    let mantissa: Double
    /// The power of ten.
    let exponent: Int

    /// The smallest nice step at least `raw`; 1 when `raw` is not a positive finite number.
    init(approximating raw: Double) {
        guard raw > 0, raw.isFinite else {
            self.init(mantissa: 1, exponent: 0)
            return
        }
        let exponent = Int(floor(log10(raw)))
        let normalised = raw / Self.power(exponent)
        // The tolerance keeps a raw step of exactly 2 (read as 2.0000000000000004) at 2.
        switch normalised {
        case ...(1 + 1e-9): self.init(mantissa: 1, exponent: exponent)
        case ...(2 + 1e-9): self.init(mantissa: 2, exponent: exponent)
        case ...(5 + 1e-9): self.init(mantissa: 5, exponent: exponent)
        default: self.init(mantissa: 1, exponent: exponent + 1)
        }
    }

    init(mantissa: Double, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    /// The step as a number.
    var value: Double { multiple(1) }

    /// `count` steps, computed so that 3 steps of 0.1 are exactly 0.3, not 0.30000000000000004.
    func multiple(_ count: Double) -> Double {
        exponent >= 0
            ? count * mantissa * Self.power(exponent)
            : count * mantissa / Self.power(-exponent)
    }

    /// 10ⁿ, exact for the exponents charts meet.
    static func power(_ exponent: Int) -> Double {
        pow(10, Double(exponent))
    }
}
