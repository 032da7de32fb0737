import AdvocacyCore
import AdvocacyTestSupport
import Testing

@Suite("X's analytics files: shapes, counts, dates and follower changes")
struct XExportTests {
    static let columns = ImportColumn("likes", required: false)

    static func count(_ text: String) throws -> Int? {
        let header = try ImportColumns(header: ["likes"], columns: [columns])
        return try XExport.count(columns, ImportRecord(line: 2, fields: [text]), header)
    }

    @Test(arguments: [
        (["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions"], XExport.tweetActivity),
        (["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes"], .posts),
        (["post link", "date"], .posts),
        (["Date", "Impressions", "Likes", "New follows", "Unfollows", "Replies"], .accountOverview),
        (["Date", "New follows"], .accountOverview),
    ])
    func eachExportIsRecognisedByItsHeader(header: [String], expected: XExport) throws {
        #expect(try XExport.recognise(header: header) == expected)
    }

    @Test(arguments: [["Date", "Impressions", "Likes"], ["url", "date", "followers"], []])
    func otherHeadersAreRefused(header: [String]) {
        #expect(throws: CoreError.self) { try XExport.recognise(header: header) }
    }

    @Test(arguments: [("424", 424), ("424.0", 424), ("0.0", 0), ("1520.000", 1520), ("7", 7)])
    func countsMayCarryAZeroFraction(text: String, expected: Int) throws {
        #expect(try Self.count(text) == expected)
    }

    @Test(arguments: ["-", ""])
    func unknownCountsAreNil(text: String) throws {
        #expect(try Self.count(text) == nil)
    }

    @Test func aFractionIsNotACount() {
        #expect(throws: CoreError.fractionalCount("1.5", column: "likes")) { try Self.count("1.5") }
        #expect(throws: CoreError.fractionalCount("0.25", column: "likes")) { try Self.count("0.25") }
    }

    @Test(arguments: ["-3", "1,5", "12k", "1e3", "nan", "1.2.3"])
    func otherTextIsNotANumber(text: String) {
        #expect(throws: CoreError.self) { try Self.count(text) }
    }

    @Test(arguments: [
        ("Tue, Jul 14, 2026", "2026-07-14"), ("Jul 14, 2026", "2026-07-14"), ("Wed, Nov 4, 2026", "2026-11-04"),
        ("Sept 1, 2026", "2026-09-01"), ("December 31, 2026", "2026-12-31"), ("2026-03-05", "2026-03-05"),
        ("2026-03-05 00:00:00", "2026-03-05"),
    ])
    func datesAsXWritesThem(text: String, expected: String) throws {
        #expect(try XExport.date(text).description == expected)
    }

    @Test(arguments: ["Tue, Jux 14, 2026", "Feb 30, 2026", "14 Jul 2026", "Jul 14", "Tue Jul 14 2026 extra", "juillet 14, 2026"])
    func otherDatesAreRefused(text: String) {
        #expect(throws: CoreError.invalidDate(text)) { try XExport.date(text) }
    }

    static func day(_ text: String) -> LocalDate { valid { try LocalDate(parsing: text) } }

    @Test func followerCountsGoForwardAndBackFromTheKnownOne() {
        let changes = [
            (day: Self.day("2026-11-19"), net: 10), (day: Self.day("2026-11-16"), net: 28),
            (day: Self.day("2026-11-14"), net: 0), (day: Self.day("2026-11-17"), net: 9),
            (day: Self.day("2026-11-15"), net: -2),
        ]
        let counts = FollowerChanges.counts(base: 1_200, on: Self.day("2026-11-16"), changes: changes)
        #expect(counts[Self.day("2026-11-16")] == 1_200)
        #expect(counts[Self.day("2026-11-17")] == 1_209)
        // No row for the 18th: no change that day.
        #expect(counts[Self.day("2026-11-18")] == nil)
        #expect(counts[Self.day("2026-11-19")] == 1_219)
        // The 15th ends before the 16th's +28; the 14th before the 15th's -2.
        #expect(counts[Self.day("2026-11-15")] == 1_172)
        #expect(counts[Self.day("2026-11-14")] == 1_174)
    }

    @Test func aBaseDayOutsideTheFileCountsItsOwnChangeAsNone() {
        let changes = [(day: Self.day("2026-11-10"), net: 5), (day: Self.day("2026-11-12"), net: 7)]
        let after = FollowerChanges.counts(base: 100, on: Self.day("2026-11-01"), changes: changes)
        #expect(after == [Self.day("2026-11-10"): 105, Self.day("2026-11-12"): 112])
        let before = FollowerChanges.counts(base: 100, on: Self.day("2026-11-30"), changes: changes)
        #expect(before == [Self.day("2026-11-12"): 100, Self.day("2026-11-10"): 93])
    }
}
