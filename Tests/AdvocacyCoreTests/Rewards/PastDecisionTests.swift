import AdvocacyCore
import AdvocacyTestSupport
import Testing

/// What earlier reward decisions weigh when a period is proposed again.
@Suite("Earlier decisions")
struct PastDecisionTests {
    static let quarter = valid { try Period.parse("2026-Q4") }

    static func decision(_ status: RewardStatus, period: String, ends end: String, code: String = "CERT-AWS") -> PastDecision {
        PastDecision(
            email: Rewarded.email("ann"), code: Rewarded.code(code), category: .certification, costCents: 30_000,
            status: status, period: period, periodEnd: valid { try LocalDate(parsing: end) })
    }

    @Test(arguments: [RewardStatus.approved, .granted])
    func approvedAndGrantedAreKeptWithTheirPeriodAndYear(status: RewardStatus) {
        let (kept, rejected) = PastDecision.weigh(
            [
                Self.decision(status, period: "2026-Q4", ends: "2026-12-31"),
                Self.decision(status, period: "2026-Q1", ends: "2026-03-31"),
                Self.decision(status, period: "2025-Q4", ends: "2025-12-31"),
            ], proposing: Self.quarter)
        #expect(rejected.isEmpty)
        #expect(kept.map(\.inPeriod) == [true, false, false])
        #expect(kept.map(\.inYear) == [true, true, false])
    }

    @Test func onlyThisPeriodsRejectionsKeepAnItemFromBeingProposedAgain() {
        let (kept, rejected) = PastDecision.weigh(
            [
                Self.decision(.rejected, period: "2026-Q4", ends: "2026-12-31", code: "BOOK-DDD"),
                Self.decision(.rejected, period: "2026-Q3", ends: "2026-09-30", code: "CONF-DEVOXX"),
                Self.decision(.proposed, period: "2026-Q4", ends: "2026-12-31", code: "TRAIN-K8S"),
            ], proposing: Self.quarter)
        #expect(kept.isEmpty)
        #expect(rejected == [.init(email: Rewarded.email("ann"), code: Rewarded.code("BOOK-DDD"))])
    }
}
