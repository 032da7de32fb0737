import Foundation

/// Reads the two date formats feeds use, keeping only the calendar day.
///
/// The day is the one written, in the offset it was written with: a post
/// stamped `23:30:00 -0200` was published on that day for its author, and
/// converting to UTC would move it to the next one. So the zone is checked for
/// shape but never applied, and every function returns `nil` rather than
/// guess when the text is not a date.
enum FeedDate {
    /// RFC 822 / RFC 1123, as RSS `<pubDate>` writes it:
    /// `Mon, 30 Sep 2026 18:42:00 +0000`. Tolerates what blogs actually emit:
    /// no weekday, a one-digit day, a full or abbreviated month name in any
    /// case, a two-digit year, no seconds, no time or no zone, and any
    /// alphabetic zone (`GMT`, `EDT`, `CEST`...). Falls back to RFC 3339,
    /// which some generators put in `<pubDate>`.
    static func rfc822(_ text: String) -> LocalDate? {
        var tokens = text.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        if let first = tokens.first, weekdays.contains(first.lowercased()) { tokens.removeFirst() }
        guard (3...5).contains(tokens.count), let day = number(tokens[0], digits: 1...2),
            let month = months[tokens[1].lowercased()], tokens[2].count != 3, let written = number(tokens[2], digits: 2...4)
        else { return rfc3339(text) }
        // RFC 822 wrote two-digit years; RFC 1123 moved to four.
        let year = tokens[2].count == 2 ? (written < 50 ? 2000 + written : 1900 + written) : written
        if tokens.count >= 4 {
            var cursor = Cursor(tokens[3])
            guard cursor.time(), cursor.isAtEnd else { return nil }
        }
        if tokens.count == 5 {
            let zone = tokens[4]
            var cursor = Cursor(zone)
            let alphabetic = (1...5).contains(zone.count) && zone.allSatisfy { $0.isASCII && $0.isLetter }
            guard alphabetic || (cursor.offset() && cursor.isAtEnd) else { return nil }
        }
        return LocalDate(year: year, month: month, day: day)
    }

    /// RFC 3339 (`2026-09-30T23:30:00-02:00`, `2026-09-30T18:42:00.123Z`), as
    /// Atom and `<dc:date>` write it. A space or lower-case `t` may separate
    /// the day from the time, and the W3C profile's date alone (`2026-09-30`)
    /// is accepted: `<dc:date>` is often just that.
    static func rfc3339(_ text: String) -> LocalDate? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = Array(trimmed.utf8)
        guard bytes.count >= 10, let date = try? LocalDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self))
        else { return nil }
        if bytes.count == 10 { return date }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == 0x20 else { return nil }
        var cursor = Cursor(bytes[11...])
        guard cursor.time(fraction: true) else { return nil }
        if cursor.isAtEnd || cursor.skip("Z") || cursor.skip("z") { return cursor.isAtEnd ? date : nil }
        return cursor.offset() && cursor.isAtEnd ? date : nil
    }

    private static let weekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    private static let months: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december",
        ]
        var months: [String: Int] = ["sept": 9]
        for (index, name) in names.enumerated() {
            months[name] = index + 1
            months[String(name.prefix(3))] = index + 1
        }
        return months
    }()

    private static func number(_ token: Substring, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(token.count), token.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(token)
    }

    /// Reads a time and a numeric offset byte by byte, checking ranges.
    private struct Cursor {
        private let bytes: [UInt8]
        private var index = 0

        init(_ text: Substring) { bytes = Array(text.utf8) }
        init(_ bytes: ArraySlice<UInt8>) { self.bytes = Array(bytes) }

        var isAtEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// `count` digits (or 1 to `count` when `atLeast` is 1) up to `limit`.
        mutating func number(digits count: Int, atLeast: Int? = nil, limit: Int) -> Bool {
            var value = 0, read = 0
            while read < count, index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                read += 1
            }
            return read >= (atLeast ?? count) && value <= limit
        }

        /// `HH:MM[:SS[.fff]]`; RFC 822 allows a one-digit hour, which some feeds write.
        mutating func time(fraction: Bool = false) -> Bool {
            guard number(digits: 2, atLeast: fraction ? 2 : 1, limit: 23), skip(":"), number(digits: 2, limit: 59)
            else { return false }
            guard skip(":") else { return true }
            // 60 for a leap second.
            guard number(digits: 2, limit: 60) else { return false }
            if fraction, skip(".") {
                let start = index
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                return index > start
            }
            return true
        }

        /// `+HHMM`, `-HH:MM` or `+HH`.
        mutating func offset() -> Bool {
            guard skip("+") || skip("-"), number(digits: 2, limit: 23) else { return false }
            if isAtEnd { return true }
            _ = skip(":")
            return number(digits: 2, limit: 59)
        }
    }
}
