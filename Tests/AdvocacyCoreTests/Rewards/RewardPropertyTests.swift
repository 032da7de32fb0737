import Foundation
import Testing

@testable import AdvocacyCore

/// Properties of reward allocation, checked on random programmes from fixed
/// seeds (a failure names the seed, which replays it). Each check counts
/// from the input, not from the allocation's own bookkeeping.
@Suite("Reward allocation properties")
struct RewardPropertyTests {
    static let seeds = Array(1...200 as ClosedRange<UInt64>)

    struct Case {
        let input: AllocationInput
        let result: Allocation
        init(seed: UInt64) {
            var generator = RewardProgrammeGenerator(seed: seed)
            input = generator.input()
            result = RewardAllocation.allocate(input)
        }

        var byEmail: [EmailAddress: RewardCandidate] {
            Dictionary(uniqueKeysWithValues: input.candidates.map { ($0.score.person.email, $0) })
        }

        func isEligible(_ candidate: RewardCandidate) -> Bool {
            let policy = input.policy
            return candidate.score.person.isActive && candidate.score.score > policy.minimumScore
                && (candidate.flagPenaltyPercent <= policy.maxFlagPenaltyPercent || candidate.cleared)
        }

        var keptInPeriod: Int { input.kept.filter(\.inPeriod).map(\.costCents).reduce(0, +) }
        var cap: Int { input.policy.maxShareCents(of: input.budgetCents) }
    }

    @Test(arguments: seeds)
    func theTotalNeverExceedsTheBudget(seed: UInt64) {
        let c = Case(seed: seed)
        let proposed = c.result.proposals.map(\.item.costCents).reduce(0, +)
        #expect(proposed == c.result.proposedCents, "seed \(seed)")
        #expect(c.result.keptCents == c.keptInPeriod, "seed \(seed)")
        if c.keptInPeriod >= c.input.budgetCents {
            #expect(proposed == 0 || c.result.proposals.allSatisfy { $0.item.costCents == 0 }, "seed \(seed)")
        } else {
            #expect(
                proposed + c.keptInPeriod <= c.input.budgetCents,
                "seed \(seed): \(proposed) + \(c.keptInPeriod) > \(c.input.budgetCents)")
        }
        #expect(c.result.entitlements.map(\.entitlementCents).reduce(0, +) <= c.input.budgetCents, "seed \(seed)")
    }

    @Test(arguments: seeds)
    func stockIsNeverExceeded(seed: UInt64) {
        let c = Case(seed: seed)
        for item in c.input.catalogue {
            guard let stock = item.stock else { continue }
            let kept = c.input.kept.filter { $0.code == item.code }.count
            let proposed = c.result.proposals.filter { $0.item.code == item.code }.count
            #expect(proposed == 0 || kept + proposed <= stock, "seed \(seed): \(item.code) \(kept) + \(proposed) > \(stock)")
        }
    }

    @Test(arguments: seeds)
    func maxPerPersonAndCategoryCapsHoldOverTheYear(seed: UInt64) {
        let c = Case(seed: seed)
        let emails = Set(c.result.proposals.map(\.email))
        for email in emails {
            let proposals = c.result.proposals.filter { $0.email == email }
            let keptInYear = c.input.kept.filter { $0.email == email && $0.inYear }
            for item in Set(proposals.map(\.item)) {
                let proposed = proposals.filter { $0.item.code == item.code }.count
                #expect(proposed == 1, "seed \(seed): \(item.code) proposed \(proposed) times to \(email)")
                if let most = item.maxPerPerson {
                    let kept = keptInYear.filter { $0.code == item.code }.count
                    #expect(kept + proposed <= most, "seed \(seed): \(email) \(item.code)")
                }
            }
            for category in RewardCategory.allCases {
                guard let limit = c.input.policy.yearlyCap(category) else { continue }
                let proposed = proposals.filter { $0.item.category == category }.map(\.item.costCents).reduce(0, +)
                let kept = keptInYear.filter { $0.category == category }.map(\.costCents).reduce(0, +)
                #expect(
                    proposed == 0 || kept + proposed <= limit,
                    "seed \(seed): \(email) \(category) \(kept) + \(proposed) > \(limit)")
            }
        }
    }

    @Test(arguments: seeds)
    func nobodyPassesThePerPersonCap(seed: UInt64) {
        let c = Case(seed: seed)
        for share in c.result.entitlements {
            let kept = c.input.kept.filter { $0.email == share.email && $0.inPeriod }.map(\.costCents).reduce(0, +)
            let proposed = c.result.proposals.filter { $0.email == share.email }.map(\.item.costCents).reduce(0, +)
            #expect(share.keptCents == kept && share.proposedCents == proposed, "seed \(seed)")
            #expect(share.entitlementCents <= c.cap, "seed \(seed)")
            #expect(proposed == 0 || kept + proposed <= c.cap, "seed \(seed): \(share.email) \(kept) + \(proposed) > \(c.cap)")
            let items = c.result.proposals.filter { $0.email == share.email }.count
            let keptItems = c.input.kept.filter { $0.email == share.email && $0.inPeriod }.count
            #expect(
                items == 0 || keptItems + items <= c.input.policy.maxItemsPerPerson,
                "seed \(seed): \(share.email) has \(keptItems) + \(items) items")
            // What entitlement paid for stays inside it.
            let fromEntitlement = c.result.proposals.filter { $0.email == share.email && !$0.fromLeftover }.map(\.item.costCents)
                .reduce(0, +)
            #expect(fromEntitlement == 0 || kept + fromEntitlement <= share.entitlementCents, "seed \(seed): \(share.email)")
        }
    }

    @Test(arguments: seeds)
    func onlyEligiblePeopleAreEntitledAndEveryoneElseIsHeldBack(seed: UInt64) {
        let c = Case(seed: seed)
        let eligible = c.input.candidates.filter(c.isEligible).sorted { $0.score.rank < $1.score.rank }
        #expect(c.result.entitlements.map(\.email) == eligible.map(\.score.person.email), "seed \(seed)")
        #expect(c.result.heldBack.count + eligible.count == c.input.candidates.count, "seed \(seed)")
        let entitled = Set(eligible.map(\.score.person.email))
        #expect(c.result.proposals.allSatisfy { entitled.contains($0.email) }, "seed \(seed)")
        for held in c.result.heldBack {
            #expect(!entitled.contains(held.score.person.email), "seed \(seed)")
        }
    }

    @Test(arguments: seeds)
    func aHigherScoreNeverGetsASmallerEntitlement(seed: UInt64) {
        let c = Case(seed: seed)
        let scores = c.byEmail
        let shares = c.result.entitlements.map { (score: scores[$0.email]!.score.score, cents: $0.entitlementCents) }
        for a in shares {
            for b in shares where a.score > b.score {
                #expect(a.cents >= b.cents, "seed \(seed): \(a) vs \(b)")
            }
            for b in shares where a.score == b.score {
                #expect(a.cents == b.cents, "seed \(seed): equal scores \(a) vs \(b)")
            }
        }
    }

    /// Water-filling, checked from its definition: below the cap, shares are
    /// proportional to score^α (to the cent); nobody below the cap outweighs
    /// someone at it; and unless everyone is capped, the budget is shared out
    /// but for rounding.
    @Test(arguments: seeds)
    func entitlementsAreWaterFilledSharesOfTheBudget(seed: UInt64) {
        let c = Case(seed: seed)
        let alpha = c.input.policy.alpha
        let scores = c.byEmail
        let shares = c.result.entitlements.map { (weight: pow(scores[$0.email]!.score.score, alpha), cents: $0.entitlementCents) }
        guard !shares.isEmpty, c.input.budgetCents > 0 else { return }
        let capped = shares.filter { $0.cents == c.cap }
        let free = shares.filter { $0.cents < c.cap }
        if !free.isEmpty {
            let total = shares.map(\.cents).reduce(0, +)
            #expect(total >= c.input.budgetCents - shares.count, "seed \(seed): only \(total) of \(c.input.budgetCents) shared")
            let freeBudget = Double(c.input.budgetCents - capped.count * c.cap)
            let freeWeight = free.map(\.weight).reduce(0, +)
            for share in free {
                let exact = freeBudget * share.weight / freeWeight
                #expect(
                    Double(share.cents) <= exact + 1e-6 && Double(share.cents) > exact - 1 - 1e-6,
                    "seed \(seed): \(share) vs \(exact)")
            }
            if let heaviestFree = free.map(\.weight).max(), let lightestCapped = capped.map(\.weight).min() {
                #expect(heaviestFree <= lightestCapped * (1 + 1e-12), "seed \(seed)")
            }
        } else {
            #expect(capped.count * c.cap <= c.input.budgetCents, "seed \(seed)")
        }
    }

    @Test(arguments: seeds)
    func aZeroScoreGetsNothing(seed: UInt64) {
        let c = Case(seed: seed)
        for candidate in c.input.candidates where candidate.score.score == 0 {
            let email = candidate.score.person.email
            #expect(!c.result.proposals.contains { $0.email == email }, "seed \(seed)")
            #expect(!c.result.entitlements.contains { $0.email == email }, "seed \(seed)")
            #expect(c.result.heldBack.contains { $0.score.person.email == email }, "seed \(seed)")
        }
    }

    @Test(arguments: seeds)
    func everyProposalRespectsTheItemsRules(seed: UInt64) {
        let c = Case(seed: seed)
        let scores = c.byEmail
        let catalogue = Set(c.input.catalogue.map(\.code))
        for proposal in c.result.proposals {
            let candidate = scores[proposal.email]!
            let wished = c.input.wishes[proposal.email] ?? []
            #expect(catalogue.contains(proposal.item.code), "seed \(seed)")
            #expect(
                !c.input.rejected.contains(.init(email: proposal.email, code: proposal.item.code)),
                "seed \(seed): rejected item proposed")
            #expect(
                !c.input.kept.contains { $0.inPeriod && $0.email == proposal.email && $0.code == proposal.item.code },
                "seed \(seed)")
            if let lowest = proposal.item.minTier { #expect(candidate.score.tier >= lowest, "seed \(seed)") }
            if !proposal.item.projects.isEmpty {
                let worked = proposal.item.projects.contains { (candidate.hoursByProject[$0] ?? 0) > 0 }
                #expect(worked || wished.contains(proposal.item.code), "seed \(seed): \(proposal.item.code) to \(proposal.email)")
            }
            switch proposal.reason {
            case .wish(let rank):
                #expect(wished.indices.contains(rank - 1) && wished[rank - 1] == proposal.item.code, "seed \(seed)")
            case .work(let project):
                #expect(proposal.item.projects.contains(project) && (candidate.hoursByProject[project] ?? 0) > 0, "seed \(seed)")
            case .development: #expect(proposal.item.projects.isEmpty, "seed \(seed)")
            }
            #expect(
                proposal.rationale.hasPrefix("Rank \(candidate.score.rank) of \(c.input.candidates.count) with "), "seed \(seed)")
            #expect(proposal.rationale.contains(proposal.item.code.value) && proposal.rationale.hasSuffix("."), "seed \(seed)")
        }
    }

    @Test(arguments: seeds)
    func theSameInputGivesTheSameOutputInAnyOrder(seed: UInt64) {
        let c = Case(seed: seed)
        #expect(RewardAllocation.allocate(c.input).fingerprint == c.result.fingerprint, "seed \(seed)")
        var shuffler = SeededGenerator(seed: seed &+ 10_000)
        var shuffled = c.input
        shuffled.candidates.shuffle(using: &shuffler)
        shuffled.catalogue.shuffle(using: &shuffler)
        shuffled.kept.shuffle(using: &shuffler)
        #expect(RewardAllocation.allocate(shuffled).fingerprint == c.result.fingerprint, "seed \(seed)")
    }

    /// People given the same rank (unranked scores, say) are still served in
    /// an order that does not depend on the order they came in.
    @Test(arguments: seeds)
    func sharedRanksDoNotMakeTheResultDependOnInputOrder(seed: UInt64) {
        var input = Case(seed: seed).input
        for index in input.candidates.indices { input.candidates[index].score.rank = 0 }
        var shuffler = SeededGenerator(seed: seed &+ 20_000)
        var shuffled = input
        shuffled.candidates.shuffle(using: &shuffler)
        shuffled.catalogue.shuffle(using: &shuffler)
        #expect(RewardAllocation.allocate(shuffled).fingerprint == RewardAllocation.allocate(input).fingerprint, "seed \(seed)")
    }

    /// A person's first wish is proposed to them when nothing stands in its
    /// way: it fits what their entitlement leaves, a unit is in stock, no
    /// rule blocks it, nobody ranked higher wished for it too, and the budget
    /// not promised to the people ranked above them still pays for it.
    @Test(arguments: seeds)
    func aFirstWishIsHonouredWhenItFits(seed: UInt64) {
        let c = Case(seed: seed)
        let byCode = Dictionary(uniqueKeysWithValues: c.input.catalogue.map { ($0.code, $0) })
        let scores = c.byEmail
        var promisedAbove = 0
        for share in c.result.entitlements {
            let candidate = scores[share.email]!
            let keptByPerson = c.input.kept.filter { $0.email == share.email }
            let keptInPeriod = keptByPerson.filter(\.inPeriod).map(\.costCents).reduce(0, +)
            defer { promisedAbove += max(0, share.entitlementCents - keptInPeriod) }
            guard let code = c.input.wishes[share.email]?.first, let item = byCode[code] else { continue }
            let fits = item.costCents <= share.entitlementCents - keptInPeriod
            let inStock = item.stock.map { c.input.kept.filter { $0.code == code }.count < $0 } ?? true
            let rejected = c.input.rejected.contains(.init(email: share.email, code: code))
            let alreadyThisPeriod =
                keptByPerson.contains { $0.inPeriod && $0.code == code }
                || keptByPerson.filter(\.inPeriod).count >= c.input.policy.maxItemsPerPerson
            let maxed = item.maxPerPerson.map { keptByPerson.filter { $0.inYear && $0.code == code }.count >= $0 } ?? false
            let tierTooLow = item.minTier.map { candidate.score.tier < $0 } ?? false
            let overCategoryCap =
                c.input.policy.yearlyCap(item.category).map { limit in
                    keptByPerson.filter { $0.inYear && $0.category == item.category }.map(\.costCents).reduce(0, +)
                        + item.costCents > limit
                } ?? false
            let wishedAbove = c.result.entitlements.prefix { $0.email != share.email }.contains {
                (c.input.wishes[$0.email] ?? []).contains(code)
            }
            let budgetLeft = c.input.budgetCents - c.keptInPeriod - promisedAbove >= item.costCents
            guard fits, inStock, !rejected, !alreadyThisPeriod, !maxed, !tierTooLow, !overCategoryCap, !wishedAbove, budgetLeft
            else { continue }
            let proposal = c.result.proposals.first { $0.email == share.email && $0.item.code == code }
            #expect(
                proposal?.reason == .wish(1) && proposal?.fromLeftover == false,
                "seed \(seed): \(share.email)'s wish \(code) not honoured")
        }
    }

    /// The checks above must see the cases they are about: a generator that
    /// never produced a capped share or an honoured wish would prove nothing.
    @Test func theRandomProgrammesCoverWhatThePropertiesAreAbout() {
        var seen: [String: Int] = [:]
        for seed in Self.seeds {
            let c = Case(seed: seed)
            func count(_ what: String, _ happened: Bool) { if happened { seen[what, default: 0] += 1 } }
            count("capped share", c.result.entitlements.contains { $0.entitlementCents == c.cap && c.cap > 0 })
            count("uncapped share", c.result.entitlements.contains { $0.entitlementCents < c.cap })
            count("wish honoured", c.result.proposals.contains { $0.reason == .wish(1) })
            count("work item", c.result.proposals.contains { if case .work = $0.reason { true } else { false } })
            count("leftover", c.result.proposals.contains(where: \.fromLeftover))
            count("voucher", c.result.proposals.contains { $0.item.category == .voucher })
            count(
                "stock exhausted",
                c.input.catalogue.contains { item in
                    item.stock.map {
                        $0 > 0
                            && c.result.proposals.filter { $0.item.code == item.code }.count
                                + c.input.kept.filter { $0.code == item.code }.count == $0
                    } ?? false
                })
            count("held back flagged", c.result.heldBack.contains { if case .flagged = $0.reason { true } else { false } })
            count(
                "cleared",
                c.input.candidates.contains {
                    $0.cleared && $0.flagPenaltyPercent > c.input.policy.maxFlagPenaltyPercent && c.isEligible($0)
                })
            count("zero budget", c.input.budgetCents == 0)
            count("kept in period", c.keptInPeriod > 0)
            count("tie", Set(c.result.entitlements.map(\.entitlementCents)).count < c.result.entitlements.count)
        }
        for what in [
            "capped share", "uncapped share", "wish honoured", "work item", "leftover", "voucher", "stock exhausted",
            "held back flagged", "cleared", "zero budget", "kept in period", "tie",
        ] {
            #expect(seen[what, default: 0] >= 5, "only \(seen[what, default: 0]) programmes with a \(what)")
        }
    }
}
