import Foundation

/// Every number the score depends on. Versioned in the database: a change
/// makes a new version and each ranking records the one it used.
///
/// docs/scoring.md explains each value; ``documentComments`` says the same in
/// the TOML file that `policy show` prints.
public struct ScoringPolicy: Hashable, Sendable {
    /// Lower bounds of the micro, mid, macro and mega tiers, in followers.
    public var tierThresholds: [Int]
    /// What a comment, a share and a click are worth next to a reaction (1).
    public var commentWeight: Double
    public var shareWeight: Double
    public var clickWeight: Double
    /// The expected engagement rate of each tier, in percent.
    public var expectedRates: [AudienceTier: RateBand]
    /// The highest quality an action can reach, as a multiple of its tier's norm.
    public var qualityCap: Double
    /// Hours of work a kind of action is worth when it does not say.
    public var effortHours: [ActionKind: Double]
    /// Alignment factor of an action tagged with no project.
    public var untaggedAlignment: Double
    /// Alignment factor by a project's strategic weight, 1, 2 and 3.
    public var alignmentByWeight: [Double]
    /// Points out of 100 for the work (effort × quality × alignment), for
    /// consistency and for reach; they add up to 100.
    public var workPoints: Double
    public var consistencyPoints: Double
    public var reachPoints: Double
    /// Weekly hours of quality-weighted work that earn half the work points.
    public var halfWorkHoursPerWeek: Double
    /// The audience that earns all the reach points (log scale below it).
    public var reachCeiling: Int
    /// Follower spike: growth above this percentage within the window, on an
    /// audience of at least spikeMinAudience…
    public var spikeGrowthPercent: Double
    public var spikeMinAudience: Int
    public var spikeWindowDays: Int
    /// …or a jump of a round multiple of this many followers (at least one multiple).
    public var spikeRoundStep: Int
    public var spikeMultiplier: Double
    /// Low engagement: below the tier's band on at least this audience.
    public var lowEngagementMinAudience: Int
    public var lowEngagementMultiplier: Double
    /// Same content logged under several addresses: every copy but the best counts this much.
    public var duplicateMultiplier: Double
    /// What work awaiting review counts for.
    public var review: ReviewPolicy = .standard
    /// What raises a flag for gaming.
    public var gaming: GamingPolicy = .standard

    /// A range of engagement rates, in percent.
    public struct RateBand: Hashable, Sendable {
        public var low: Double
        public var high: Double
        public init(low: Double, high: Double) {
            self.low = low
            self.high = high
        }
        /// The norm an action's rate is compared with.
        public var midpoint: Double { (low + high) / 2 }
    }

    public static let standard = ScoringPolicy(
        tierThresholds: AudienceTier.defaultThresholds,
        commentWeight: 2, shareWeight: 3, clickWeight: 0.5,
        expectedRates: [
            .nano: RateBand(low: 4, high: 8), .micro: RateBand(low: 2, high: 3.5), .mid: RateBand(low: 1.5, high: 2.5),
            .macro: RateBand(low: 1, high: 1.8), .mega: RateBand(low: 0.5, high: 1.2),
        ],
        qualityCap: 3,
        effortHours: [
            .talk: 8, .article: 6, .video: 6, .podcast: 4, .newsletter: 3, .post: 1, .comment: 0.25, .share: 0.1,
        ],
        untaggedAlignment: 0.5, alignmentByWeight: [0.75, 1, 1.5],
        workPoints: 60, consistencyPoints: 25, reachPoints: 15,
        halfWorkHoursPerWeek: 4, reachCeiling: 1_000_000,
        spikeGrowthPercent: 30, spikeMinAudience: 1_000, spikeWindowDays: 7, spikeRoundStep: 1_000, spikeMultiplier: 0.7,
        lowEngagementMinAudience: 10_000, lowEngagementMultiplier: 0.5,
        duplicateMultiplier: 0.25)
}

// MARK: - The document form

extension ScoringPolicy {
    /// The policy as a document, in the order `policy show` prints it.
    public var document: PolicyValue {
        func number(_ value: Double) -> PolicyValue { .number(value) }
        func number(_ value: Int) -> PolicyValue { .number(Double(value)) }
        let tiers = zip(["micro", "mid", "macro", "mega"], tierThresholds).map { ($0, number($1)) }
        let rates = AudienceTier.allCases.map { tier in
            let band = expectedRates[tier] ?? RateBand(low: 0, high: 0)
            return (tier.rawValue, PolicyValue.array([number(band.low), number(band.high)]))
        }
        let effort = ActionKind.allCases.map { ($0.rawValue, number(effortHours[$0] ?? 0)) }
        let alignment =
            [("untagged", number(untaggedAlignment))]
            + alignmentByWeight.enumerated().map { ("weight\($0.offset + 1)", number($0.element)) }
        return .table([
            ("tiers", .table(tiers)),
            (
                "engagement",
                .table([
                    ("commentWeight", number(commentWeight)), ("shareWeight", number(shareWeight)),
                    ("clickWeight", number(clickWeight)),
                ])
            ),
            ("quality", .table([("cap", number(qualityCap))] + rates)),
            ("effort", .table(effort)),
            ("alignment", .table(alignment)),
            (
                "points",
                .table([
                    ("work", number(workPoints)), ("consistency", number(consistencyPoints)), ("reach", number(reachPoints)),
                    ("halfWorkHoursPerWeek", number(halfWorkHoursPerWeek)), ("reachCeiling", number(reachCeiling)),
                ])
            ),
            (
                "flags",
                .table([
                    ("spikeGrowthPercent", number(spikeGrowthPercent)), ("spikeMinAudience", number(spikeMinAudience)),
                    ("spikeWindowDays", number(spikeWindowDays)),
                    ("spikeRoundStep", number(spikeRoundStep)), ("spikeMultiplier", number(spikeMultiplier)),
                    ("lowEngagementMinAudience", number(lowEngagementMinAudience)),
                    ("lowEngagementMultiplier", number(lowEngagementMultiplier)),
                    ("duplicateMultiplier", number(duplicateMultiplier)),
                ])
            ),
            ("review", review.document),
            ("gaming", gaming.document),
        ])
    }

    /// What `policy show --format toml` writes above each section and key.
    public static let documentComments: [String: String] = [
        "tiers":
            "Scoring policy for advocacy (see docs/scoring.md). Edit, then: advocacy policy set FILE\n\nLowest follower count of each audience tier (nano is below micro).",
        "engagement":
            "Engagement of an action = reactions + comments × commentWeight + shares × shareWeight + clicks × clickWeight.",
        "quality":
            "Quality = engagement rate ÷ the midpoint of the channel tier's expected band, at most `cap`.\nExpected engagement rate per tier, in percent: [low, high]. Below `low` on a large audience raises a flag.",
        "effort": "Hours of work per kind of action, when the action does not give its own.",
        "alignment": "Factor for an action by the highest strategic weight (1–3) of its projects; `untagged` when it has none.",
        "points":
            "Points out of 100 for work, consistency and reach (they must add up to 100).\nWork earns half its points at halfWorkHoursPerWeek quality-weighted hours a week; reach is log-scaled up to reachCeiling followers.",
        "flags": "Authenticity flags and the multiplier each applies (1 = no effect, 0 = nothing counts).",
        "review": ReviewPolicy.documentComment,
        "gaming": GamingPolicy.documentComment,
    ]

    /// The top-level sections of the scoring part of a policy document.
    static let sections = ["tiers", "engagement", "quality", "effort", "alignment", "points", "flags", "review", "gaming"]

    /// Reads and checks a document of the scoring sections alone. Every key
    /// must be known, present and in range; the first problem found is
    /// thrown, naming its key. ``Policy/init(document:)`` reads a whole policy.
    public init(document: PolicyValue) throws {
        try self.init(reading: try DocumentReader(document, path: "", keys: Self.sections))
    }

    /// Reads the scoring sections of a policy document.
    init(reading reader: DocumentReader) throws {
        var policy = ScoringPolicy.standard

        let tiers = try reader.table("tiers", keys: ["micro", "mid", "macro", "mega"])
        policy.tierThresholds = try ["micro", "mid", "macro", "mega"].map { try tiers.whole($0, in: 1...1_000_000_000) }
        for index in 1..<policy.tierThresholds.count where policy.tierThresholds[index] <= policy.tierThresholds[index - 1] {
            throw CoreError.invalidPolicy(
                key: "tiers",
                problem:
                    "thresholds \(policy.tierThresholds.map(String.init).joined(separator: ", ")) must rise from micro to mega")
        }

        let engagement = try reader.table("engagement", keys: ["commentWeight", "shareWeight", "clickWeight"])
        policy.commentWeight = try engagement.number("commentWeight", in: 0...100)
        policy.shareWeight = try engagement.number("shareWeight", in: 0...100)
        policy.clickWeight = try engagement.number("clickWeight", in: 0...100)

        let quality = try reader.table("quality", keys: ["cap"] + AudienceTier.allCases.map(\.rawValue))
        policy.qualityCap = try quality.number("cap", in: 1...100)
        for tier in AudienceTier.allCases {
            policy.expectedRates[tier] = try quality.band(tier.rawValue)
        }

        let effort = try reader.table("effort", keys: ActionKind.allCases.map(\.rawValue))
        for kind in ActionKind.allCases {
            policy.effortHours[kind] = try effort.number(kind.rawValue, in: 0...200)
        }

        let alignment = try reader.table("alignment", keys: ["untagged", "weight1", "weight2", "weight3"])
        policy.untaggedAlignment = try alignment.number("untagged", in: 0...10)
        policy.alignmentByWeight = try (1...3).map { try alignment.number("weight\($0)", in: 0...10) }

        let points = try reader.table(
            "points", keys: ["work", "consistency", "reach", "halfWorkHoursPerWeek", "reachCeiling"])
        policy.workPoints = try points.number("work", in: 0...100)
        policy.consistencyPoints = try points.number("consistency", in: 0...100)
        policy.reachPoints = try points.number("reach", in: 0...100)
        policy.halfWorkHoursPerWeek = try points.number("halfWorkHoursPerWeek", in: 0.01...1_000)
        policy.reachCeiling = try points.whole("reachCeiling", in: 10...1_000_000_000_000)
        let total = policy.workPoints + policy.consistencyPoints + policy.reachPoints
        guard abs(total - 100) < 1e-9 else {
            throw CoreError.invalidPolicy(
                key: "points", problem: "work, consistency and reach add up to \(NumberText.plain(total)): expected 100")
        }

        let flags = try reader.table(
            "flags",
            keys: [
                "spikeGrowthPercent", "spikeMinAudience", "spikeWindowDays", "spikeRoundStep", "spikeMultiplier",
                "lowEngagementMinAudience",
                "lowEngagementMultiplier", "duplicateMultiplier",
            ])
        policy.spikeGrowthPercent = try flags.number("spikeGrowthPercent", in: 1...100_000)
        policy.spikeMinAudience = try flags.whole("spikeMinAudience", in: 0...1_000_000_000_000)
        policy.spikeWindowDays = try flags.whole("spikeWindowDays", in: 1...366)
        policy.spikeRoundStep = try flags.whole("spikeRoundStep", in: 1...1_000_000_000)
        policy.spikeMultiplier = try flags.number("spikeMultiplier", in: 0...1)
        policy.lowEngagementMinAudience = try flags.whole("lowEngagementMinAudience", in: 0...1_000_000_000_000)
        policy.lowEngagementMultiplier = try flags.number("lowEngagementMultiplier", in: 0...1)
        policy.duplicateMultiplier = try flags.number("duplicateMultiplier", in: 0...1)
        policy.review = try ReviewPolicy(reading: reader, qualityCap: policy.qualityCap)
        policy.gaming = try GamingPolicy(reading: reader)
        self = policy
    }
}
