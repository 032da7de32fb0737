import AdvocacyCore
import Foundation
import Testing

@Suite("LocalDate")
struct LocalDateTests {
    @Test(arguments: [
        ("2026-11-21", 2026, 11, 21), ("2024-02-29", 2024, 2, 29), ("2000-02-29", 2000, 2, 29), ("1970-01-01", 1970, 1, 1),
        (" 2026-01-05 ", 2026, 1, 5),
    ])
    func parsesValidDates(text: String, year: Int, month: Int, day: Int) throws {
        let date = try LocalDate(parsing: text)
        #expect((date.year, date.month, date.day) == (year, month, day))
    }

    @Test(arguments: [
        "2026-13-01", "2026-02-29", "1900-02-29", "2026-11-31", "2026-1-5", "26-11-21", "2026/11/21", "", "today",
        "2026-11-21T10:00", "２０２６-11-21",
    ])
    func refusesMalformedDates(text: String) {
        #expect(throws: CoreError.invalidDate(text)) { try LocalDate(parsing: text) }
    }

    @Test func dayCountsRoundTripAcrossFourCenturies() throws {
        var previous = LocalDate(daysSinceEpoch: -146_097)
        for days in (-146_096)...(146_097) {
            let date = LocalDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(previous < date)
            previous = date
        }
        #expect(LocalDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(try LocalDate(parsing: "2026-11-21").daysSinceEpoch == 20_778)
    }

    @Test func weekdays() throws {
        #expect(try LocalDate(parsing: "2026-11-21").isoWeekday == 6)  // a Saturday
        #expect(try LocalDate(parsing: "1970-01-01").isoWeekday == 4)  // a Thursday
    }

    @Test func todayDependsOnTheTimeZone() throws {
        let moment = Date(timeIntervalSince1970: 1_795_300_000)  // 2026-11-21 22:26:40 UTC
        #expect(LocalDate(moment, in: TimeZone(identifier: "UTC")!).description == "2026-11-21")
        #expect(LocalDate(moment, in: TimeZone(identifier: "Europe/Paris")!).description == "2026-11-21")
        #expect(LocalDate(moment, in: TimeZone(identifier: "Asia/Tokyo")!).description == "2026-11-22")
    }

    @Test func futureDatesAreRefused() throws {
        let today = try LocalDate(parsing: "2026-11-21")
        #expect(throws: CoreError.futureDate(today.adding(days: 1), today: today)) {
            try today.adding(days: 1).requireNotAfter(today)
        }
        try today.requireNotAfter(today)
    }

    @Test func encodesAsPlainISOText() throws {
        let data = try JSONEncoder().encode([try LocalDate(parsing: "2026-03-04")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-03-04"]"#)
    }
}
