import AdvocacyCore
import Foundation

/// The language a report is written in, with its way of writing numbers,
/// money and dates: French writes `1 234,5`, `4,2 %`, `6 000 €` and
/// `21 novembre 2026`; English `1,234.5`, `4.2%`, `€6,000` and `21 November 2026`.
///
/// Written out here rather than taken from Foundation's formatters, whose
/// output depends on the ICU data of the machine: the same database must
/// give the same report everywhere.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case fr, en

    /// The language `LANG` (or `LC_ALL`, `LC_MESSAGES`) asks for: French for
    /// `fr…`, English otherwise.
    public static func preferred(by environment: [String: String]) -> ReportLanguage {
        let setting = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return setting.lowercased().hasPrefix("fr") ? .fr : .en
    }

    /// Chooses the French or the English wording.
    func say(_ french: String, _ english: String) -> String { self == .fr ? french : english }

    // MARK: Numbers

    /// A number with `decimals` digits after the separator, grouped by thousands.
    public func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        // Beyond what an Int holds in whole units (no programme gets there), plain digits.
        guard abs(value) < 1e15 else { return String(format: "%.0f", value) }
        let scale = pow(10, Double(decimals))
        let rounded = (abs(value) * scale).rounded()
        let whole = Int(rounded / scale)
        var text = grouped(whole)
        if decimals > 0 {
            let fraction = Int(rounded - Double(whole) * scale)
            let digits = String(fraction)
            text += decimalSeparator + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return (value < 0 && rounded > 0 ? "\u{2212}" : "") + text
    }

    /// A whole number grouped by thousands.
    public func integer(_ value: Int) -> String {
        (value < 0 ? "\u{2212}" : "") + grouped(value.magnitude)
    }

    /// A signed difference: `+12`, `−3,5`, `0`.
    public func signed(_ value: Double, decimals: Int = 0) -> String {
        let text = number(value, decimals: decimals)
        return value > 0 && text != number(0, decimals: decimals) ? "+" + text : text
    }

    /// A fraction as a percentage with one decimal: `0.042` is `4,2 %` or `4.2%`.
    public func percent(_ fraction: Double, decimals: Int = 1) -> String {
        number(fraction * 100, decimals: decimals) + (self == .fr ? "\u{202F}%" : "%")
    }

    /// An amount of money: cents only when there are any.
    public func money(cents: Int, currency: String) -> String {
        let amount = number(Double(cents) / 100, decimals: cents % 100 == 0 ? 0 : 2)
        let symbol = ["EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"][currency]
        switch self {
        case .fr: return amount + "\u{00A0}" + (symbol ?? currency)
        case .en:
            return symbol.map { amount.hasPrefix("\u{2212}") ? "\u{2212}" + $0 + amount.dropFirst() : $0 + amount } ?? currency
                + "\u{00A0}" + amount
        }
    }

    private var decimalSeparator: String { self == .fr ? "," : "." }

    private func grouped<Whole: BinaryInteger>(_ value: Whole) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        // French groups with a narrow no-break space (as the Imprimerie nationale
        // recommends), so a number never breaks across lines.
        let separator: Character = self == .fr ? "\u{202F}" : ","
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(separator) }
            result.append(digit)
        }
        return result
    }

    // MARK: Dates and periods

    private var monthNames: [String] {
        switch self {
        case .fr:
            [
                "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
                "décembre",
            ]
        case .en:
            [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                "December",
            ]
        }
    }

    private var shortMonthNames: [String] {
        switch self {
        case .fr: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
        case .en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        }
    }

    /// `21 novembre 2026`, `21 November 2026` (`1er` for the first of a French month).
    public func date(_ day: LocalDate) -> String {
        "\(dayOfMonth(day)) \(monthNames[day.month - 1]) \(day.year)"
    }

    /// `29 sept.`, `29 Sep`: a week on a chart's axis.
    public func shortDate(_ day: LocalDate) -> String {
        "\(dayOfMonth(day)) \(shortMonthNames[day.month - 1])"
    }

    private func dayOfMonth(_ day: LocalDate) -> String {
        self == .fr && day.day == 1 ? "1er" : String(day.day)
    }

    /// `T4 2026` / `Q4 2026`, `novembre 2026`, `2026`, or the range's two dates.
    public func period(_ period: Period) -> String {
        switch period {
        case .year(let year): String(year)
        case .quarter(let year, let quarter): say("T\(quarter) \(year)", "Q\(quarter) \(year)")
        case .month(let year, let month): "\(monthNames[min(max(month, 1), 12) - 1]) \(year)"
        case .range(let from, let to): say("du \(date(from)) au \(date(to))", "\(date(from)) to \(date(to))")
        }
    }
}
