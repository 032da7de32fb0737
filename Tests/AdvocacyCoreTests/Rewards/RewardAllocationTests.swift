import Foundation
import Testing

@testable import AdvocacyCore

/// Small allocations computed by hand.
@Suite("Reward allocation")
struct RewardAllocationTests {
    typealias R = Rewarded

    func allocate(
        _ policy: RewardPolicy = R.policy(), budget: Int, _ candidates: [RewardCandidate], _ catalogue: [RewardItem] = [],
        wishes: [String: [String]] = [:], kept: [KeptReward] = [], rejected: [(String, String)] = []
    ) -> Allocation {
        RewardAllocation.allocate(
            AllocationInput(
                policy: policy, budgetCents: budget, candidates: candidates, catalogue: catalogue,
                wishes: Dictionary(uniqueKeysWithValues: wishes.map { (R.email($0.key), $0.value.map(R.code)) }), kept: kept,
                rejected: Set(rejected.map { .init(email: R.email($0.0), code: R.code($0.1)) })))
    }

    func entitlements(_ allocation: Allocation) -> [Int] { allocation.entitlements.map(\.entitlementCents) }

    // MARK: - Entitlements

    @Test func alphaOneHalfSplitsBySquareRoots() {
        // √64 = 8, √16 = 4, √4 = 2: shares 8/14, 4/14 and 2/14 of 140.00.
        let result = allocate(
            R.policy(alpha: 0.5), budget: 14_000,
            [R.candidate("Ann", 64, rank: 1), R.candidate("Ben", 16, rank: 2), R.candidate("Cat", 4, rank: 3)])
        #expect(entitlements(result) == [8_000, 4_000, 2_000])
        #expect(result.entitlements.map(\.email) == ["Ann", "Ben", "Cat"].map(R.email))
    }

    @Test func alphaOneIsProportionalToTheScore() {
        let result = allocate(
            R.policy(alpha: 1), budget: 8_400,
            [R.candidate("Ann", 64, rank: 1), R.candidate("Ben", 16, rank: 2), R.candidate("Cat", 4, rank: 3)])
        #expect(entitlements(result) == [6_400, 1_600, 400])  // 64/84, 16/84, 4/84
    }

    @Test func alphaZeroSplitsEqually() {
        let result = allocate(
            R.policy(alpha: 0), budget: 9_000,
            [R.candidate("Ann", 64, rank: 1), R.candidate("Ben", 16, rank: 2), R.candidate("Cat", 4, rank: 3)])
        #expect(entitlements(result) == [3_000, 3_000, 3_000])
    }

    @Test func sharesAreRoundedDownToTheCent() {
        // 100 cents in three equal shares: 33 each, one cent left unassigned.
        let result = allocate(
            R.policy(alpha: 1), budget: 100,
            [R.candidate("Ann", 30, rank: 1), R.candidate("Ben", 30, rank: 2), R.candidate("Cat", 30, rank: 3)])
        #expect(entitlements(result) == [33, 33, 33])
    }

    @Test func equalScoresGetEqualEntitlements() {
        let result = allocate(
            R.policy(alpha: 0.5), budget: 10_000,
            [
                R.candidate("Ann", 49, rank: 1), R.candidate("Ben", 25, rank: 2), R.candidate("Cat", 25, rank: 3),
            ])
        // √49 = 7, √25 = 5: 7/17 and 5/17 of 100.00, rounded down.
        #expect(entitlements(result) == [10_000 * 7 / 17, 10_000 * 5 / 17, 10_000 * 5 / 17])
        #expect(entitlements(result) == [4_117, 2_941, 2_941])
    }

    @Test func whatACappedPersonCannotTakeGoesToTheOthers() {
        // Cap 50 % of 100.00 = 50.00. Proportional shares would be 80, 10, 10;
        // Ann is capped at 50 and the other 50 is split 10:10.
        let result = allocate(
            R.policy(alpha: 1, maxSharePercent: 50), budget: 10_000,
            [
                R.candidate("Ann", 80, rank: 1), R.candidate("Ben", 10, rank: 2), R.candidate("Cat", 10, rank: 3),
            ])
        #expect(entitlements(result) == [5_000, 2_500, 2_500])
        #expect(entitlements(result).reduce(0, +) == 10_000)
    }

    @Test func waterFillingCapsInAsManyRoundsAsNeeded() {
        // Cap 40 % of 100.00 = 40.00. Shares 50, 35, 10, 5: Ann is capped; the
        // 60.00 left, split 35:10:5, would give Ben 42 > 40, so Ben is capped
        // too; the last 20.00 is split 10:5 = 13.333… and 6.666…, rounded down.
        let result = allocate(
            R.policy(alpha: 1, maxSharePercent: 40), budget: 10_000,
            [
                R.candidate("Ann", 50, rank: 1), R.candidate("Ben", 35, rank: 2), R.candidate("Cat", 10, rank: 3),
                R.candidate("Dan", 5, rank: 4),
            ])
        #expect(entitlements(result) == [4_000, 4_000, 1_333, 666])
    }

    @Test func whenEveryoneIsCappedTheRestStaysUnspent() {
        // Three people, cap 20 % each: 60 % of the budget can be entitled and
        // spent, whatever the scores and whatever the catalogue offers.
        let catalogue = [
            R.item("TRAIN-A", .training, cents: 1_000), R.item("TRAIN-B", .training, cents: 1_000),
            R.item("TRAIN-C", .training, cents: 1_000),
        ]
        let result = allocate(
            R.policy(alpha: 1, maxSharePercent: 20), budget: 10_000,
            [
                R.candidate("Ann", 90, rank: 1), R.candidate("Ben", 40, rank: 2), R.candidate("Cat", 11, rank: 3),
            ], catalogue)
        #expect(entitlements(result) == [2_000, 2_000, 2_000])
        #expect(result.codes(for: "Ann") == ["TRAIN-A", "TRAIN-B"])
        #expect(result.proposedCents == 6_000)
        #expect(result.remainingCents == 4_000)
        #expect(result.proposals.allSatisfy { !$0.fromLeftover })
    }

    @Test func fiveEligiblePeopleUnderATwentyPercentCapAllGetTheCap() {
        // With n × cap = budget, water-filling flattens merit entirely.
        let result = allocate(
            R.policy(alpha: 0.5, maxSharePercent: 20, minimumScore: 10), budget: 300_000,
            [
                R.candidate("Ann", 80, rank: 1), R.candidate("Ben", 60, rank: 2), R.candidate("Cat", 45, rank: 3),
                R.candidate("Dan", 30, rank: 4),
                R.candidate("Eve", 12, rank: 5), R.candidate("Fay", 8, rank: 6),
            ])
        #expect(entitlements(result) == [60_000, 60_000, 60_000, 60_000, 60_000])
        #expect(result.heldBack.map(\.score.person.name) == ["Fay"])
    }

    @Test func aZeroBudgetProposesOnlyFreeItems() {
        let result = allocate(
            budget: 0, [R.candidate("Ann", 80, rank: 1)],
            [R.item("BOOK-FREE", .book, cents: 0), R.item("BOOK-A", .book, cents: 100)])
        #expect(entitlements(result) == [0])
        // A free item costs nothing, so even a zero budget can offer it.
        #expect(result.codes(for: "Ann") == ["BOOK-FREE"])
        #expect(result.proposedCents == 0)
    }

    @Test func freeOrUnlimitedItemsGoOnlyToThoseWhoWishedForThem() {
        let catalogue = [
            R.item("RECO-CODIR", .recognition, cents: 0, stock: 5), R.item("BOOK-ANY", .book, cents: 3_000),
            R.item("TRAIN-ERP", .training, cents: 20_000, projects: ["ERP-2027"]),
            R.item("BOOK-FIVE", .book, cents: 4_000, stock: 5),
        ]
        let people = [
            R.candidate("Ann", 80, rank: 1, hours: ["ERP-2027": 10]), R.candidate("Ben", 70, rank: 2, hours: ["ERP-2027": 10]),
        ]
        let wishes = ["Ann": ["RECO-CODIR", "BOOK-ANY"]]
        let standard = allocate(R.policy(freeOrUnlimitedItems: .wishers), budget: 100_000, people, catalogue, wishes: wishes)
        // Ann gets her wishes, free and unlimited alike; Ben, who wished for nothing, only what has a stock and a price.
        #expect(result(standard, "Ann") == ["RECO-CODIR wish 1", "BOOK-ANY wish 2", "BOOK-FIVE development"])
        #expect(result(standard, "Ben") == ["BOOK-FIVE development"])

        let anyone = allocate(R.policy(freeOrUnlimitedItems: .anyone), budget: 100_000, people, catalogue, wishes: wishes)
        #expect(
            result(anyone, "Ben") == [
                "TRAIN-ERP work ERP-2027", "BOOK-FIVE development", "BOOK-ANY development", "RECO-CODIR development",
            ])
        #expect(RewardPolicy.standard.freeOrUnlimitedItems == .wishers)
    }

    private func result(_ allocation: Allocation, _ name: String) -> [String] {
        let email = R.email(name)
        return allocation.proposals.filter { $0.email == email }.map { "\($0.item.code) \($0.reason.label)" }
    }

    // MARK: - Eligibility

    @Test func inactiveLowScoredAndFlaggedPeopleAreHeldBack() {
        let policy = R.policy(alpha: 1, minimumScore: 10, maxFlagPenaltyPercent: 25)
        let result = allocate(
            policy, budget: 10_000,
            [
                R.candidate("Ann", 50, rank: 1),
                R.candidate("Ben", 45, rank: 2, active: false),
                R.candidate("Cat", 30, rank: 3, flagPoints: 20),  // flags took 20 of 50 = 40 %
                R.candidate("Dan", 30, rank: 4, flagPoints: 10),  // 10 of 40 = 25 %: not above the limit
                R.candidate("Eve", 20, rank: 5),
                R.candidate("Fay", 10, rank: 6),  // not above the minimum of 10
                R.candidate("Gil", 0, rank: 7),
            ])
        #expect(result.entitlements.map(\.email) == ["Ann", "Dan", "Eve"].map(R.email))
        #expect(entitlements(result) == [5_000, 3_000, 2_000])  // 50:30:20 of 100.00
        #expect(result.heldBack.map(\.score.person.name) == ["Ben", "Cat", "Fay", "Gil"])
        #expect(
            result.heldBack.map(\.reason) == [
                .inactive, .flagged(penaltyPercent: 40), .scoreNotAboveMinimum(10), .scoreNotAboveMinimum(10),
            ])
    }

    @Test func aFlaggedPersonClearedByTheCIOIsEligible() {
        let result = allocate(
            R.policy(alpha: 1), budget: 10_000,
            [
                R.candidate("Ann", 60, rank: 1), R.candidate("Cat", 40, rank: 2, flagPoints: 40, cleared: true),
            ], [R.item("BOOK-A", .book, cents: 1_000)])
        #expect(result.heldBack.isEmpty)
        #expect(entitlements(result) == [6_000, 4_000])
        #expect(result.codes(for: "Cat") == ["BOOK-A"])
    }

    @Test func theFlagPenaltyIsTheShareOfTheScoreBeforeFlags() {
        #expect(R.candidate("Cat", 30, rank: 1, flagPoints: 10).flagPenaltyPercent == 25)
        #expect(abs(R.candidate("Cat", 60, rank: 1, flagPoints: 20).flagPenaltyPercent - 25) < 1e-12)
        #expect(R.candidate("Cat", 60, rank: 1).flagPenaltyPercent == 0)
        #expect(R.candidate("Cat", 0, rank: 1, flagPoints: 12).flagPenaltyPercent == 100)
    }

    @Test func aZeroScoreGetsNothingEvenWithAZeroMinimum() {
        let result = allocate(
            R.policy(alpha: 0, minimumScore: 0), budget: 10_000,
            [R.candidate("Ann", 50, rank: 1), R.candidate("Ben", 0, rank: 2)],
            [R.item("BOOK-A", .book, cents: 1_000)], wishes: ["Ben": ["BOOK-A"]])
        #expect(entitlements(result) == [10_000])
        #expect(result.codes(for: "Ben").isEmpty)
        #expect(result.heldBack.map(\.reason) == [.scoreNotAboveMinimum(0)])
    }

    // MARK: - Earlier decisions

    @Test func keptRewardsReduceTheBudgetAndThePersonsEntitlement() {
        let book = R.item("BOOK-K", .book, cents: 5_000)
        let catalogue = [book, R.item("TRAIN-X", .training, cents: 3_000), R.item("TRAIN-Y", .training, cents: 2_000)]
        // Ann 75 %, Ben 25 % of 100.00. Ann already has BOOK-K (50.00) approved in the period.
        let result = allocate(
            R.policy(alpha: 1), budget: 10_000, [R.candidate("Ann", 75, rank: 1), R.candidate("Ben", 25, rank: 2)], catalogue,
            kept: [R.kept("Ann", book)])
        #expect(entitlements(result) == [7_500, 2_500])
        #expect(result.entitlement(of: "Ann")?.keptCents == 5_000)
        #expect(result.keptCents == 5_000)
        // Ann has 25.00 left: TRAIN-X (30.00) does not fit, TRAIN-Y (20.00) does; BOOK-K is not proposed twice.
        #expect(result.codes(for: "Ben") == ["TRAIN-Y"])
        // 100 − 50 kept − 40 proposed leaves 10.00: in the leftover round Ann, first in rank,
        // upgrades TRAIN-Y to TRAIN-X (10.00 more), and nothing is left.
        #expect(result.codes(for: "Ann") == ["TRAIN-X"])
        #expect(result.proposal("Ann", "TRAIN-X")?.fromLeftover == true)
        #expect(result.proposedCents == 5_000)
        #expect(result.remainingCents == 0)
    }

    @Test func keptRewardsOfPeopleOutsideTheRankingStillUseTheBudget() {
        let voucher = R.item("GIFT-CARD", .voucher, cents: 9_000)
        let result = allocate(
            R.policy(alpha: 1), budget: 10_000, [R.candidate("Ann", 75, rank: 1)], [R.item("BOOK-A", .book, cents: 2_000)],
            kept: [R.kept("Someone Gone", voucher)])
        // Ann is entitled to the whole budget but only 10.00 of it is left.
        #expect(entitlements(result) == [10_000])
        #expect(result.codes(for: "Ann").isEmpty)
        #expect(result.keptCents == 9_000)
    }

    @Test func keptRewardsOutsideThePeriodLeaveTheBudgetAlone() {
        let book = R.item("BOOK-K", .book, cents: 5_000)
        let result = allocate(
            R.policy(alpha: 1), budget: 10_000, [R.candidate("Ann", 75, rank: 1)], [book],
            kept: [R.kept("Ann", book, inPeriod: false, inYear: true)])
        #expect(result.keptCents == 0)
        #expect(result.entitlement(of: "Ann")?.keptCents == 0)
        // The same item again, in another period of the year: nothing forbids it here.
        #expect(result.codes(for: "Ann") == ["BOOK-K"])
    }

    @Test func whenKeptRewardsExceedTheBudgetNothingIsProposed() {
        let conference = R.item("CONF-BIG", .conference, cents: 12_000)
        let result = allocate(
            R.policy(alpha: 1), budget: 10_000, [R.candidate("Ann", 75, rank: 1), R.candidate("Ben", 25, rank: 2)],
            [R.item("BOOK-A", .book, cents: 100)], kept: [R.kept("Ann", conference)])
        #expect(result.proposals.isEmpty)
        #expect(result.remainingCents == -2_000)
    }

    @Test func aRejectedItemIsNeverProposedAgainToThatPerson() {
        let catalogue = [R.item("TRAIN-X", .training, cents: 3_000), R.item("BOOK-A", .book, cents: 1_000)]
        let result = allocate(
            R.policy(alpha: 1), budget: 10_000, [R.candidate("Ann", 50, rank: 1), R.candidate("Ben", 50, rank: 2)], catalogue,
            wishes: ["Ann": ["TRAIN-X"]], rejected: [("Ann", "TRAIN-X")])
        // Neither as a wish, nor as a development reward, nor from the leftover.
        #expect(result.codes(for: "Ann") == ["BOOK-A"])
        // Ben was not the one who rejected it.
        #expect(result.codes(for: "Ben") == ["TRAIN-X", "BOOK-A"])
    }

    @Test func anItemGivenThisYearUpToItsMaximumIsNotProposed() {
        let certification = R.item("CERT-AWS", .certification, cents: 3_000, maxPerPerson: 1)
        let result = allocate(
            R.policy(alpha: 0), budget: 20_000, [R.candidate("Ann", 50, rank: 1), R.candidate("Ben", 50, rank: 2)],
            [certification],
            kept: [
                R.kept("Ann", certification, inPeriod: false, inYear: true),
                R.kept("Ben", certification, inPeriod: false, inYear: false),
            ])
        #expect(result.codes(for: "Ann").isEmpty)
        #expect(result.codes(for: "Ben") == ["CERT-AWS"])  // Ben's was last year
    }

    @Test func stockCountsEveryUnitEverGiven() {
        let mug = R.item("RECOG-MUG", .recognition, cents: 1_000, stock: 2)
        let result = allocate(
            R.policy(alpha: 0), budget: 20_000, [R.candidate("Ann", 50, rank: 1), R.candidate("Ben", 50, rank: 2)], [mug],
            kept: [R.kept("Cat", mug, inPeriod: false, inYear: false)])
        // One unit left after last year's: it goes to the higher rank.
        #expect(result.codes(for: "Ann") == ["RECOG-MUG"])
        #expect(result.codes(for: "Ben").isEmpty)
    }

    @Test func theVoucherCapCountsVouchersAlreadyGivenThisYear() {
        // 200.25 EUR a year by default. Ann received 150.00 in vouchers in an
        // earlier quarter: another 100.00 would exceed it, 50.00 would not.
        let earlier = R.item("GIFT-150", .voucher, cents: 15_000)
        let catalogue = [R.item("GIFT-100", .voucher, cents: 10_000), R.item("GIFT-50", .voucher, cents: 5_000)]
        let result = allocate(
            R.policy(alpha: 0), budget: 100_000, [R.candidate("Ann", 50, rank: 1), R.candidate("Ben", 50, rank: 2)], catalogue,
            kept: [R.kept("Ann", earlier, inPeriod: false, inYear: true)])
        #expect(result.codes(for: "Ann") == ["GIFT-50"])
        // Ben may have 100.00 + 50.00 = 150.00 ≤ 200.25.
        #expect(result.codes(for: "Ben") == ["GIFT-100", "GIFT-50"])
    }

    @Test func aCategoryCapSetByThePolicyBinds() {
        var policy = R.policy(alpha: 0)
        policy.yearlyCapCents[.training] = 5_000
        let catalogue = [
            R.item("TRAIN-A", .training, cents: 4_000), R.item("TRAIN-B", .training, cents: 2_000),
            R.item("TRAIN-C", .training, cents: 1_000),
        ]
        let result = allocate(policy, budget: 100_000, [R.candidate("Ann", 50, rank: 1)], catalogue)
        // 40.00 + 10.00 = 50.00; TRAIN-B would make it 60.00.
        #expect(result.codes(for: "Ann") == ["TRAIN-A", "TRAIN-C"])
    }

    // MARK: - Which items

    @Test func aWishComesFirst() {
        let catalogue = [
            R.item("TRAIN-T", .training, cents: 5_000), R.item("BOOK-B", .book, cents: 3_000),
            R.item("RECOG-R", .recognition, cents: 2_000),
        ]
        let wished = allocate(
            R.policy(alpha: 1), budget: 5_000, [R.candidate("Ann", 50, rank: 1)], catalogue, wishes: ["Ann": ["BOOK-B"]])
        #expect(wished.codes(for: "Ann") == ["BOOK-B", "RECOG-R"])
        #expect(wished.proposals.map(\.reason) == [.wish(1), .development])
        // Without the wish, the development order picks the training.
        let unwished = allocate(R.policy(alpha: 1), budget: 5_000, [R.candidate("Ann", 50, rank: 1)], catalogue)
        #expect(unwished.codes(for: "Ann") == ["TRAIN-T"])
    }

    @Test func wishesAreServedInTheirOrderWhileTheEntitlementLasts() {
        let catalogue = [
            R.item("CONF-A", .conference, cents: 6_000), R.item("BOOK-B", .book, cents: 3_000),
            R.item("BOOK-C", .book, cents: 2_500),
        ]
        let result = allocate(
            R.policy(alpha: 1), budget: 8_000, [R.candidate("Ann", 50, rank: 1)], catalogue,
            wishes: ["Ann": ["BOOK-B", "CONF-A", "BOOK-C", "NOT-IN-CATALOGUE"]])
        // BOOK-B (30.00), then CONF-A no longer fits the 50.00 left, BOOK-C (25.00) does.
        #expect(result.codes(for: "Ann") == ["BOOK-B", "BOOK-C"])
        #expect(result.proposals.map(\.reason) == [.wish(1), .wish(3)])
    }

    @Test func aProjectItemGoesToThoseWhoWorkedOnItOrWishedForIt() {
        let erp = R.item("TRAIN-ERP", .training, cents: 1_000, projects: ["ERP-2027"])
        let result = allocate(
            R.policy(alpha: 0), budget: 100_000,
            [
                R.candidate("Ann", 90, rank: 1, hours: ["DATA-PLAT": 30]),
                R.candidate("Ben", 80, rank: 2, hours: ["ERP-2027": 12]),
                R.candidate("Cat", 70, rank: 3),
                R.candidate("Dan", 60, rank: 4, hours: ["ERP-2027": 0]),
            ], [erp], wishes: ["Cat": ["TRAIN-ERP"]])
        #expect(result.codes(for: "Ann").isEmpty)
        #expect(result.proposal("Ben", "TRAIN-ERP")?.reason == .work(R.project("ERP-2027")))
        #expect(result.proposal("Cat", "TRAIN-ERP")?.reason == .wish(1))
        #expect(result.codes(for: "Dan").isEmpty)
    }

    @Test func workItemsFollowTheProjectWithMostHours() {
        let catalogue = [
            R.item("TRAIN-ERP", .training, cents: 1_000, projects: ["ERP-2027"]),
            R.item("CONF-DATA", .conference, cents: 1_000, projects: ["DATA-PLAT"]),
            R.item("BOOK-BOTH", .book, cents: 500, projects: ["ERP-2027", "DATA-PLAT"]),
            R.item("TRAIN-GEN", .training, cents: 1_000),
        ]
        let result = allocate(
            R.policy(alpha: 0), budget: 100_000, [R.candidate("Ann", 90, rank: 1, hours: ["ERP-2027": 5, "DATA-PLAT": 20])],
            catalogue)
        // DATA-PLAT items (20 h) before ERP items (5 h), dearer first, then development.
        #expect(result.codes(for: "Ann") == ["CONF-DATA", "BOOK-BOTH", "TRAIN-ERP", "TRAIN-GEN"])
        #expect(result.proposal("Ann", "BOOK-BOTH")?.reason == .work(R.project("DATA-PLAT")))
    }

    @Test func developmentRewardsGoByCategoryThenDearestFirst() {
        let catalogue = [
            R.item("GIFT-A", .voucher, cents: 3_000), R.item("BOOK-A", .book, cents: 2_000),
            R.item("BOOK-B", .book, cents: 2_500),
            R.item("CERT-A", .certification, cents: 4_000), R.item("RECOG-A", .recognition, cents: 600),
        ]
        let result = allocate(R.policy(alpha: 0), budget: 9_000, [R.candidate("Ann", 90, rank: 1)], catalogue)
        // 40.00 certification, 25.00 book (25.00 left), BOOK-A (20.00); the 5.00 left buys neither RECOG-A nor GIFT-A.
        #expect(result.codes(for: "Ann") == ["CERT-A", "BOOK-B", "BOOK-A"])
        #expect(result.proposedCents == 8_500)
    }

    @Test(arguments: [(AudienceTier.nano, false), (.micro, true), (.mid, true), (.mega, true)])
    func anItemWithAMinimumTierGoesOnlyToThoseAtOrAboveIt(tier: AudienceTier, offered: Bool) {
        let stage = R.item("TRAIN-STAGE", .training, cents: 1_000, minTier: .micro)
        let result = allocate(
            R.policy(alpha: 0), budget: 10_000, [R.candidate("Ann", 50, rank: 1, tier: tier)], [stage],
            wishes: ["Ann": ["TRAIN-STAGE"]])
        #expect(result.codes(for: "Ann") == (offered ? ["TRAIN-STAGE"] : []))
    }

    @Test func scarceStockGoesToWishesBeforeOtherPicksThenByRank() {
        let conference = R.item("CONF-ONE", .conference, cents: 1_000, stock: 1)
        let certification = R.item("CERT-TWO", .certification, cents: 1_000, stock: 2)
        let result = allocate(
            R.policy(alpha: 0), budget: 100_000,
            [
                R.candidate("Ann", 90, rank: 1), R.candidate("Ben", 80, rank: 2), R.candidate("Cat", 70, rank: 3),
                R.candidate("Dan", 60, rank: 4),
            ], [conference, certification], wishes: ["Ben": ["CERT-TWO"], "Cat": ["CERT-TWO"], "Dan": ["CONF-ONE", "CERT-TWO"]])
        // CONF-ONE: Dan wished for it, Ann (rank 1) would only take it as a development pick.
        #expect(result.proposal("Dan", "CONF-ONE")?.reason == .wish(1))
        #expect(result.proposal("Ann", "CONF-ONE") == nil)
        // CERT-TWO: wished by Ben, Cat and Dan; two units go to the best ranked of them, none to Ann.
        #expect(result.proposal("Ben", "CERT-TWO") != nil)
        #expect(result.proposal("Cat", "CERT-TWO") != nil)
        #expect(result.proposal("Dan", "CERT-TWO") == nil)
        #expect(result.codes(for: "Ann").isEmpty)
    }

    @Test func whatIsLeftGoesRoundInRankOrderOneItemPerPersonPerRound() {
        // 90.00 split equally: 30.00 each. Cat is nano and every item is for micro and up.
        let catalogue = [
            R.item("BOOK-1", .book, cents: 2_000, minTier: .micro), R.item("BOOK-2", .book, cents: 1_500, minTier: .micro),
            R.item("BOOK-3", .book, cents: 1_200, minTier: .micro),
            R.item("RECOG-1", .recognition, cents: 1_000, minTier: .micro),
        ]
        let result = allocate(
            R.policy(alpha: 0), budget: 9_000,
            [
                R.candidate("Ann", 90, rank: 1), R.candidate("Ben", 80, rank: 2), R.candidate("Cat", 70, rank: 3, tier: .nano),
            ], catalogue)
        #expect(entitlements(result) == [3_000, 3_000, 3_000])
        // Within 30.00: BOOK-1 (20.00) and RECOG-1 (10.00). Then 30.00 is left
        // (Cat's): Ann takes BOOK-2, Ben takes BOOK-2 too, and nothing is left.
        #expect(result.codes(for: "Ann") == ["BOOK-1", "RECOG-1", "BOOK-2"])
        #expect(result.codes(for: "Ben") == ["BOOK-1", "RECOG-1", "BOOK-2"])
        #expect(result.proposals.filter(\.fromLeftover).map(\.item.code.value) == ["BOOK-2", "BOOK-2"])
        #expect(result.entitlement(of: "Cat")?.proposedCents == 0)
        #expect(result.remainingCents == 0)
        #expect(result.entitlement(of: "Ann")?.proposedCents == 4_500)  // more than the entitlement, from the leftover
    }

    @Test func atMostMaxItemsPerPersonAndTheLeftoverUpgradesADevelopmentPick() {
        // 150.00 split equally: 50.00 each for Ann and Ben, at most two items each.
        let catalogue = [
            R.item("BOOK-A", .book, cents: 2_000), R.item("BOOK-B", .book, cents: 1_500), R.item("BOOK-C", .book, cents: 1_000),
            R.item("CONF-A", .conference, cents: 6_000),
        ]
        var policy = R.policy(alpha: 0, maxItemsPerPerson: 2)
        policy.maxSharePercent = 60  // 90.00 each at most
        let result = allocate(
            policy, budget: 10_000, [R.candidate("Ann", 90, rank: 1), R.candidate("Ben", 80, rank: 2)], catalogue)
        #expect(entitlements(result) == [5_000, 5_000])
        // Conference (60.00) fits no entitlement; dearest books first, two each: 35.00 each, 30.00 left.
        // Ann, first in rank, upgrades her cheaper book (15.00) to the conference: 60.00 - 15.00 = 45.00 > 30.00, so
        // it does not fit; she keeps her books. Ben cannot either. Nothing else fits two items each.
        #expect(result.codes(for: "Ann") == ["BOOK-A", "BOOK-B"])
        #expect(result.codes(for: "Ben") == ["BOOK-A", "BOOK-B"])
        #expect(result.remainingCents == 3_000)

        // CONF-B (70.00) fits no entitlement of 65.00; the books take 35.00 each and 60.00 is
        // left. Ann, first in rank, swaps her cheaper book (15.00) for the conference: 55.00 more,
        // 5.00 left, too little for Ben to do the same.
        let dearer = catalogue.dropLast() + [R.item("CONF-B", .conference, cents: 7_000)]
        policy.maxSharePercent = 100
        let richer = allocate(
            policy, budget: 13_000, [R.candidate("Ann", 90, rank: 1), R.candidate("Ben", 80, rank: 2)], Array(dearer))
        #expect(entitlements(richer) == [6_500, 6_500])
        #expect(richer.codes(for: "Ann") == ["BOOK-A", "CONF-B"])
        #expect(richer.codes(for: "Ben") == ["BOOK-A", "BOOK-B"])
        #expect(richer.proposals.filter(\.fromLeftover).map(\.item.code.value) == ["CONF-B"])
        #expect(richer.remainingCents == 500)
    }

    @Test func theLeftoverRoundStaysWithinThePerPersonCap() {
        // Cap 50 % of 100.00 = 50.00: alone, Ann is capped at 50.00 and the
        // other half can only stay unspent.
        let catalogue = [
            R.item("CONF-A", .conference, cents: 4_000), R.item("BOOK-A", .book, cents: 1_500),
            R.item("BOOK-B", .book, cents: 500),
        ]
        let result = allocate(
            R.policy(alpha: 0, maxSharePercent: 50), budget: 10_000, [R.candidate("Ann", 90, rank: 1)], catalogue)
        #expect(entitlements(result) == [5_000])
        // CONF-A (40.00), BOOK-B (5.00) within 50.00; BOOK-A (15.00) would pass the cap even from the leftover.
        #expect(result.codes(for: "Ann") == ["CONF-A", "BOOK-B"])
        #expect(result.remainingCents == 5_500)
    }

    // MARK: - Rationale

    @Test func theRationaleSaysRankScoreTierContributionsEntitlementAndWhy() {
        let catalogue = [
            R.item("BOOK-DDD", .book, cents: 4_500), R.item("TRAIN-ERP", .training, cents: 20_000, projects: ["ERP-2027"]),
            R.item("RECOG-LUNCH", .recognition, cents: 2_000),
        ]
        let result = allocate(
            R.policy(alpha: 0, minimumScore: 10), budget: 100_000,
            [
                R.candidate("Ann", 61, rank: 1, tier: .mid, actions: [.post: 1]),
                R.candidate(
                    "Ben", 42.5, rank: 2, tier: .micro, hours: ["DATA-PLAT": 10, "ERP-2027": 3], actions: [.article: 4, .talk: 2]),
                R.candidate("Cat", 30, rank: 3, tier: .nano, actions: [.post: 3, .comment: 2, .share: 1, .article: 3, .talk: 0]),
                R.candidate("Dan", 8, rank: 4),
                R.candidate("Eve", 7.5, rank: 5),
            ], catalogue, wishes: ["Ben": ["BOOK-DDD"]])
        // Three eligible people of five, 1,000.00 split equally: 333.33 each.
        #expect(
            result.proposal("Ben", "BOOK-DDD")?.rationale
                == "Rank 2 of 5 with 42.5 points (micro tier) for 4 articles and 2 talks, mostly on DATA-PLAT; entitled to 333.33 EUR of the 1,000.00 EUR budget; BOOK-DDD was their wish no. 1."
        )
        #expect(
            result.proposal("Ben", "TRAIN-ERP")?.rationale
                == "Rank 2 of 5 with 42.5 points (micro tier) for 4 articles and 2 talks, mostly on DATA-PLAT; entitled to 333.33 EUR of the 1,000.00 EUR budget; TRAIN-ERP relates to their work on ERP-2027."
        )
        #expect(
            result.proposal("Ann", "BOOK-DDD")?.rationale
                == "Rank 1 of 5 with 61 points (mid tier) for 1 post; entitled to 333.33 EUR of the 1,000.00 EUR budget; BOOK-DDD is a book reward that fits."
        )
        // Two kinds named, the others counted; ties between kinds by name.
        #expect(
            result.proposal("Cat", "BOOK-DDD")?.rationale.hasPrefix(
                "Rank 3 of 5 with 30 points (nano tier) for 3 articles, 3 posts and 3 other actions; entitled to 333.33 EUR")
                == true)
    }

    @Test func aLeftoverRationaleSaysWhereTheMoneyCameFrom() {
        let catalogue = [
            R.item("BOOK-1", .book, cents: 2_000, minTier: .micro), R.item("BOOK-2", .book, cents: 1_500, minTier: .micro),
        ]
        let result = allocate(
            R.policy(alpha: 0), budget: 4_000, [R.candidate("Ann", 90, rank: 1), R.candidate("Cat", 70, rank: 2, tier: .nano)],
            catalogue)
        #expect(result.proposal("Ann", "BOOK-2")?.fromLeftover == true)
        #expect(
            result.proposal("Ann", "BOOK-2")?.rationale
                == "Rank 1 of 2 with 90 points (micro tier); entitled to 20.00 EUR of the 40.00 EUR budget; BOOK-2 is a book reward that fits, paid from the budget left once every entitlement was used."
        )
    }

    @Test func everyRationaleIsOneSentence() {
        var generator = RewardProgrammeGenerator(seed: 7)
        for _ in 0..<20 {
            let result = RewardAllocation.allocate(generator.input())
            for proposal in result.proposals {
                let text = proposal.rationale
                #expect(text.hasPrefix("Rank ") && text.hasSuffix(".") && !text.contains("\n"))
                // "wish no. 2" is the one full stop allowed inside.
                #expect(!text.dropLast().replacingOccurrences(of: "no. ", with: "no ").contains(". "), "\(text)")
            }
        }
    }

    // MARK: - Order of the input

    @Test func peopleWithTheSameRankAreServedInTheSameOrderWhateverTheInputOrder() {
        // Unranked scores (rank 0) or a hand-made list can tie on rank; the
        // result must not depend on which of them came first.
        let people = [R.candidate("Ann", 50, rank: 0), R.candidate("Ben", 50, rank: 0), R.candidate("Cat", 50, rank: 0)]
        let catalogue = [R.item("CONF-ONE", .conference, cents: 1_000, stock: 1)]
        let a = allocate(R.policy(alpha: 0), budget: 30_000, people, catalogue)
        let b = allocate(R.policy(alpha: 0), budget: 30_000, people.reversed(), catalogue)
        #expect(a.fingerprint == b.fingerprint)
        // The scarce item goes to the same person both ways: on a tie of rank
        // and score, the first email.
        #expect(a.codes(for: "Ann") == ["CONF-ONE"])
        #expect(b.codes(for: "Ann") == ["CONF-ONE"])
        #expect(a.entitlements.map(\.email) == ["Ann", "Ben", "Cat"].map(R.email))
    }
}
