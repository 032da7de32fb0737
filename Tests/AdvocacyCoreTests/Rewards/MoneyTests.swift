import Foundation
import Testing

@testable import AdvocacyCore

@Suite("Money")
struct MoneyTests {
    @Test(arguments: [
        ("380", 38_000),
        ("380.5", 38_050),
        ("380.50", 38_050),
        ("380,50", 38_050),
        ("380,5", 38_050),
        (" 12 ", 1_200),
        ("0", 0),
        ("0.05", 5),
        ("0,07", 7),
        ("007", 700),
        ("100000000", 10_000_000_000),  // the largest amount accepted
        // As a French page shows amounts: spaces (no-break ones too) between thousands, the currency after.
        ("1 000", 100_000),
        ("6\u{00A0}000,00\u{00A0}€", 600_000),
        ("6\u{202F}000 EUR", 600_000),
        ("380,50€", 38_050),
    ])
    func anAmountIsReadInCents(text: String, cents: Int) throws {
        #expect(try Money.cents(parsing: text) == cents)
    }

    @Test(arguments: [
        "-5", "+5", "1e3", "3.141", "12 abc", "€", "EUR", "1,000.50", "1.000,50", "1,2,3", "", "  ", "abc", "12.", ".5", ",5",
        "12,",
        "100000000.01", "100000001", "999999999999999",
    ])
    func aMalformedAmountIsRefusedNamingIt(text: String) {
        #expect {
            try Money.cents(parsing: text)
        } throws: { error in
            guard case CoreError.invalidAmount(let value) = error else { return false }
            return value == text && error.localizedDescription.contains("'\(text)' is not an amount")
        }
    }

    @Test(arguments: [
        (0, "0.00"),
        (5, "0.05"),
        (50, "0.50"),
        (100, "1.00"),
        (38_050, "380.50"),
        (123_456, "1,234.56"),
        (10_000_000_000, "100,000,000.00"),
        (-5, "-0.05"),
        (-123_456, "-1,234.56"),
    ])
    func centsAreWrittenWithTwoDecimalsAndGroupedThousands(cents: Int, text: String) {
        #expect(Money.text(cents) == text)
    }

    @Test func theCurrencyFollowsTheAmount() {
        #expect(Money.text(300_000, currency: "EUR") == "3,000.00 EUR")
    }

    @Test(arguments: [0, 5, 99, 100, 38_050, 123_456, 9_999_999_999])
    func whatIsWrittenWithoutGroupingReadsBack(cents: Int) throws {
        let text = Money.text(cents).replacingOccurrences(of: ",", with: "")
        #expect(try Money.cents(parsing: text) == cents)
    }
}
