import Foundation

/// Amounts of money, always whole cents: no floating point touches money.
public enum Money {
    /// The largest amount accepted anywhere: 100 million in the currency.
    public static let maximumCents = 10_000_000_000

    /// Reads an amount typed like `380`, `380.5`, `380.50` or, as French
    /// users type it, `380,50`, `6 000` or `6 000,00 €`: at most two
    /// decimals; spaces (no-break ones too) may group thousands, and the
    /// currency may follow (€ or a three-letter code), as a French page shows
    /// amounts. No other thousands separator: `1,234.56` is refused.
    public static func cents(parsing text: String) throws -> Int {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        if let currency = trimmed.firstMatch(of: /\s*(€|[A-Z]{3})$/) { trimmed.removeSubrange(currency.range) }
        trimmed.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        let parts = trimmed.split(separator: trimmed.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        let digits = Set("0123456789".utf8)
        guard (1...2).contains(parts.count), let whole = parts.first, whole.utf8.count <= 12,
            whole.utf8.allSatisfy(digits.contains), let units = Int(whole)
        else { throw CoreError.invalidAmount(text) }
        var cents = units * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.utf8.count), fraction.utf8.allSatisfy(digits.contains), let hundredths = Int(fraction)
            else { throw CoreError.invalidAmount(text) }
            cents += hundredths * (fraction.utf8.count == 1 ? 10 : 1)
        }
        guard cents <= maximumCents else { throw CoreError.invalidAmount(text) }
        return cents
    }

    /// 123456 as "1,234.56", the way the rest of the tool groups numbers.
    public static func text(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return sign + NumberText.grouped(Int(magnitude / 100)) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// 123456 in euros as "1,234.56 EUR".
    public static func text(_ cents: Int, currency: String) -> String {
        text(cents) + " " + currency
    }
}
