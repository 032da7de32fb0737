import Foundation

/// A calendar day with no time or time zone, such as a publication date.
///
/// Arithmetic is done on a day count (days since 1970-01-01) with the civil
/// calendar algorithms, so it is exact, fast and independent of the machine's
/// calendar settings.
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date when the fields name a real day, else `nil`.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (surrounding spaces allowed). Reads bytes, not
    /// characters: every stored date goes through here.
    public init(parsing text: String) throws {
        var bytes = Array(text.utf8)
        while bytes.last == 0x20 { bytes.removeLast() }
        if let first = bytes.firstIndex(where: { $0 != 0x20 }), first > 0 { bytes.removeFirst(first) }
        guard let date = bytes.withUnsafeBufferPointer(LocalDate.init(exactly:)) else { throw CoreError.invalidDate(text) }
        self = date
    }

    /// Exactly `YYYY-MM-DD` naming a real day, else `nil`: for dates read
    /// as bytes straight from the database.
    public init?(exactly bytes: UnsafeBufferPointer<UInt8>) {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for offset in range {
                let byte = bytes[offset]
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
            let y = number(0..<4), let m = number(5..<7), let d = number(8..<10)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day a moment falls on in a time zone.
    public init(_ moment: Date, in timeZone: TimeZone) {
        let seconds = moment.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: moment))
        self.init(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
    }

    /// The first and last days a `LocalDate` can hold.
    public static let earliest = LocalDate(daysSinceEpoch: -719_162)
    public static let latest = LocalDate(daysSinceEpoch: 2_932_896)

    /// A real day from fields that may be out of range: each is clamped
    /// (month 13 → 12, day 31 of a 30-day month → 30, year 0 → 1).
    public static func clamped(year: Int, month: Int, day: Int) -> LocalDate {
        let y = min(max(year, 1), 9999), m = min(max(month, 1), 12)
        let d = min(max(day, 1), daysIn(month: m, year: y))
        return LocalDate(unchecked: y, m, d)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` after 1970-01-01 (negative before it), kept between
    /// 0001-01-01 and 9999-12-31.
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = min(max(days, -719_162), 2_932_896) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int { ((daysSinceEpoch % 7 + 7 + 3) % 7) + 1 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD`: every date from ``earliest`` to ``latest`` has a four-digit year.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendISO(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``description``'s ten bytes to `bytes`, for the bulk loads.
    public func appendISO(to bytes: inout [UInt8]) {
        func digit(_ value: Int) -> UInt8 { 0x30 + UInt8(truncatingIfNeeded: value % 10) }
        bytes.append(digit(year / 1000))
        bytes.append(digit(year / 100))
        bytes.append(digit(year / 10))
        bytes.append(digit(year))
        bytes.append(0x2D)
        bytes.append(digit(month / 10))
        bytes.append(digit(month))
        bytes.append(0x2D)
        bytes.append(digit(day / 10))
        bytes.append(digit(day))
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension LocalDate {
    /// Refuses a date after `today`: nothing is published or measured in the future.
    public func requireNotAfter(_ today: LocalDate) throws {
        guard self <= today else { throw CoreError.futureDate(self, today: today) }
    }
}
