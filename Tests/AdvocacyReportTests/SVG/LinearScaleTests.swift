import Foundation
import Testing

@testable import AdvocacyReport

@Suite("Linear scale")
struct LinearScaleTests {
    /// Whether `value` is 1, 2 or 5 × 10ⁿ.
    static func isNice(_ value: Double) -> Bool {
        let power = pow(10, floor(log10(value)))
        let mantissa = value / power
        return [1, 2, 5, 10].contains { abs(mantissa - $0) < 1e-9 }
    }

    @Test func mapsTheDomainOntoTheRange() {
        let scale = LinearScale(domain: 0...50, range: 100...300)
        #expect(scale(0) == 100)
        #expect(scale(25) == 200)
        #expect(scale(50) == 300)
    }

    @Test(arguments: [0.07, 0.3, 1, 7, 9.5, 10, 11, 87, 99, 101, 999, 1_234, 5e6, 123_456_789])
    func niceTicksStartAtZeroAndCoverTheMaximum(maximum: Double) throws {
        let scale = LinearScale.nice(maximum: maximum, range: 0...500, tickCount: 5)
        let ticks = scale.ticks(count: 5)
        #expect(ticks.first == 0)
        // -0 == 0, but a formatter writes it "-0".
        #expect(ticks.first?.sign == .plus)
        let last = try #require(ticks.last)
        #expect(last >= maximum)
        #expect(last == scale.domain.upperBound)
        // Not wasteful either: the last step is needed.
        #expect(ticks.dropLast().last.map { $0 < maximum } ?? true)
        let step = ticks[1] - ticks[0]
        #expect(Self.isNice(step))
        for (previous, next) in zip(ticks, ticks.dropFirst()) {
            #expect(abs(next - previous - step) < step * 1e-9)
        }
        #expect((3...7).contains(ticks.count))
    }

    @Test func everyMaximumEndsOnATick() {
        // A sweep over mantissas, magnitudes and tick counts: the axis always ends on a tick.
        var misses: [String] = []
        for exponent in -3...7 {
            for hundredths in stride(from: 100, through: 1_000, by: 3) {
                let maximum = Double(hundredths) / 100 * pow(10, Double(exponent))
                for count in 2...8 {
                    let scale = LinearScale.nice(maximum: maximum, range: 0...1, tickCount: count)
                    let ticks = scale.ticks(count: count)
                    // 0.7000000000000001 is 0.7 for a chart: the axis may fall short by rounding dust.
                    let covers = (ticks.last ?? 0) >= maximum * (1 - 1e-12)
                    if ticks.last != scale.domain.upperBound || ticks.first != 0 || !covers {
                        misses.append("\(maximum)/\(count)")
                    }
                }
            }
        }
        #expect(misses.isEmpty, "\(misses.prefix(10))")
    }

    @Test func decimalTicksAreExact() {
        let scale = LinearScale.nice(maximum: 0.3, range: 0...1, tickCount: 3)
        #expect(scale.ticks(count: 3) == [0, 0.1, 0.2, 0.3])
    }

    @Test func allZerosGiveAnAxisFromZeroToOne() {
        let scale = LinearScale.nice(maximum: 0, range: 0...200)
        #expect(scale.domain == 0...1)
        #expect(scale.ticks(count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(scale(0) == 0)
        #expect(scale(1) == 200)
    }

    @Test func noDataGivesTheSameAxisAsZeros() {
        #expect(LinearScale.nice(covering: [], range: 0...200).domain == 0...1)
        #expect(LinearScale.nice(covering: [.nan, .infinity], range: 0...200).domain == 0...1)
    }

    @Test func negativeValuesExtendTheDomainBelowZero() {
        let scale = LinearScale.nice(covering: [-7, 12], range: 0...1, tickCount: 5)
        #expect(scale.domain.lowerBound <= -7)
        #expect(scale.domain.upperBound >= 12)
        #expect(scale.ticks(count: 5).contains(0))
    }

    @Test func aNarrowDomainFarFromZeroStillEnds() {
        // 1e20 and its neighbours are 16384 apart: steps of 5000 cannot all be told apart.
        let ticks = LinearScale(domain: 1e20...(1e20 + 16_384), range: 0...1).ticks(count: 5)
        #expect(!ticks.isEmpty)
        #expect(ticks.count <= 10)
    }

    @Test func anEmptyDomainMapsEverythingToTheStartOfTheRange() {
        let scale = LinearScale(domain: 5...5, range: 10...20)
        #expect(scale(5) == 10)
        #expect(scale(.nan) == 10)
        #expect(scale.ticks(count: 5) == [5])
    }
}
