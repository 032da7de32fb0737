import AdvocacyTestSupport
import Foundation

@testable import AdvocacyCore

/// Builders for reward tests: people with a given score, rank and tier, and
/// catalogue items, without going through the scoring of actions.
enum Rewarded {
    static func email(_ name: String) -> EmailAddress {
        let local = name.lowercased().folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(
            of: " ", with: ".")
        return valid { try EmailAddress("\(local)@corp.fr") }
    }

    static func code(_ text: String) -> RewardCode { valid { try RewardCode(text) } }
    static func project(_ text: String) -> ProjectCode { valid { try ProjectCode(text) } }

    /// A scored person. `flagPoints` are what authenticity flags took: the
    /// score before flags is `score + flagPoints`.
    static func score(
        _ name: String, _ score: Double, rank: Int, tier: AudienceTier = .micro, active: Bool = true, flagPoints: Double = 0,
        engagement: Double = 0
    ) -> PersonScore {
        let exact = ScoreComponents([score + flagPoints, 0, 0, -flagPoints, 0, 0])
        return PersonScore(
            person: ScoredPerson(email: email(name), name: name, team: "Data", isActive: active), rank: rank, tier: tier,
            audience: nil,
            score: score, components: exact, flags: [], actions: 0, engagement: engagement, tFactor: 0, weeksActive: 0, weeks: 13,
            hours: 0, qualityHours: 0, alignedHours: 0, countedPoints: 0, halfWorkHours: 52, reachShare: 0, spikeMultiplier: 1,
            exactComponents: exact)
    }

    static func candidate(
        _ name: String, _ points: Double, rank: Int, tier: AudienceTier = .micro, active: Bool = true, flagPoints: Double = 0,
        hours: [String: Double] = [:], actions: [ActionKind: Int] = [:], cleared: Bool = false
    ) -> RewardCandidate {
        RewardCandidate(
            score: score(name, points, rank: rank, tier: tier, active: active, flagPoints: flagPoints),
            hoursByProject: Dictionary(uniqueKeysWithValues: hours.map { (project($0.key), $0.value) }), actionsByKind: actions,
            cleared: cleared)
    }

    static func item(
        _ code: String, _ category: RewardCategory, cents: Int, stock: Int? = nil, maxPerPerson: Int? = nil,
        minTier: AudienceTier? = nil,
        projects: [String] = []
    ) -> RewardItem {
        RewardItem(
            code: self.code(code), name: "Item \(code)", category: category, costCents: cents, stock: stock,
            maxPerPerson: maxPerPerson,
            minTier: minTier, projects: projects.map(project))
    }

    static func kept(_ name: String, _ item: RewardItem, inPeriod: Bool = true, inYear: Bool = true) -> KeptReward {
        KeptReward(
            email: email(name), code: item.code, category: item.category, costCents: item.costCents, inPeriod: inPeriod,
            inYear: inYear)
    }

    /// A policy with no cap on anything but what a test sets.
    static func policy(
        alpha: Double = 0.5, maxSharePercent: Double = 100, minimumScore: Double = 0, maxFlagPenaltyPercent: Double = 25,
        maxItemsPerPerson: Int = 10, freeOrUnlimitedItems: RewardPolicy.Offer = .anyone
    ) -> RewardPolicy {
        // Hand-computed cases allow many items each and offer every item to
        // anyone, so each shows its own rule; the item limit and free or
        // unlimited items have tests of their own.
        var policy = RewardPolicy.standard
        policy.maxItemsPerPerson = maxItemsPerPerson
        policy.freeOrUnlimitedItems = freeOrUnlimitedItems
        policy.alpha = alpha
        policy.maxSharePercent = maxSharePercent
        policy.minimumScore = minimumScore
        policy.maxFlagPenaltyPercent = maxFlagPenaltyPercent
        return policy
    }
}

extension Allocation {
    /// Item codes proposed to `name`, in the order chosen.
    func codes(for name: String) -> [String] {
        let email = Rewarded.email(name)
        return proposals.filter { $0.email == email }.map(\.item.code.value)
    }

    func entitlement(of name: String) -> Entitlement? {
        let email = Rewarded.email(name)
        return entitlements.first { $0.email == email }
    }

    func proposal(_ name: String, _ code: String) -> AllocatedReward? {
        let email = Rewarded.email(name)
        return proposals.first { $0.email == email && $0.item.code.value == code }
    }

    /// Everything a caller can see, to compare two allocations.
    var fingerprint: String {
        var lines = ["budget \(budgetCents) kept \(keptCents) proposed \(proposedCents)"]
        lines += entitlements.map { "E \($0.email) \($0.entitlementCents) \($0.keptCents) \($0.proposedCents)" }
        lines += proposals.map { "P \($0.email) \($0.item.code) \($0.reason) \($0.fromLeftover) \($0.rationale)" }
        lines += heldBack.map { "H \($0.score.person.email) \($0.reason)" }
        return lines.joined(separator: "\n")
    }
}

/// Random reward programmes for property tests, from a seed.
struct RewardProgrammeGenerator {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    static let projects = ["ERP-2027", "DATA-PLAT", "SEC-ZT"].map(Rewarded.project)

    mutating func policy() -> RewardPolicy {
        var policy = RewardPolicy.standard
        policy.alpha = random.pick([0, 0.5, 0.5, 1, 2])
        policy.maxSharePercent = random.pick([10, 20, 20, 35, 100])
        policy.minimumScore = random.pick([0, 10, 10, 25])
        policy.maxFlagPenaltyPercent = random.pick([0, 25, 25, 100])
        for category in RewardCategory.allCases where random.chance(0.4) {
            policy.yearlyCapCents[category] = random.chance(0.2) ? 0 : random.int(in: 2_000...60_000)
        }
        if random.chance(0.2) { policy.voucherCapPercent = 0 }
        policy.maxItemsPerPerson = random.pick([1, 2, 2, 3, 10])
        policy.freeOrUnlimitedItems = random.pick(RewardPolicy.Offer.allCases)
        return policy
    }

    mutating func score(index: Int) -> Double {
        switch random.int(in: 0...9) {
        case 0: 0
        case 1: random.pick([10, 25, 50])  // ties and scores right on a minimum
        default: Double(random.int(in: 0...1_000)) / 10
        }
    }

    mutating func candidates(count: Int) -> [RewardCandidate] {
        let scores = (0..<count).map { index -> PersonScore in
            let points = score(index: index)
            let flagPoints = random.chance(0.25) ? Double(random.int(in: 1...400)) / 10 : 0
            return Rewarded.score(
                "Person \(index)", points, rank: 0, tier: random.pick(AudienceTier.allCases), active: random.chance(0.85),
                flagPoints: flagPoints, engagement: Double(random.int(in: 0...3)))
        }
        return Ranking.rank(scores).map { score in
            var hours: [ProjectCode: Double] = [:]
            for project in Self.projects where random.chance(0.35) { hours[project] = Double(random.int(in: 0...40)) }
            var actions: [ActionKind: Int] = [:]
            for kind in ActionKind.allCases where random.chance(0.3) { actions[kind] = random.int(in: 1...5) }
            return RewardCandidate(score: score, hoursByProject: hours, actionsByKind: actions, cleared: random.chance(0.3))
        }
    }

    mutating func catalogue(count: Int) -> [RewardItem] {
        (0..<count).map { index in
            let category = random.pick(RewardCategory.allCases)
            let cents: Int
            switch random.int(in: 0...9) {
            case 0: cents = 0
            case 1: cents = random.int(in: 1...500)
            case 2, 3: cents = random.int(in: 2_000...25_000)  // around the voucher threshold
            default: cents = random.int(in: 1_000...120_000)
            }
            var projects: [ProjectCode] = []
            if random.chance(0.3) { projects.append(random.pick(Self.projects)) }
            if random.chance(0.1) { projects.append(random.pick(Self.projects)) }
            return RewardItem(
                code: Rewarded.code("ITEM-\(index)"), name: "Item \(index)", category: category, costCents: cents,
                stock: random.chance(0.5) ? random.int(in: 0...4) : nil,
                maxPerPerson: random.chance(0.4) ? random.int(in: 1...2) : nil,
                minTier: random.chance(0.3) ? random.pick(AudienceTier.allCases) : nil, projects: projects)
        }
    }

    mutating func input() -> AllocationInput {
        let candidates = candidates(count: random.int(in: 0...12))
        let catalogue = catalogue(count: random.int(in: 0...10))
        let budget: Int
        switch random.int(in: 0...9) {
        case 0: budget = 0
        case 1: budget = random.int(in: 1...50)
        case 2: budget = random.int(in: 100...5_000)
        default: budget = random.int(in: 10_000...1_000_000)
        }
        // Some people outside the ranking (left the company, or unranked) hold rewards too.
        let emails = candidates.map { $0.score.person.email } + [Rewarded.email("Someone Gone")]
        let codes = catalogue.map(\.code) + [Rewarded.code("RETIRED")]
        var wishes: [EmailAddress: [RewardCode]] = [:]
        for email in emails where random.chance(0.6) {
            wishes[email] = (0..<random.int(in: 1...3)).map { _ in random.pick(codes) }
        }
        var kept: [KeptReward] = []
        if !catalogue.isEmpty {
            for _ in 0..<random.int(in: 0...12) {
                let item = random.pick(catalogue)
                let inPeriod = random.chance(0.4)
                kept.append(
                    KeptReward(
                        email: random.pick(emails), code: item.code, category: item.category, costCents: item.costCents,
                        inPeriod: inPeriod,
                        inYear: inPeriod || random.chance(0.5)))
            }
        }
        var rejected: Set<AllocationInput.PersonItem> = []
        if !catalogue.isEmpty {
            for _ in 0..<random.int(in: 0...4) {
                rejected.insert(.init(email: random.pick(emails), code: random.pick(catalogue).code))
            }
        }
        return AllocationInput(
            policy: policy(), budgetCents: budget, candidates: candidates, catalogue: catalogue, wishes: wishes, kept: kept,
            rejected: rejected)
    }
}
