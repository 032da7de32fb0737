import Foundation

/// How a file writes its dates when they are not `YYYY-MM-DD`: a French
/// Excel saves `31/10/2026` (day first), an American one `10/31/2026`.
///
/// The order is a property of the file, never guessed cell by cell: either
/// given (`--date-order`), or read off the file as a whole by
/// ``decide(_:)``, which refuses a file whose dates could be read both ways.
public enum DateOrder: String, Sendable, CaseIterable, Vocabulary {
    /// Day, month, year: `31/10/2026`, `31.10.2026`, `31-10-2026`.
    case dmy
    /// Month, day, year: `10/31/2026`.
    case mdy
    /// Year, month, day: `2026/10/31`, `2026-10-31`.
    case ymd

    public static let vocabularyName = "date order"

    /// `text` as a day in this order. A time after the date (`31/10/2026
    /// 14:30`, as a spreadsheet may save it) is ignored; a two-digit year
    /// is refused, since its century is a guess.
    public func date(_ text: String) throws -> LocalDate {
        guard let parts = Self.parts(text) else { throw CoreError.invalidDate(text) }
        let (year, month, day): (Substring, Substring, Substring) =
            switch self {
            case .dmy: (parts[2], parts[1], parts[0])
            case .mdy: (parts[2], parts[0], parts[1])
            case .ymd: (parts[0], parts[1], parts[2])
            }
        guard year.count == 4, (1...2).contains(month.count), (1...2).contains(day.count),
            let y = Int(year), let m = Int(month), let d = Int(day), let date = LocalDate(year: y, month: m, day: d)
        else { throw CoreError.invalidDate(text) }
        return date
    }

    /// The three numbers of a date written with `/`, `.` or `-`, without a
    /// time that may follow it; `nil` for anything else.
    static func parts(_ text: String) -> [Substring]? {
        let date = text.split(separator: " ", maxSplits: 1).first ?? Substring(text)
        guard let separator = date.first(where: { $0 == "/" || $0 == "." || $0 == "-" }) else { return nil }
        let parts = date.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        return parts
    }

    /// Whether `text` is already `YYYY-MM-DD` (with or without a time after
    /// it), which every order reads the same.
    public static func isISO(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(11))
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        guard bytes.count == 10 || bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T") else { return false }
        return bytes[0..<10].enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    /// The order a file's dates are written in, from all of them, given as
    /// the line each is on and its text: `nil` when every date is
    /// `YYYY-MM-DD` (or there is none), so no order is needed.
    ///
    /// A year written first means ``ymd``. Otherwise a first number above 12
    /// shows the day comes first, a second number above 12 that the month
    /// does. Dates that are not three numbers are left for the row's own
    /// check to refuse.
    ///
    /// - Throws: ``CoreError/ambiguousDateOrder(line:text:)`` when no date
    ///   tells day-first from month-first (`05/10/2026` throughout), and
    ///   ``CoreError/mixedDateOrders(dayFirst:monthFirst:)`` when some dates
    ///   can only be day-first and others only month-first.
    public static func decide(_ dates: some Sequence<(line: Int, text: String)>) throws -> DateOrder? {
        var firstUndecided: (line: Int, text: String)?
        var dayFirst: (line: Int, text: String)?
        var monthFirst: (line: Int, text: String)?
        var yearFirst = false
        for date in dates {
            if isISO(date.text) { continue }
            guard let parts = parts(date.text), let first = Int(parts[0]), let second = Int(parts[1]) else { continue }
            if parts[0].count == 4 {
                yearFirst = true
            } else if first > 12 {
                dayFirst = dayFirst ?? date
            } else if second > 12 {
                monthFirst = monthFirst ?? date
            } else {
                firstUndecided = firstUndecided ?? date
            }
            if let dayFirst, let monthFirst {
                throw CoreError.mixedDateOrders(
                    dayFirst: "line \(dayFirst.line): \(dayFirst.text)", monthFirst: "line \(monthFirst.line): \(monthFirst.text)"
                )
            }
        }
        if dayFirst != nil { return .dmy }
        if monthFirst != nil { return .mdy }
        if let firstUndecided { throw CoreError.ambiguousDateOrder(line: firstUndecided.line, text: firstUndecided.text) }
        return yearFirst ? .ymd : nil
    }
}
