import Foundation

/// How long the programme keeps what people published and their audiences:
/// `privacy purge --older-than 24m` removes what is older.
public struct RetentionPeriod: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable {
        case days = "d", months = "m", years = "y"
    }

    public var count: Int
    public var unit: Unit

    /// The shortest period accepted: a purge is meant for old data, and a
    /// typo such as `2d` must not wipe the current quarter.
    public static let minimumDays = 30

    /// Reads `24m` (months), `730d` (days) or `2y` (years); refuses less
    /// than a month (1m, 30d).
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last, let unit = Unit(rawValue: String(last)),
            let count = Int(trimmed.dropLast()), trimmed.dropLast().allSatisfy(\.isASCII), count > 0, count <= 100_000
        else { throw CoreError.invalidRetention(text) }
        switch unit {
        case .days: guard count >= Self.minimumDays else { throw CoreError.invalidRetention(text) }
        case .months, .years: break
        }
        if unit == .years && count > 1000 { throw CoreError.invalidRetention(text) }
        self.count = count
        self.unit = unit
    }

    public var description: String { "\(count)\(unit.rawValue)" }

    /// The first day kept: what is dated before it is older than the period.
    /// Months and years count calendar months (31 March minus one month is
    /// 28 or 29 February).
    public func cutoff(today: LocalDate) -> LocalDate {
        switch unit {
        case .days: return today.adding(days: -count)
        case .months, .years:
            let months = unit == .years ? count * 12 : count
            let total = today.year * 12 + (today.month - 1) - months
            guard total >= 12 else { return .earliest }
            return LocalDate.clamped(year: total / 12, month: total % 12 + 1, day: today.day)
        }
    }
}
