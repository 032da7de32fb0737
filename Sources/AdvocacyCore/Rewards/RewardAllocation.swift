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

    public init(
        score: PersonScore, hoursByProject: [ProjectCode: Double] = [:], actionsByKind: [ActionKind: Int] = [:],
        cleared: Bool = false
    ) {
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

/// A reward decided earlier, as the proposals read it back: approved,
/// granted, or rejected, in its period.
public struct PastDecision: Hashable, Sendable {
    public var email: EmailAddress
    public var code: RewardCode
    public var category: RewardCategory
    public var costCents: Int
    public var status: RewardStatus
    public var period: String
    /// The last day of its period, which tells its calendar year.
    public var periodEnd: LocalDate

    public init(
        email: EmailAddress, code: RewardCode, category: RewardCategory, costCents: Int, status: RewardStatus, period: String,
        periodEnd: LocalDate
    ) {
        self.email = email
        self.code = code
        self.category = category
        self.costCents = costCents
        self.status = status
        self.period = period
        self.periodEnd = periodEnd
    }
}

extension PastDecision {
    /// What earlier decisions weigh in proposing `period`: approved and
    /// granted rewards are kept (they count against stock, against yearly
    /// limits when they end in the period's year, and against the budget in
    /// the same period); an item rejected for a person in this very period
    /// is not proposed to them again. Other rejections and open proposals
    /// weigh nothing.
    public static func weigh(_ decisions: [PastDecision], proposing period: Period) -> (
        kept: [KeptReward], rejected: Set<AllocationInput.PersonItem>
    ) {
        var kept: [KeptReward] = []
        var rejected: Set<AllocationInput.PersonItem> = []
        let name = period.description
        for decision in decisions {
            switch decision.status {
            case .approved, .granted:
                kept.append(
                    KeptReward(
                        email: decision.email, code: decision.code, category: decision.category, costCents: decision.costCents,
                        inPeriod: decision.period == name, inYear: decision.periodEnd.year == period.end.year))
            case .rejected where decision.period == name:
                rejected.insert(.init(email: decision.email, code: decision.code))
            case .rejected, .proposed:
                continue
            }
        }
        return (kept, rejected)
    }
}

/// Everything an allocation depends on.
public struct AllocationInput: Sendable {
    public var policy: RewardPolicy
    public var budgetCents: Int
    /// Everyone ranked in the period, in rank order, one per email (the
    /// store's emails are unique); of two with one email, the first has the
    /// kept rewards.
    public var candidates: [RewardCandidate]
    /// The catalogue's current items, one per code (the store's codes are
    /// unique); of two with one code, the first is the one offered.
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
        let catalogue = ArrangedCatalogue(input.catalogue, policy: policy)
        let items = catalogue.items
        var ledger = Ledger(
            policy: policy, budget: budget, candidates: candidates, catalogue: catalogue, kept: input.kept,
            rejected: input.rejected)
        let preferences = eligible.map {
            preferenceList(for: candidates[$0], wishes: input.wishes[candidates[$0].email] ?? [], catalogue: catalogue)
        }
        var chosen: [[(item: Int, reason: ProposalReason, fromLeftover: Bool)]] = Array(repeating: [], count: eligible.count)

        // Everyone's wishes first, in rank order, then items matching their
        // work, then development rewards, each within their entitlement: a
        // scarce item goes to someone who wished for it before anyone else.
        for pass in 0..<3 {
            for (index, person) in eligible.enumerated() {
                let tier = candidates[person].score.tier
                var within = entitled[index] - ledger.spent[person]
                // Most of 50,000 entitlements buy nothing: skip the list then.
                guard within >= catalogue.cheapestCents else { continue }
                for (item, reason) in preferences[index]
                where reason.pass == pass && ledger.fits(item, for: person, tier, within: within) {
                    ledger.add(item, for: person)
                    within -= items[item].costCents
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
            for (index, person) in eligible.enumerated() {
                let tier = candidates[person].score.tier
                let headroom = cap - ledger.spent[person]
                if headroom >= catalogue.cheapestCents && ledger.pool >= catalogue.cheapestCents,
                    let (item, reason) = preferences[index].first(where: {
                        ledger.fits($0.0, for: person, tier, within: headroom)
                    })
                {
                    ledger.add(item, for: person)
                    chosen[index].append((item, reason, true))
                    progress = true
                    continue
                }
                guard
                    let position = chosen[index].indices.filter({ chosen[index][$0].reason == .development })
                        .min(by: { items[chosen[index][$0].item].costCents < items[chosen[index][$1].item].costCents })
                else { continue }
                // Give the cheapest development pick back, then look for a better one in its place.
                let old = chosen[index][position].item
                ledger.remove(old, for: person)
                let better = preferences[index].first { item, reason in
                    reason == .development && items[item].costCents > items[old].costCents
                        && items[item].category <= items[old].category
                        && ledger.fits(item, for: person, tier, within: headroom + items[old].costCents)
                }
                if let (item, reason) = better {
                    chosen[index][position] = (item, reason, true)
                    progress = true
                }
                ledger.add(better?.0 ?? old, for: person)
            }
        }

        let currency = policy.currency
        var proposals: [AllocatedReward] = []
        var shares: [Entitlement] = []
        var proposedCents = 0
        for (index, person) in eligible.enumerated() {
            let candidate = candidates[person]
            let kept = ledger.keptInPeriod[person]
            let proposed = ledger.spent[person] - kept
            proposedCents += proposed
            shares.append(
                Entitlement(email: candidate.email, entitlementCents: entitled[index], keptCents: kept, proposedCents: proposed))
            for (item, reason, fromLeftover) in chosen[index] {
                let rationale = Rationale.sentence(
                    candidate: candidate, ranked: input.candidates.count, entitlementCents: entitled[index], budgetCents: budget,
                    currency: currency, item: items[item], reason: reason, fromLeftover: fromLeftover)
                proposals.append(
                    AllocatedReward(
                        email: candidate.email, item: items[item], reason: reason, fromLeftover: fromLeftover,
                        entitlementCents: entitled[index],
                        rationale: rationale))
            }
        }
        return Allocation(
            budgetCents: budget, keptCents: ledger.keptCents, proposedCents: proposedCents, entitlements: shares,
            proposals: proposals, heldBack: heldBack)
    }

    /// Rank order, with a tie-break that leaves nothing to the input order:
    /// people sharing a rank (unranked scores, a list built by hand) are
    /// served by score, then engagement, then email, as the ranking would.
    static func servedFirst(_ a: RewardCandidate, _ b: RewardCandidate) -> Bool {
        (a.score.rank, -a.score.score, -a.score.engagement, a.email.value) < (
            b.score.rank, -b.score.score, -b.score.engagement, b.email.value
        )
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
    static func preferenceList(for candidate: RewardCandidate, wishes: [RewardCode], catalogue: ArrangedCatalogue) -> Preferences
    {
        let items = catalogue.items
        var personal: [(Int, ProposalReason)] = []
        var listed: Set<Int> = []
        for (rank, code) in wishes.enumerated() {
            if let item = catalogue.position[code], listed.insert(item).inserted { personal.append((item, .wish(rank + 1))) }
        }
        let matches = catalogue.tiedToProjects.compactMap { item -> (item: Int, project: ProjectCode, hours: Double)? in
            let best = items[item].projects.compactMap { code in candidate.hoursByProject[code].map { (code, $0) } }
                .max { ($0.1, $1.0) < ($1.1, $0.0) }
            return best.flatMap { $0.1 > 0 ? (item, $0.0, $0.1) : nil }
        }
        for match in matches.sorted(by: {
            ($0.hours, items[$0.item].costCents, items[$1.item].code) > ($1.hours, items[$1.item].costCents, items[$0.item].code)
        }) where listed.insert(match.item).inserted {
            personal.append((match.item, .work(match.project)))
        }
        return Preferences(personal: personal, general: catalogue.general, listed: listed)
    }

    /// A person's preference list, as positions in the arranged catalogue:
    /// their own picks (wishes, then work), then the catalogue's general
    /// items they did not already list. The general items are one array
    /// shared by everyone, not copied into 50,000 lists; and a position is
    /// handed round where an item, with its strings, was copied each time.
    struct Preferences: Sequence {
        var personal: [(Int, ProposalReason)]
        var general: [Int]
        var listed: Set<Int>

        struct Iterator: IteratorProtocol {
            var personal: IndexingIterator<[(Int, ProposalReason)]>
            var general: IndexingIterator<[Int]>
            let listed: Set<Int>

            mutating func next() -> (Int, ProposalReason)? {
                if let next = personal.next() { return next }
                while let item = general.next() {
                    if listed.isEmpty || !listed.contains(item) { return (item, .development) }
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
        /// The items by code, one per code; the allocation names them by position here.
        var items: [RewardItem] = []
        var position: [RewardCode: Int] = [:]
        /// Items tied to projects, by code, that may go to someone who did not wish for them.
        var tiedToProjects: [Int]
        /// Items tied to no project, that may go to someone who did not wish
        /// for them: by category, dearest first, then by code.
        var general: [Int]
        /// What the cheapest item costs: less than this buys nothing.
        var cheapestCents: Int

        init(_ catalogue: [RewardItem], policy: RewardPolicy) {
            for item in catalogue.sorted(by: { $0.code < $1.code }) where position[item.code] == nil {
                position[item.code] = items.count
                items.append(item)
            }
            let items = items
            let offered = items.indices.filter { policy.offersUnwished(items[$0]) }
            tiedToProjects = offered.filter { !items[$0].projects.isEmpty }
            cheapestCents = catalogue.map(\.costCents).min() ?? .max
            general = offered.filter { items[$0].projects.isEmpty }.sorted {
                (items[$0].category, -items[$0].costCents, items[$0].code) < (
                    items[$1].category, -items[$1].costCents, items[$1].code
                )
            }
        }
    }
}

/// What is committed, by earlier decisions and by the allocation so far:
/// the counts every rule of ``RewardAllocation/allocate(_:)`` checks. One
/// mechanism adds and removes an item, so giving one back (an upgrade)
/// undoes exactly what taking it did.
///
/// People are positions among the candidates and items positions in the
/// arranged catalogue, so most counts are arrays: hashing an email and a
/// code for every check was a third of the allocation.
private struct Ledger {
    let policy: RewardPolicy
    let items: [RewardItem]
    /// What is left of the budget.
    private(set) var pool: Int
    /// Approved or granted in the period, by person.
    let keptInPeriod: [Int]
    /// Approved or granted in the period, everyone's, candidates or not.
    let keptCents: Int
    /// Kept and proposed in the period, by person.
    private(set) var spent: [Int]
    private var itemsInPeriod: [Int]
    /// Units ever given, by item.
    private var unitsGiven: [Int]
    /// This year's units of an item, by ``pair(_:_:)``.
    private var yearlyCount: [Int: Int] = [:]
    /// This year's spending in a category, by person then category.
    private var yearlySpent: [[RewardCategory: Int]]
    /// Items a person may not be proposed (rejected, or already theirs in the period), by ``pair(_:_:)``.
    private var taken: Set<Int> = []

    init(
        policy: RewardPolicy, budget: Int, candidates: [RewardCandidate], catalogue: RewardAllocation.ArrangedCatalogue,
        kept: [KeptReward], rejected: Set<AllocationInput.PersonItem>
    ) {
        self.policy = policy
        items = catalogue.items
        let people = candidates.count
        let person = Dictionary(candidates.indices.map { (candidates[$0].email, $0) }, uniquingKeysWith: { first, _ in first })
        var inPeriod = Array(repeating: 0, count: people)
        var everyone = 0
        itemsInPeriod = Array(repeating: 0, count: people)
        unitsGiven = Array(repeating: 0, count: catalogue.items.count)
        yearlySpent = Array(repeating: [:], count: people)
        for reward in kept {
            let item = catalogue.position[reward.code]
            if let item { unitsGiven[item] += 1 }
            if reward.inPeriod { everyone += reward.costCents }
            // Someone not ranked now, or an item no longer offered: it
            // counts against the budget and the stock, and nothing else
            // here could be checked against it.
            guard let holder = person[reward.email] else { continue }
            if reward.inYear {
                if let item { yearlyCount[Self.pair(holder, item, items: items.count), default: 0] += 1 }
                yearlySpent[holder][reward.category, default: 0] += reward.costCents
            }
            if reward.inPeriod {
                inPeriod[holder] += reward.costCents
                itemsInPeriod[holder] += 1
                if let item { taken.insert(Self.pair(holder, item, items: items.count)) }
            }
        }
        for refused in rejected {
            if let holder = person[refused.email], let item = catalogue.position[refused.code] {
                taken.insert(Self.pair(holder, item, items: items.count))
            }
        }
        keptInPeriod = inPeriod
        keptCents = everyone
        spent = inPeriod
        pool = max(0, budget - everyone)
    }

    /// One number for a person and an item.
    private static func pair(_ person: Int, _ item: Int, items: Int) -> Int { person * items + item }

    /// Whether `item` may go to `person`, of audience `tier`, for at most `amount`, under every rule.
    func fits(_ item: Int, for person: Int, _ tier: AudienceTier, within amount: Int) -> Bool {
        let cost = items[item].costCents
        let key = Self.pair(person, item, items: items.count)
        guard cost <= amount, cost <= pool, itemsInPeriod[person] < policy.maxItemsPerPerson, !taken.contains(key) else {
            return false
        }
        if let stock = items[item].stock, unitsGiven[item] >= stock { return false }
        if let most = items[item].maxPerPerson, yearlyCount[key, default: 0] >= most { return false }
        if let lowest = items[item].minTier, tier < lowest { return false }
        let category = items[item].category
        if let limit = policy.yearlyCap(category), yearlySpent[person][category, default: 0] + cost > limit { return false }
        return true
    }

    mutating func add(_ item: Int, for person: Int) { record(item, for: person, units: 1) }
    mutating func remove(_ item: Int, for person: Int) { record(item, for: person, units: -1) }

    private mutating func record(_ item: Int, for person: Int, units: Int) {
        let key = Self.pair(person, item, items: items.count)
        let cost = units * items[item].costCents
        if units > 0 { taken.insert(key) } else { taken.remove(key) }
        unitsGiven[item] += units
        yearlyCount[key, default: 0] += units
        yearlySpent[person][items[item].category, default: 0] += cost
        itemsInPeriod[person] += units
        spent[person] += cost
        pool -= cost
    }
}
