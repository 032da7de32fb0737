import Foundation

/// Maps a positive domain onto a range of SVG coordinates on a base-10 logarithmic scale.
///
/// Follower counts run from a few dozen to millions: on a log axis each decade gets the same
/// room, so the micro-influencer tier (1k–100k) is as readable as the rest.
public struct LogScale: Equatable, Sendable {
    /// The data values, both positive.
    public let domain: ClosedRange<Double>
    /// The coordinates the domain maps onto, `domain.lowerBound` onto `range.lowerBound`.
    public let range: ClosedRange<Double>

    /// A scale mapping `domain`, which should be positive, onto `range`.
    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>) {
        self.domain = domain
        self.range = range
    }

    /// The coordinate of `value`; the start of the range for a value ≤ 0 (which has no
    /// logarithm) or when the domain is not positive. Charts skip such values before asking.
    public func callAsFunction(_ value: Double) -> Double {
        let low = log10(domain.lowerBound)
        let high = log10(domain.upperBound)
        guard value > 0, value.isFinite, low.isFinite, high.isFinite, high > low else { return range.lowerBound }
        return range.lowerBound + (log10(value) - low) / (high - low) * (range.upperBound - range.lowerBound)
    }

    /// A scale from the decade at or below `minimum` to the decade at or above `maximum`.
    ///
    /// Values ≤ 0 or not finite are ignored; with nothing left the domain is 1...10, so a chart
    /// of nothing still draws an axis. The domain spans at least one decade.
    public static func nice(minimum: Double, maximum: Double, range: ClosedRange<Double>) -> LogScale {
        nice(covering: [minimum, maximum], range: range)
    }

    /// A scale from the decade at or below the smallest positive value to the one at or above
    /// the largest; see ``nice(minimum:maximum:range:)``.
    public static func nice(covering values: some Sequence<Double>, range: ClosedRange<Double>) -> LogScale {
        var smallest = Double.infinity
        var largest = 0.0
        for value in values where value > 0 && value.isFinite {
            smallest = min(smallest, value)
            largest = max(largest, value)
        }
        guard largest > 0 else { return LogScale(domain: 1...10, range: range) }
        // Clamped so that 10ⁿ stays a finite, non-zero Double.
        let low = min(max(Int(floor(log10(smallest) + 1e-9)), -300), 299)
        let high = min(max(Int(ceil(log10(largest) - 1e-9)), low + 1), 300)
        return LogScale(domain: decade(low)...decade(high), range: range)
    }

    /// The powers of ten inside the domain: 1, 10, 100, 1000…
    public func ticks() -> [Double] {
        let low = log10(domain.lowerBound)
        let high = log10(domain.upperBound)
        guard low.isFinite, high.isFinite, high >= low else { return [] }
        let first = Int(ceil(low - 1e-9))
        let last = Int(floor(high + 1e-9))
        guard last >= first else { return [] }
        return (first...last).map(Self.decade)
    }

    /// 10ⁿ, computed so that 10⁻² is exactly 0.01.
    static func decade(_ exponent: Int) -> Double {
        exponent >= 0 ? NiceStep.power(exponent) : 1 / NiceStep.power(-exponent)
    }
}
