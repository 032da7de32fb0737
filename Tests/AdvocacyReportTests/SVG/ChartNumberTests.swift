import Testing

@testable import AdvocacyReport

@Suite("Chart numbers")
struct ChartNumberTests {
    @Test(arguments: [
        (12.0, "12"), (12.5, "12.5"), (12.46, "12.5"), (12.04, "12"), (0.05, "0.1"), (-3.25, "-3.3"), (-0.04, "0"),
        (-0.0, "0"), (0, "0"), (1_234_567.89, "1234567.9"), (.nan, "0"), (.infinity, "0"), (-.infinity, "0"),
    ])
    func formatsWithOneDecimalAtMost(value: Double, expected: String) {
        #expect(ChartNumber.format(value) == expected)
    }
}
