import Foundation

/// The moment every test's clock reads, so that "today", "this quarter" and
/// "this year" are the same in every test target.
public enum FixedClock {
    /// 2026-11-21T12:00:00Z.
    public static let now = Date(timeIntervalSince1970: 1_795_262_400)
    /// The time zone the fixed clock is read in.
    public static let timeZone = present(TimeZone(identifier: "UTC"))
}
