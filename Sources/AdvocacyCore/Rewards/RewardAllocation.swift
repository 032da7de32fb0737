import Foundation

/// A ranked person as reward allocation sees them.
public struct RewardCandidate: Sendable {
    /// Their score and rank in the period.
    public var score: PersonScore
    /// Hours of work in the period by project, to match items to their work.
    public var hoursByProject: [ProjectCode: Double]
    /// Their actions in the period by kind, for the rationale.
    public var actionsByKind: [ActionKind: Int]
    /// A cio cleared their flags for this period.
    public var cleared: Bool

    public init(score: PersonScore, hoursByProject: [ProjectCode: Double] = [:], actionsByKind: [ActionKind: Int] = [:], cleared: Bool = false) {
        self.score = score
        self.hoursByProject = hoursByProject
        self.actionsByKind = actionsByKind
        self.cleared = cleared
    }

    var email: EmailAddress { score.person.email }

    /// The share of the score the authenticity flags took, in percent.
    public var flagPenaltyPercent: Double {
        let lost = -score.exactComponents.authenticity
        let whole = score.exactComponents.total + lost
        return whole > 0 && lost > 0 ? lost / whole * 100 : 0
    }
}

/// A reward already approved or granted, which a new proposal set keeps:
/// it counts against stock, yearly caps and (in the same period) the budget.
public struct KeptReward: Hashable, Sendable {
    public var email: EmailAddress
    public var code: RewardCode
    public var category: RewardCategory
    public var costCents: Int
    /// It belongs to the period being proposed.
    public var inPeriod: Bool
    /// It belongs to the same calendar year as the period being proposed.
    public var inYear: Bool

    public init(email: EmailAddress, code: RewardCode, category: RewardCategory, costCents: Int, inPeriod: Bool, inYear: Bool) {
        self.email = email
        self.code = code
        self.category = category
        self.costCents = costCents
        self.inPeriod = inPeriod
        self.inYear = inYear
    }
}

/// Everything an allocation depends on.
public struct AllocationInput: Sendable {
    public var policy: RewardPolicy
    public var budgetCents: Int
    /// Everyone ranked in the period, in rank order.
    public var candidates: [RewardCandidate]
    /// The catalogue's current items.
    public var catalogue: [RewardItem]
    /// Each person's wishes, by wish rank (1 first).
    public var wishes: [EmailAddress: [RewardCode]]
    public var kept: [KeptReward]
    /// Items rejected for a person in this period: never proposed to them again.
    public var rejected: Set<PersonItem>

    public struct PersonItem: Hashable, Sendable {
        public var email: EmailAddress
        public var code: RewardCode
        public init(email: EmailAddress, code: RewardCode) {
            self.email = email
            self.code = code
        }
    }

    public init(
        policy: RewardPolicy, budgetCents: Int, candidates: [RewardCandidate], catalogue: [RewardItem],
        wishes: [EmailAddress: [RewardCode]] = [:], kept: [KeptReward] = [], rejected: Set<PersonItem> = []
    ) {
        self.policy = policy
        self.budgetCents = budgetCents
        self.candidates = candidates
        self.catalogue = catalogue
        self.wishes = wishes
        self.kept = kept
        self.rejected = rejected
    }
}

/// Why an item went to a person.
public enum ProposalReason: Hashable, Sendable, CustomStringConvertible {
    /// It was their wish of this rank (1 first).
    case wish(Int)
    /// It relates to a project they worked on.
    case work(ProjectCode)
    /// A development reward that fits what their entitlement left.
    case development

    /// How JSON and the database name it: `wish 1`, `work DATA-PLATFORM`, `development`.
    public var label: String {
        switch self {
        case .wish(let rank): "wish \(rank)"
        case .work(let project): "work \(project)"
        case .development: "development"
        }
    }

    /// Reads a ``label`` back.
    public init?(label: String) {
        let parts = label.split(separator: " ", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("development", 1): self = .development
        case ("wish", 2): guard let rank = Int(parts[1]), rank >= 1 else { return nil }; self = .wish(rank)
        case ("work", 2): guard let project = try? ProjectCode(parts[1]) else { return nil }; self = .work(project)
        default: return nil
        }
    }

    /// How tables show it: `wish no. 1`, `work on DATA-PLATFORM`, `development`.
    public var description: String {
        switch self {
        case .wish(let rank): "wish no. \(rank)"
        case .work(let project): "work on \(project)"
        case .development: "development"
        }
    }

    /// Wishes are served first, then work, then development.
    var pass: Int {
        switch self {
        case .wish: 0
        case .work: 1
        case .development: 2
        }
    }
}

/// One suggested reward.
public struct AllocatedReward: Hashable, Sendable {
    public var email: EmailAddress
    public var item: RewardItem
    public var reason: ProposalReason
    /// Paid from the budget left once every entitlement was used.
    public var fromLeftover: Bool
    /// The person's entitlement in the period.
    public var entitlementCents: Int
    /// One sentence saying why: score, rank, tier, main contributions,
    /// entitlement and the reason for this item.
    public var rationale: String
}

/// A person's share of the budget.
public struct Entitlement: Hashable, Sendable {
    public var email: EmailAddress
    public var entitlementCents: Int
    /// Approved or granted earlier in this period.
    public var keptCents: Int
    /// Proposed now.
    public var proposedCents: Int
}

/// Someone ranked who earns no reward this period, and why.
public struct HeldBack: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        case inactive
        case scoreNotAboveMinimum(Double)
        case flagged(penaltyPercent: Double)
    }
    public var score: PersonScore
    public var reason: Reason
}

/// The outcome: what each person is entitled to and what is proposed.
public struct Allocation: Sendable {
    public var budgetCents: Int
    /// Approved or granted earlier in the period.
    public var keptCents: Int
    public var proposedCents: Int
    public var entitlements: [Entitlement]
    /// In rank order, each person's items in the order chosen.
    public var proposals: [AllocatedReward]
    public var heldBack: [HeldBack]

    /// What stays unspent.
    public var remainingCents: Int { budgetCents - keptCents - proposedCents }
}

/// Turns a period's scores into reward proposals inside a budget. Pure and
/// deterministic: the same input gives the same proposals. See docs/rewards.md.
public enum RewardAllocation {
    public static func allocate(_ input: AllocationInput) -> Allocation {
        let policy = input.policy
        let budget = max(0, input.budgetCents)
        let cap = policy.maxShareCents(of: budget)

        // Who is eligible, as positions in `candidates`: moving or copying
        // 50,000 candidates, each holding two dictionaries, cost more than
        // the allocation's own work.
        var eligible: [Int] = []
        var heldBack: [HeldBack] = []
        let candidates = input.candidates
        for position in candidates.indices.sorted(by: { servedFirst(candidates[$0], candidates[$1]) }) {
            let candidate = candidates[position]
            if !candidate.score.person.isActive {
                heldBack.append(HeldBack(score: candidate.score, reason: .inactive))
            } else if !(candidate.score.score > policy.minimumScore) {
                heldBack.append(HeldBack(score: candidate.score, reason: .scoreNotAboveMinimum(policy.minimumScore)))
            } else if candidate.flagPenaltyPercent > policy.maxFlagPenaltyPercent && !candidate.cleared {
                heldBack.append(HeldBack(score: candidate.score, reason: .flagged(penaltyPercent: candidate.flagPenaltyPercent)))
            } else {
                eligible.append(position)
            }
        }

        let entitled = entitlements(
            weights: eligible.map { weight(score: candidates[$0].score.score, alpha: policy.alpha) }, budget: budget, cap: cap)
        var ledger = Ledger(policy: policy, budget: budget, kept: input.kept, rejected: input.rejected)
        let catalogue = ArrangedCatalogue(input.catalogue)
        let preferences = eligible.map {
            preferenceList(for: candidates[$0], wishes: input.wishes[candidates[$0].email] ?? [], catalogue: catalogue)
        }
        var chosen: [[(item: RewardItem, reason: ProposalReason, fromLeftover: Bool)]] = Array(repeating: [], count: eligible.count)

        // Everyone's wishes first, in rank order, then items matching their
        // work, then development rewards, each within their entitlement: a
        // scarce item goes to someone who wished for it before anyone else.
        for pass in 0..<3 {
            for (index, position) in eligible.enumerated() {
                let (email, tier) = (candidates[position].email, candidates[position].score.tier)
                var within = entitled[index] - ledger.spentInPeriod(email)
                // Most of 50,000 entitlements buy nothing: skip the list then.
                guard within >= catalogue.cheapestCents else { continue }
                for (item, reason) in preferences[index] where reason.pass == pass && ledger.fits(item, email, tier, within: within) {
                    ledger.add(item, for: email)
                    within -= item.costCents
                    chosen[index].append((item, reason, false))
                }
            }
        }

        // What no entitlement could use goes round in rank order, within the
        // per-person ceiling: each round, a person gets one more item, or,
        // with as many items as allowed, one development pick upgraded to a
        // dearer one of the same or an earlier category (a conference
        // instead of a book, never a voucher).
        var progress = true
        while progress && ledger.pool > 0 {
            progress = false
            for (index, position) in eligible.enumerated() {
                let (email, tier) = (candidates[position].email, candidates[position].score.tier)
                let headroom = cap - ledger.spentInPeriod(email)
                if headroom >= catalogue.cheapestCents && ledger.pool >= catalogue.cheapestCents,
                    let (item, reason) = preferences[index].first(where: { ledger.fits($0.0, email, tier, within: headroom) })
                {
                    ledger.add(item, for: email)
                    chosen[index].append((item, reason, true))
                    progress = true
                    continue
                }
                guard let position = chosen[index].indices.filter({ chosen[index][$0].reason == .development })
                    .min(by: { chosen[index][$0].item.costCents < chosen[index][$1].item.costCents })
                else { continue }
                // Give the cheapest development pick back, then look for a better one in its place.
                let old = chosen[index][position].item
                ledger.remove(old, for: email)
                let better = preferences[index].first { item, reason in
                    reason == .development && item.costCents > old.costCents && item.category <= old.category
                        && ledger.fits(item, email, tier, within: headroom + old.costCents)
                }
                if let (item, reason) = better {
                    chosen[index][position] = (item, reason, true)
                    progress = true
                }
                ledger.add(better?.0 ?? old, for: email)
            }
        }

        let currency = policy.currency
        var proposals: [AllocatedReward] = []
        var shares: [Entitlement] = []
        var proposedCents = 0
        for (index, position) in eligible.enumerated() {
            let candidate = candidates[position]
            let kept = ledger.keptInPeriod[candidate.email, default: 0]
            let proposed = ledger.spentInPeriod(candidate.email) - kept
            proposedCents += proposed
            shares.append(Entitlement(email: candidate.email, entitlementCents: entitled[index], keptCents: kept, proposedCents: proposed))
            for (item, reason, fromLeftover) in chosen[index] {
                let rationale = Rationale.sentence(
                    candidate: candidate, ranked: input.candidates.count, entitlementCents: entitled[index], budgetCents: budget,
                    currency: currency, item: item, reason: reason, fromLeftover: fromLeftover)
                proposals.append(AllocatedReward(
                    email: candidate.email, item: item, reason: reason, fromLeftover: fromLeftover, entitlementCents: entitled[index],
                    rationale: rationale))
            }
        }
        return Allocation(
            budgetCents: budget, keptCents: ledger.keptInPeriod.values.reduce(0, +), proposedCents: proposedCents, entitlements: shares,
            proposals: proposals, heldBack: heldBack)
    }

    /// Rank order, with a tie-break that leaves nothing to the input order:
    /// people sharing a rank (unranked scores, a list built by hand) are
    /// served by score, then engagement, then email, as the ranking would.
    static func servedFirst(_ a: RewardCandidate, _ b: RewardCandidate) -> Bool {
        (a.score.rank, -a.score.score, -a.score.engagement, a.email.value) < (b.score.rank, -b.score.score, -b.score.engagement, b.email.value)
    }

    /// score^alpha; nothing for a score of zero, whatever alpha.
    static func weight(score: Double, alpha: Double) -> Double {
        score > 0 ? pow(score, alpha) : 0
    }

    /// Splits `budget` in proportion to `weights`, no share above `cap`:
    /// what a capped share cannot take goes to the others in proportion
    /// (water-filling). Shares are rounded down to the cent, so they never
    /// add up to more than the budget, and a larger weight never gets less.
    public static func entitlements(weights: [Double], budget: Int, cap: Int) -> [Int] {
        var capped = Array(repeating: false, count: weights.count)
        while true {
            let free = weights.indices.filter { !capped[$0] && weights[$0] > 0 }
            let total = free.reduce(0.0) { $0 + weights[$1] }
            let available = Double(budget - capped.filter { $0 }.count * cap)
            guard total > 0, available > 0 else { break }
            let newlyCapped = free.filter { available * weights[$0] / total >= Double(cap) }
            if newlyCapped.isEmpty {
                return weights.indices.map { index in
                    if capped[index] { return cap }
                    return weights[index] > 0 ? min(cap, Int((available * weights[index] / total).rounded(.down))) : 0
                }
            }
            for index in newlyCapped { capped[index] = true }
        }
        return weights.indices.map { capped[$0] ? cap : 0 }
    }

    /// The items a person would rather have, best first: their wishes by
    /// rank, then items tied to the projects they worked on most, then
    /// development rewards tied to no project (by category, dearest first,
    /// so an entitlement buys one meaningful item rather than many trinkets).
    static func preferenceList(for candidate: RewardCandidate, wishes: [RewardCode], catalogue: ArrangedCatalogue) -> Preferences {
        var personal: [(RewardItem, ProposalReason)] = []
        var listed: Set<RewardCode> = []
        for (rank, code) in wishes.enumerated() {
            if let item = catalogue.byCode[code], listed.insert(code).inserted { personal.append((item, .wish(rank + 1))) }
        }
        let matches = catalogue.tiedToProjects.compactMap { item -> (RewardItem, ProjectCode, Double)? in
            let best = item.projects.compactMap { code in candidate.hoursByProject[code].map { (code, $0) } }
                .max { ($0.1, $1.0) < ($1.1, $0.0) }
            return best.flatMap { $0.1 > 0 ? (item, $0.0, $0.1) : nil }
        }
        for (item, project, _) in matches.sorted(by: { ($0.2, $0.0.costCents, $1.0.code) > ($1.2, $1.0.costCents, $0.0.code) })
        where listed.insert(item.code).inserted {
            personal.append((item, .work(project)))
        }
        return Preferences(personal: personal, general: catalogue.general, listed: listed)
    }

    /// A person's preference list: their own picks (wishes, then work), then
    /// the catalogue's general items they did not already list. The general
    /// items are one array shared by everyone, not copied into 50,000 lists.
    struct Preferences: Sequence {
        var personal: [(RewardItem, ProposalReason)]
        var general: [RewardItem]
        var listed: Set<RewardCode>

        struct Iterator: IteratorProtocol {
            var personal: IndexingIterator<[(RewardItem, ProposalReason)]>
            var general: IndexingIterator<[RewardItem]>
            let listed: Set<RewardCode>

            mutating func next() -> (RewardItem, ProposalReason)? {
                if let next = personal.next() { return next }
                while let item = general.next() {
                    if listed.isEmpty || !listed.contains(item.code) { return (item, .development) }
                }
                return nil
            }
        }

        func makeIterator() -> Iterator {
            Iterator(personal: personal.makeIterator(), general: general.makeIterator(), listed: listed)
        }
    }

    /// The catalogue arranged once, for every candidate's preference list:
    /// sorting it again for each of 50,000 people was a fifth of proposing.
    struct ArrangedCatalogue {
        var byCode: [RewardCode: RewardItem] = [:]
        /// Items tied to projects, by code.
        var tiedToProjects: [RewardItem]
        /// Items tied to no project: by category, dearest first, then by code.
        var general: [RewardItem]
        /// What the cheapest item costs: less than this buys nothing.
        var cheapestCents: Int

        init(_ catalogue: [RewardItem]) {
            let sorted = catalogue.sorted { $0.code < $1.code }
            for item in sorted where byCode[item.code] == nil { byCode[item.code] = item }
            tiedToProjects = sorted.filter { !$0.projects.isEmpty }
            cheapestCents = catalogue.map(\.costCents).min() ?? .max
            general = sorted.filter(\.projects.isEmpty)
                .sorted { ($0.category, -$0.costCents, $0.code) < ($1.category, -$1.costCents, $1.code) }
        }
    }
}

/// What is committed, by earlier decisions and by the allocation so far:
/// the counts every rule of ``RewardAllocation/allocate(_:)`` checks. One
/// mechanism adds and removes an item, so giving one back (an upgrade)
/// undoes exactly what taking it did.
private struct Ledger {
    typealias PersonItem = AllocationInput.PersonItem

    let policy: RewardPolicy
    /// What is left of the budget.
    private(set) var pool: Int
    /// Approved or granted in the period, by person.
    let keptInPeriod: [EmailAddress: Int]
    private var spent: [EmailAddress: Int]
    private var itemsInPeriod: [EmailAddress: Int] = [:]
    private var unitsGiven: [RewardCode: Int] = [:]
    private var yearlyCount: [PersonItem: Int] = [:]
    private var yearlySpent: [EmailAddress: [RewardCategory: Int]] = [:]
    /// Items a person may not be proposed: rejected, or already theirs in the period.
    private var taken: Set<PersonItem>

    init(policy: RewardPolicy, budget: Int, kept: [KeptReward], rejected: Set<PersonItem>) {
        self.policy = policy
        taken = rejected
        var inPeriod: [EmailAddress: Int] = [:]
        for reward in kept {
            unitsGiven[reward.code, default: 0] += 1
            if reward.inYear {
                yearlyCount[PersonItem(email: reward.email, code: reward.code), default: 0] += 1
                yearlySpent[reward.email, default: [:]][reward.category, default: 0] += reward.costCents
            }
            if reward.inPeriod {
                inPeriod[reward.email, default: 0] += reward.costCents
                itemsInPeriod[reward.email, default: 0] += 1
                taken.insert(PersonItem(email: reward.email, code: reward.code))
            }
        }
        keptInPeriod = inPeriod
        spent = inPeriod
        pool = max(0, budget - inPeriod.values.reduce(0, +))
    }

    /// Kept and proposed in the period for `email`.
    func spentInPeriod(_ email: EmailAddress) -> Int { spent[email, default: 0] }

    /// Whether `item` may go to `email`, of audience `tier`, for at most `amount`, under every rule.
    func fits(_ item: RewardItem, _ email: EmailAddress, _ tier: AudienceTier, within amount: Int) -> Bool {
        let key = PersonItem(email: email, code: item.code)
        guard item.costCents <= amount, item.costCents <= pool, !taken.contains(key),
            itemsInPeriod[email, default: 0] < policy.maxItemsPerPerson
        else { return false }
        if let stock = item.stock, unitsGiven[item.code, default: 0] >= stock { return false }
        if let most = item.maxPerPerson, yearlyCount[key, default: 0] >= most { return false }
        if let lowest = item.minTier, tier < lowest { return false }
        if let limit = policy.yearlyCap(item.category), yearlySpent[email, default: [:]][item.category, default: 0] + item.costCents > limit {
            return false
        }
        return true
    }

    mutating func add(_ item: RewardItem, for email: EmailAddress) { record(item, for: email, units: 1) }
    mutating func remove(_ item: RewardItem, for email: EmailAddress) { record(item, for: email, units: -1) }

    private mutating func record(_ item: RewardItem, for email: EmailAddress, units: Int) {
        let key = PersonItem(email: email, code: item.code)
        if units > 0 { taken.insert(key) } else { taken.remove(key) }
        unitsGiven[item.code, default: 0] += units
        yearlyCount[key, default: 0] += units
        yearlySpent[email, default: [:]][item.category, default: 0] += units * item.costCents
        itemsInPeriod[email, default: 0] += units
        spent[email, default: 0] += units * item.costCents
        pool -= units * item.costCents
    }
}
