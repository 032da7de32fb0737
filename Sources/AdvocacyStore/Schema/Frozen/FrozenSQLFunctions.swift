import Foundation
import GRDB

/// The values behind the SQL functions the schema calls, frozen.
///
/// Stored data and triggers depend on them: `action.urlHash` must equal
/// `advocacy_url_hash(url)`, which the v6 migration computed for every
/// action and the triggers check on every write, and the audit trail's
/// times are written by `advocacy_audit('now')`. They are copied here
/// rather than calling Core (``StableHash``) or the store's own
/// formatting, so that no later change elsewhere can change them; a test
/// checks their values on fixed inputs.
///
/// FROZEN: never edit. A different hash or format needs new SQL functions
/// (new names), a migration and a data upgrade.
enum FrozenSQLFunctions {
    /// FNV-1a, 64 bits, over the text's UTF-8 (the hash of `advocacy_url_hash`,
    /// and of content fingerprints).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    /// `advocacy_url_hash(address)`: the address's FNV-1a as a signed 64-bit integer.
    static func urlHash(_ address: String) -> Int64 {
        Int64(bitPattern: fnv1a(address))
    }

    /// `advocacy_audit('now')`: `2026-11-21T12:00:00Z`, whole seconds (the
    /// fraction dropped), in UTC, computed here rather than by a formatter.
    static func auditTimestamp(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day count.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T\(padded(secondOfDay / 3_600, 2)):"
            + "\(padded(secondOfDay / 60 % 60, 2)):\(padded(secondOfDay % 60, 2))Z"
    }
}
