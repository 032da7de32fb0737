import AdvocacyCore
import Testing

@Suite("Period")
struct PeriodTests {
    @Test(arguments: [
        ("2026-Q3", "2026-07-01", "2026-09-30", "2026-Q3"),
        ("2026-q1", "2026-01-01", "2026-03-31", "2026-Q1"),
        ("2026-Q4", "2026-10-01", "2026-12-31", "2026-Q4"),
        ("2026-11", "2026-11-01", "2026-11-30", "2026-11"),
        ("2024-02", "2024-02-01", "2024-02-29", "2024-02"),
        ("2026", "2026-01-01", "2026-12-31", "2026"),
        ("2026-09-15..2026-10-14", "2026-09-15", "2026-10-14", "2026-09-15..2026-10-14"),
    ])
    func parses(text: String, start: String, end: String, canonical: String) throws {
        let period = try Period.parse(text)
        #expect(period.start.description == start)
        #expect(period.end.description == end)
        #expect(period.description == canonical)
        #expect(try Period.parse(period.description) == period)
    }

    @Test(arguments: [
        "2026-Q5", "2026-Q0", "2026-13", "2026-00", "26", "2026-11-01", "Q3-2026", "", "2026-Q", "2026-10-01..2026-09-01",
        "2026-10-01..", "next quarter",
    ])
    func refuses(text: String) {
        #expect(throws: CoreError.self) { try Period.parse(text) }
    }

    @Test func rangesThatEndBeforeTheyStartAreRefused() throws {
        let from = try LocalDate(parsing: "2026-10-02"), to = try LocalDate(parsing: "2026-10-01")
        #expect(throws: CoreError.invalidRange(from: from, to: to)) { try Period.between(from, to) }
    }

    @Test(arguments: [
        ("2026-Q1", "2025-Q4"), ("2026-Q3", "2026-Q2"), ("2026-01", "2025-12"), ("2026-11", "2026-10"), ("2026", "2025"),
        ("2026-09-11..2026-09-20", "2026-09-01..2026-09-10"),
    ])
    func previousPeriodHasTheSameShape(text: String, expected: String) throws {
        #expect(try Period.parse(text).previous.description == expected)
    }

    @Test func containmentAndLength() throws {
        let quarter = try Period.parse("2026-Q3")
        #expect(quarter.contains(try LocalDate(parsing: "2026-07-01")))
        #expect(quarter.contains(try LocalDate(parsing: "2026-09-30")))
        #expect(!quarter.contains(try LocalDate(parsing: "2026-10-01")))
        #expect(quarter.dayCount == 92)
        #expect(Period.quarter(containing: try LocalDate(parsing: "2026-11-21")).description == "2026-Q4")
    }
}

@Suite("Period edges")
struct PeriodEdgeTests {
    @Test func handBuiltPeriodsOutOfRangeAreClampedNotTrapped() {
        #expect(Period.quarter(year: 2026, quarter: 5).end.description == "2026-12-31")
        #expect(Period.month(year: 2026, month: 13).start.description == "2026-12-01")
        #expect(Period.year(1).previous.start == LocalDate.earliest)
        #expect(Period.year(9999).end == LocalDate.latest)
        #expect(LocalDate.latest.adding(days: 10) == LocalDate.latest)
        #expect(LocalDate.earliest.adding(days: -10).description == "0001-01-01")
    }
}
