import AdvocacyCore
import Testing

@Suite("Dates as spreadsheets write them: one order per file")
struct DateOrderTests {
    @Test(arguments: [
        (DateOrder.dmy, "31/10/2026", "2026-10-31"), (.dmy, "5/3/2026", "2026-03-05"), (.dmy, "31.10.2026", "2026-10-31"),
        (.dmy, "31-10-2026", "2026-10-31"), (.dmy, "31/10/2026 14:30", "2026-10-31"), (.mdy, "10/31/2026", "2026-10-31"),
        (.mdy, "3/5/2026", "2026-03-05"), (.ymd, "2026/10/31", "2026-10-31"), (.ymd, "2026.3.5", "2026-03-05"),
    ])
    func eachOrderReadsItsDates(order: DateOrder, text: String, expected: String) throws {
        #expect(try order.date(text).description == expected)
    }

    @Test(arguments: [
        (DateOrder.dmy, "10/31/2026"), (.mdy, "31/10/2026"), (.dmy, "31/10/26"), (.dmy, "31/10"), (.dmy, "31/10/2026/1"),
        (.ymd, "31/10/2026"), (.dmy, "aa/10/2026"), (.dmy, "29/02/2026"), (.dmy, ""),
    ])
    func datesThatAreNotDaysInTheOrderAreRefused(order: DateOrder, text: String) {
        #expect(throws: CoreError.invalidDate(text)) { try order.date(text) }
    }

    static func lines(_ texts: [String]) -> [(line: Int, text: String)] {
        texts.enumerated().map { (line: $0.offset + 2, text: $0.element) }
    }

    @Test func isoDatesNeedNoOrder() throws {
        #expect(try DateOrder.decide(Self.lines(["2026-10-31", "2026-11-01 00:00:00"])) == nil)
        #expect(try DateOrder.decide(Self.lines([])) == nil)
    }

    @Test func oneDateAboveTwelveDecidesTheWholeFile() throws {
        #expect(try DateOrder.decide(Self.lines(["05/10/2026", "01/02/2026", "31/10/2026"])) == .dmy)
        #expect(try DateOrder.decide(Self.lines(["05/10/2026", "10/31/2026"])) == .mdy)
        #expect(try DateOrder.decide(Self.lines(["2026/10/05", "2026/02/01"])) == .ymd)
    }

    @Test func aFileThatCouldBeReadBothWaysIsRefusedWithItsFirstDate() {
        #expect(throws: CoreError.ambiguousDateOrder(line: 3, text: "05/10/2026")) {
            try DateOrder.decide(Self.lines(["2026-10-01", "05/10/2026", "01/02/2026"]))
        }
    }

    @Test func aFileWithBothOrdersIsRefusedNamingOneOfEach() {
        #expect(throws: CoreError.mixedDateOrders(dayFirst: "line 3: 31/10/2026", monthFirst: "line 4: 10/31/2026")) {
            try DateOrder.decide(Self.lines(["05/10/2026", "31/10/2026", "10/31/2026"]))
        }
    }

    @Test(arguments: [
        ("2026-10-31", true), ("2026-10-31 12:00", true), ("2026-10-31T12:00", true), ("31/10/2026", false),
        ("2026-1-31", false), ("2026-10-31x", false), ("20261031", false),
    ])
    func isoIsRecognisedByItsShape(text: String, expected: Bool) {
        #expect(DateOrder.isISO(text) == expected)
    }
}
