import Testing

@testable import AdvocacyReport

@Suite("Log scale")
struct LogScaleTests {
    @Test func eachDecadeGetsTheSameRoom() {
        let scale = LogScale(domain: 1...1_000, range: 0...300)
        #expect(scale(1) == 0)
        #expect(abs(scale(10) - 100) < 1e-9)
        #expect(abs(scale(100) - 200) < 1e-9)
        #expect(scale(1_000) == 300)
    }

    @Test func niceDomainRunsFromDecadeToDecade() {
        let scale = LogScale.nice(covering: [3, 4_500, 120_000], range: 0...1)
        #expect(scale.domain == 1...1_000_000)
        #expect(scale.ticks() == [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000])
    }

    @Test func exactDecadesAreNotWidened() {
        #expect(LogScale.nice(minimum: 10, maximum: 1_000, range: 0...1).domain == 10...1_000)
        #expect(LogScale.nice(minimum: 0.01, maximum: 0.5, range: 0...1).ticks() == [0.01, 0.1, 1])
    }

    @Test func oneValueStillSpansADecade() {
        #expect(LogScale.nice(covering: [100], range: 0...1).domain == 100...1_000)
        #expect(LogScale.nice(covering: [250], range: 0...1).domain == 100...1_000)
    }

    @Test func nothingPositiveGivesOneToTen() {
        #expect(LogScale.nice(covering: [], range: 0...1).domain == 1...10)
        #expect(LogScale.nice(covering: [0, -5, .nan, .infinity], range: 0...1).domain == 1...10)
    }

    @Test func valuesWithNoLogarithmGoToTheStartOfTheRange() {
        let scale = LogScale(domain: 1...100, range: 50...250)
        #expect(scale(0) == 50)
        #expect(scale(-3) == 50)
        #expect(scale(.nan) == 50)
    }
}
