import AdvocacyCore
import Testing

@testable import AdvocacyReport

@Suite("Numbers, money and dates in the report's language")
struct ReportLanguageTests {
    @Test(
        arguments: [
            (1_234.5, 1, "1\u{202F}234,5", "1,234.5"), (0, 0, "0", "0"), (999, 0, "999", "999"),
            (1_000_000, 0, "1\u{202F}000\u{202F}000", "1,000,000"),
            (-3.25, 1, "\u{2212}3,3", "\u{2212}3.3"), (69.3, 1, "69,3", "69.3"), (0.04, 2, "0,04", "0.04"), (-0.01, 0, "0", "0"),
        ] as [(Double, Int, String, String)])
    func numbers(value: Double, decimals: Int, french: String, english: String) {
        #expect(ReportLanguage.fr.number(value, decimals: decimals) == french)
        #expect(ReportLanguage.en.number(value, decimals: decimals) == english)
    }

    @Test func percentagesMoneyAndSigns() {
        #expect(ReportLanguage.fr.percent(0.0415) == "4,2\u{202F}%")
        #expect(ReportLanguage.en.percent(0.0415) == "4.2%")
        #expect(ReportLanguage.fr.money(cents: 600_000, currency: "EUR") == "6\u{202F}000\u{00A0}€")
        #expect(ReportLanguage.en.money(cents: 600_050, currency: "EUR") == "€6,000.50")
        #expect(ReportLanguage.en.money(cents: 1_500, currency: "CHF") == "CHF\u{00A0}15")
        #expect(ReportLanguage.fr.money(cents: 1_500, currency: "CHF") == "15\u{00A0}CHF")
        #expect(ReportLanguage.en.signed(26.25, decimals: 1) == "+26.3")
        #expect(ReportLanguage.fr.signed(-2, decimals: 1) == "\u{2212}2,0")
        #expect(ReportLanguage.en.signed(0.01, decimals: 1) == "0.0")
    }

    @Test func datesAndPeriods() throws {
        let day = try LocalDate(parsing: "2026-11-21")
        #expect(ReportLanguage.fr.date(day) == "21 novembre 2026")
        #expect(ReportLanguage.en.date(day) == "21 November 2026")
        #expect(ReportLanguage.fr.date(try LocalDate(parsing: "2026-10-01")) == "1er octobre 2026")
        #expect(ReportLanguage.fr.shortDate(try LocalDate(parsing: "2026-09-28")) == "28 sept.")
        #expect(ReportLanguage.en.shortDate(try LocalDate(parsing: "2026-09-28")) == "28 Sep")
        #expect(ReportLanguage.fr.period(.quarter(year: 2026, quarter: 4)) == "T4 2026")
        #expect(ReportLanguage.en.period(.quarter(year: 2026, quarter: 4)) == "Q4 2026")
        #expect(ReportLanguage.fr.period(.month(year: 2026, month: 8)) == "août 2026")
        #expect(ReportLanguage.en.period(try Period.parse("2026-09-01..2026-09-30")) == "1 September 2026 to 30 September 2026")
    }

    @Test(arguments: [
        (["LANG": "fr_FR.UTF-8"], ReportLanguage.fr), (["LANG": "en_GB.UTF-8"], .en), ([:], .en), (["LANG": "C"], .en),
        (["LANG": "en_US.UTF-8", "LC_ALL": "fr_CA.UTF-8"], .fr), (["LC_ALL": "", "LANG": "fr_BE"], .fr),
    ])
    func languageFromTheEnvironment(environment: [String: String], language: ReportLanguage) {
        #expect(ReportLanguage.preferred(by: environment) == language)
    }
}
