/// A span of days that reports, scores and budgets are computed over: a
/// year (`2026`), a quarter (`2026-Q3`), a month (`2026-11`) or an inclusive
/// range of dates (`2026-09-01..2026-11-30`, or `--from`/`--to`).
public enum Period: Hashable, Sendable, CustomStringConvertible {
    case year(Int)
    case quarter(year: Int, quarter: Int)
    case month(year: Int, month: Int)
    case range(from: LocalDate, to: LocalDate)

    /// Parses `2026`, `2026-Q3` (any case), `2026-11` or `FROM..TO`.
    public static func parse(_ text: String) throws -> Period {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let separator = trimmed.range(of: "..") {
            let from = String(trimmed[..<separator.lowerBound])
            let to = String(trimmed[separator.upperBound...])
            guard let start = try? LocalDate(parsing: from), let end = try? LocalDate(parsing: to) else {
                throw CoreError.invalidPeriod(text)
            }
            return try .between(start, end)
        }
        let parts = trimmed.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 4, let year = Self.number(parts[0]),
            (1...9999).contains(year)
        else { throw CoreError.invalidPeriod(text) }
        if parts.count == 1 { return .year(year) }
        let second = parts[1]
        if second.first == "Q", second.count == 2, let q = Self.number(second.dropFirst()), (1...4).contains(q) {
            return .quarter(year: year, quarter: q)
        }
        if second.count == 2, let m = Self.number(second), (1...12).contains(m) {
            return .month(year: year, month: m)
        }
        throw CoreError.invalidPeriod(text)
    }

    /// The inclusive range from `start` to `end`, refusing one that ends before it starts.
    public static func between(_ start: LocalDate, _ end: LocalDate) throws -> Period {
        guard start <= end else { throw CoreError.invalidRange(from: start, to: end) }
        return .range(from: start, to: end)
    }

    /// The calendar quarter a day falls in.
    public static func quarter(containing day: LocalDate) -> Period {
        .quarter(year: day.year, quarter: (day.month - 1) / 3 + 1)
    }

    /// The first day of the period. Out-of-range fields (a hand-built
    /// `.quarter(year: 2026, quarter: 5)`) are clamped rather than trapped.
    public var start: LocalDate {
        switch self {
        case .year(let y): .clamped(year: y, month: 1, day: 1)
        case .quarter(let y, let q): .clamped(year: y, month: (min(max(q, 1), 4) - 1) * 3 + 1, day: 1)
        case .month(let y, let m): .clamped(year: y, month: m, day: 1)
        case .range(let from, _): from
        }
    }

    /// The last day of the period, included.
    public var end: LocalDate {
        switch self {
        case .year(let y): .clamped(year: y, month: 12, day: 31)
        case .quarter(let y, let q): .clamped(year: y, month: min(max(q, 1), 4) * 3, day: 31)
        case .month(let y, let m): .clamped(year: y, month: m, day: 31)
        case .range(_, let to): to
        }
    }

    public func contains(_ day: LocalDate) -> Bool { start <= day && day <= end }

    /// Number of days, both ends included.
    public var dayCount: Int { start.days(until: end) + 1 }

    /// The period of the same shape just before this one: the previous year,
    /// quarter or month, or a range of the same length ending the day before.
    public var previous: Period {
        switch self {
        case .year(let y): .year(y - 1)
        case .quarter(let y, let q): q == 1 ? .quarter(year: y - 1, quarter: 4) : .quarter(year: y, quarter: q - 1)
        case .month(let y, let m): m == 1 ? .month(year: y - 1, month: 12) : .month(year: y, month: m - 1)
        case .range(let from, let to):
            .range(from: from.adding(days: -(from.days(until: to) + 1)), to: from.adding(days: -1))
        }
    }

    /// The canonical text form, which ``parse(_:)`` reads back.
    public var description: String {
        switch self {
        case .year(let y): String(y)
        case .quarter(let y, let q): "\(y)-Q\(q)"
        case .month(let y, let m): "\(y)-\(m < 10 ? "0" : "")\(m)"
        case .range(let from, let to): "\(from)..\(to)"
        }
    }

    private static func number(_ digits: Substring) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}

extension Period: Codable {
    public init(from decoder: any Decoder) throws {
        self = try Period.parse(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
