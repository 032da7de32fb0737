/// The numbers behind reward proposals; part of the versioned policy.
/// docs/rewards.md explains each one.
public struct RewardPolicy: Hashable, Sendable {
    /// ISO 4217 code of every amount (costs, budgets, caps).
    public var currency: String
    /// Entitlement grows as score^alpha: 1 is proportional to merit, 0 is
    /// equal shares; 0.5 lets merit count while the budget still reaches
    /// the many micro-influencers rather than a few stars.
    public var alpha: Double
    /// No one is entitled to more than this share of a period's budget.
    public var maxSharePercent: Double
    /// At most this many rewards per person and period: one or two chosen
    /// with care, rather than an entitlement spent on trinkets.
    public var maxItemsPerPerson: Int
    /// Only scores above this earn rewards.
    public var minimumScore: Double
    /// People whose flags took more than this share of their score are held
    /// back until a cio clears them for the period.
    public var maxFlagPenaltyPercent: Double
    /// The French monthly social-security ceiling (PMSS), in cents.
    public var monthlySocialSecurityCeilingCents: Int
    /// Gift vouchers stay free of social contributions up to this percentage
    /// of the monthly ceiling per person and year; beyond it they are taxed.
    public var voucherCapPercent: Double
    /// Yearly cap per person by category, in cents; 0 means none.
    public var yearlyCapCents: [RewardCategory: Int]
    /// Who may be proposed an item that costs nothing or has no stock
    /// limit. Such an item fits every entitlement or never runs out, so
    /// offered to all it would go to everyone, wanted or not.
    public var freeOrUnlimitedItems: Offer = .wishers

    /// Who an item is offered to.
    public enum Offer: String, Hashable, Sendable, CaseIterable {
        /// Only the people who wished for it.
        case wishers
        /// Anyone it fits, like any other item.
        case anyone
    }

    public static let standard = RewardPolicy(
        currency: "EUR", alpha: 0.5, maxSharePercent: 20, maxItemsPerPerson: 2, minimumScore: 10, maxFlagPenaltyPercent: 25,
        monthlySocialSecurityCeilingCents: 400_500, voucherCapPercent: 5,
        yearlyCapCents: Dictionary(uniqueKeysWithValues: RewardCategory.allCases.map { ($0, 0) }), freeOrUnlimitedItems: .wishers)

    /// Whether `item` may be proposed to someone who did not wish for it.
    public func offersUnwished(_ item: RewardItem) -> Bool {
        freeOrUnlimitedItems == .anyone || (item.costCents > 0 && item.stock != nil)
    }

    /// The most one person may receive in `category` in a calendar year, in
    /// cents; nil when unlimited. Vouchers are capped by the law's
    /// threshold as well as by any cap the policy sets.
    public func yearlyCap(_ category: RewardCategory) -> Int? {
        var caps: [Int] = []
        if let cap = yearlyCapCents[category], cap > 0 { caps.append(cap) }
        if category == .voucher, voucherCapPercent > 0 {
            caps.append(Int((Double(monthlySocialSecurityCeilingCents) * voucherCapPercent / 100).rounded(.down)))
        }
        return caps.min()
    }

    /// The per-person ceiling of a budget, in cents.
    public func maxShareCents(of budgetCents: Int) -> Int {
        Int((Double(budgetCents) * maxSharePercent / 100).rounded(.down))
    }
}

// MARK: - The document form

extension RewardPolicy {
    static let sections = ["rewards", "rewardCaps"]

    var documentSections: [(key: String, value: PolicyValue)] {
        [
            (
                "rewards",
                .table([
                    ("currency", .string(currency)), ("alpha", .number(alpha)), ("maxSharePercent", .number(maxSharePercent)),
                    ("maxItemsPerPerson", .number(Double(maxItemsPerPerson))), ("minimumScore", .number(minimumScore)),
                    ("maxFlagPenaltyPercent", .number(maxFlagPenaltyPercent)),
                    ("monthlySocialSecurityCeilingCents", .number(Double(monthlySocialSecurityCeilingCents))),
                    ("voucherCapPercent", .number(voucherCapPercent)),
                    ("freeOrUnlimitedItems", .string(freeOrUnlimitedItems.rawValue)),
                ])
            ),
            ("rewardCaps", .table(RewardCategory.allCases.map { ($0.rawValue, .number(Double(yearlyCapCents[$0] ?? 0))) })),
        ]
    }

    static let documentComments: [String: String] = [
        "rewards": """
        Reward proposals (see docs/rewards.md). Entitlement = budget × score^alpha ÷ Σ score^alpha, \
        at most maxSharePercent of the budget,
        buying at most maxItemsPerPerson rewards per person and period.
        Only scores above minimumScore earn rewards; flags costing more than maxFlagPenaltyPercent of a \
        score hold the person back until a cio clears them.
        Vouchers: at most voucherCapPercent of the monthly social-security ceiling (PMSS, in cents) per \
        person and year, beyond which they are taxed.
        An item that costs nothing or has no stock limit goes to people who wished for it only \
        (freeOrUnlimitedItems = "wishers"), or to anyone it fits ("anyone").
        """,
        "rewardCaps": "Yearly cap per person and category, in cents (0 = no cap).",
    ]

    init(reading reader: DocumentReader) throws {
        var policy = RewardPolicy.standard
        let rewards = try reader.table(
            "rewards",
            keys: [
                "currency", "alpha", "maxSharePercent", "maxItemsPerPerson", "minimumScore", "maxFlagPenaltyPercent",
                "monthlySocialSecurityCeilingCents", "voucherCapPercent", "freeOrUnlimitedItems",
            ])
        policy.currency = try rewards.text("currency", expected: "a three-letter currency code like \"EUR\"") { text in
            text.utf8.count == 3 && text.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        }
        policy.alpha = try rewards.number("alpha", in: 0...3)
        policy.maxSharePercent = try rewards.number("maxSharePercent", in: 1...100)
        policy.maxItemsPerPerson = try rewards.whole("maxItemsPerPerson", in: 1...100)
        policy.minimumScore = try rewards.number("minimumScore", in: 0...99)
        policy.maxFlagPenaltyPercent = try rewards.number("maxFlagPenaltyPercent", in: 0...100)
        policy.monthlySocialSecurityCeilingCents = try rewards.whole(
            "monthlySocialSecurityCeilingCents", in: 0...Money.maximumCents)
        policy.voucherCapPercent = try rewards.number("voucherCapPercent", in: 0...100)
        // Added after the first versions were stored: absent from those, it means the default.
        if rewards.contains("freeOrUnlimitedItems") {
            let offer = try rewards.text("freeOrUnlimitedItems", expected: "\"wishers\" or \"anyone\"") {
                Offer(rawValue: $0) != nil
            }
            policy.freeOrUnlimitedItems = Offer(rawValue: offer) ?? .wishers
        }

        let caps = try reader.table("rewardCaps", keys: RewardCategory.allCases.map(\.rawValue))
        for category in RewardCategory.allCases {
            policy.yearlyCapCents[category] = try caps.whole(category.rawValue, in: 0...Money.maximumCents)
        }
        self = policy
    }
}

/// The whole versioned policy: how scores are computed and how rewards are
/// proposed. Every ranking and proposal records the version it used.
public struct Policy: Hashable, Sendable {
    public var scoring: ScoringPolicy
    public var rewards: RewardPolicy

    public init(scoring: ScoringPolicy = .standard, rewards: RewardPolicy = .standard) {
        self.scoring = scoring
        self.rewards = rewards
    }

    public static let standard = Policy()

    /// The policy as a document, in the order `policy show` prints it.
    public var document: PolicyValue {
        guard case .table(let scoringSections) = scoring.document else { return scoring.document }
        return .table(scoringSections + rewards.documentSections)
    }

    /// What `policy show --format toml` writes above each section.
    public static let documentComments = ScoringPolicy.documentComments.merging(RewardPolicy.documentComments) { first, _ in first
    }

    /// Reads and checks a whole policy document; the first problem found is
    /// thrown, naming its key.
    public init(document: PolicyValue) throws {
        let reader = try DocumentReader(document, path: "", keys: ScoringPolicy.sections + RewardPolicy.sections)
        self.init(scoring: try ScoringPolicy(reading: reader), rewards: try RewardPolicy(reading: reader))
    }
}
