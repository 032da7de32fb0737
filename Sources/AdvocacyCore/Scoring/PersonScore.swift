import Foundation

/// Who is being scored.
public struct ScoredPerson: Hashable, Sendable {
    public var email: EmailAddress
    public var name: String
    public var team: String?
    public var isActive: Bool

    public init(email: EmailAddress, name: String, team: String?, isActive: Bool = true) {
        self.email = email
        self.name = name
        self.team = team
        self.isActive = isActive
    }
}

/// Something that makes an audience or an activity look less than genuine.
/// A flag always says why and what it costs: nothing lowers a score silently.
public struct AuthenticityFlag: Hashable, Sendable, Encodable {
    public enum Kind: String, Hashable, Sendable, Encodable, CaseIterable {
        case followerSpike = "follower-spike"
        case lowEngagement = "low-engagement"
        case duplicateContent = "duplicate-content"
    }

    public var kind: Kind
    public var reason: String
    /// What the flag multiplies: the whole score for a spike, the flagged
    /// actions' points otherwise.
    public var multiplier: Double
}

/// The parts of a score, in points; they add up to the score.
public struct ScoreComponents: Hashable, Sendable, Encodable {
    /// Work points earned by hours of work alone.
    public var effort: Double
    /// What engagement against the tier's norm adds to (or takes from) them.
    public var quality: Double
    /// What the projects' strategic weights add or take.
    public var alignment: Double
    /// What the authenticity flags take.
    public var authenticity: Double
    /// Points for being active week after week.
    public var consistency: Double
    /// Points for audience size, on a log scale.
    public var reach: Double

    public static let names = ["effort", "quality", "alignment", "authenticity", "consistency", "reach"]

    public var values: [Double] { [effort, quality, alignment, authenticity, consistency, reach] }

    init(_ values: [Double]) {
        (effort, quality, alignment, authenticity, consistency, reach) =
            (values[0], values[1], values[2], values[3], values[4], values[5])
    }

    public var total: Double { values.reduce(0, +) }

    /// Rounded to tenths so that the rounded parts still add up exactly to
    /// the rounded total (largest remainders get the missing tenths).
    func roundedToTenths() -> (components: ScoreComponents, total: Double) {
        let tenths = values.map { $0 * 10 }
        let target = Int((tenths.reduce(0, +)).rounded())
        var rounded = tenths.map { Int($0.rounded(.down)) }
        let missing = target - rounded.reduce(0, +)
        let order = tenths.indices.sorted { (tenths[$0] - Double(rounded[$0]), -$0) > (tenths[$1] - Double(rounded[$1]), -$1) }
        for index in order.prefix(max(0, missing)) { rounded[index] += 1 }
        return (ScoreComponents(rounded.map { Double($0) / 10 }), Double(target) / 10)
    }
}

/// A person's score over a period, with everything needed to rank and explain it.
public struct PersonScore: Hashable, Sendable {
    public var person: ScoredPerson
    /// Position in the ranking it belongs to (1 is first); 0 until ranked.
    public var rank = 0
    /// Tier by the largest channel audience at the end of the period.
    public var tier: AudienceTier
    public var audience: Int?
    /// Score out of 100, in tenths; the components add up to it.
    public var score: Double
    public var components: ScoreComponents
    public var flags: [AuthenticityFlag]
    public var actions: Int
    /// Total engagement of the period's actions, in tenths.
    public var engagement: Double
    /// The largest t such that t actions have at least t engagement each.
    public var tFactor: Int
    public var weeksActive: Int
    public var weeks: Int
    /// Sums over the actions: hours, quality-weighted hours, aligned hours,
    /// and counted points (after flags on actions).
    public var hours: Double
    public var qualityHours: Double
    public var alignedHours: Double
    public var countedPoints: Double
    /// The hours that earn half the work points in this period.
    public var halfWorkHours: Double
    /// The share of the reach points earned (0–1).
    public var reachShare: Double
    /// The multiplier of the follower-spike flag, 1 when none.
    public var spikeMultiplier: Double
    /// The score before rounding, so components can be checked to the last decimal.
    public var exactComponents: ScoreComponents
}

/// Scores one person from their actions, one action at a time. Only one
/// person's actions are held at once, so ranking a whole department streams.
public struct PersonScoreBuilder: Sendable {
    public let policy: ScoringPolicy
    public let window: ClosedRange<LocalDate>
    private var scores: [ActionScore] = []

    public init(policy: ScoringPolicy, window: ClosedRange<LocalDate>) {
        self.policy = policy
        self.window = window
    }

    public var isEmpty: Bool { scores.isEmpty }

    public mutating func add(_ facts: ActionFacts) {
        scores.append(ActionScore(facts, policy: policy))
    }

    /// Weeks (Monday to Sunday) that overlap the window.
    public static func weeks(in window: ClosedRange<LocalDate>) -> Int {
        week(of: window.upperBound) - week(of: window.lowerBound) + 1
    }

    /// Monday-based week number (1970-01-01 was a Thursday).
    static func week(of day: LocalDate) -> Int {
        let shifted = day.daysSinceEpoch + 3
        return shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
    }

    /// The score, and each action's part in it in a stable order (by day).
    /// `audience` is the person's largest channel audience at the end of the
    /// window; `spikes` their channels' unexplained follower jumps in it.
    public func finish(
        person: ScoredPerson, audience: Int?, spikes: [FollowerSpike] = []
    ) -> (score: PersonScore, actions: [ActionScore]) {
        // A canonical order makes every sum, and so the result, independent
        // of the order the actions came in.
        var actions = scores.sorted(by: Self.canonicalOrder)
        var flags: [AuthenticityFlag] = []

        // Same content under several addresses: the best copy counts, the others less.
        let copies = Dictionary(grouping: actions.indices.filter { actions[$0].facts.contentFingerprint != 0 }) {
            actions[$0].facts.contentFingerprint
        }
        var duplicated = 0
        for indices in copies.values where indices.count > 1 {
            let best = indices.max { (actions[$0].points, -$0) < (actions[$1].points, -$1) }!
            for index in indices where index != best {
                actions[index].duplicateMultiplier = policy.duplicateMultiplier
                duplicated += 1
            }
        }
        if duplicated > 0 {
            flags.append(AuthenticityFlag(
                kind: .duplicateContent,
                reason: "\(Self.count(duplicated, "action")) repeat\(duplicated == 1 ? "s" : "") content already logged under another address; each extra copy counts ×\(Self.plain(policy.duplicateMultiplier))",
                multiplier: policy.duplicateMultiplier))
        }

        let lowActions = actions.filter(\.isLowEngagement)
        if let first = lowActions.first {
            let tiers = Set(lowActions.map(\.tier)).sorted().map { tier in
                let band = policy.expectedRates[tier]!
                return "\(tier.rawValue) \(Self.plain(band.low))–\(Self.plain(band.high))%"
            }
            flags.append(AuthenticityFlag(
                kind: .lowEngagement,
                reason: "\(Self.count(lowActions.count, "action")) drew engagement below the tier's norm (\(tiers.joined(separator: ", "))) on audiences of \(Self.grouped(policy.lowEngagementMinAudience)) or more, as bought or inactive followers do; \(lowActions.count == 1 ? "it counts" : "they count") ×\(Self.plain(first.lowEngagementMultiplier))",
                multiplier: policy.lowEngagementMultiplier))
        }

        var hours = 0.0, qualityHours = 0.0, alignedHours = 0.0, counted = 0.0, engagement = 0.0
        var weeksActive = Set<Int>()
        for action in actions {
            hours += action.effortPoints
            qualityHours += action.qualityPoints
            alignedHours += action.alignedPoints
            counted += action.points
            engagement += action.engagement
            weeksActive.insert(Self.week(of: action.facts.day))
        }

        let weeks = Self.weeks(in: window)
        let half = policy.halfWorkHoursPerWeek * Double(weeks)
        func work(_ hours: Double) -> Double { policy.workPoints * hours / (hours + half) }
        let reachShare = audience.map { min(1, log10(1 + Double($0)) / log10(1 + Double(policy.reachCeiling))) } ?? 0
        var parts = [
            work(hours), work(qualityHours) - work(hours), work(alignedHours) - work(qualityHours),
            work(counted) - work(alignedHours), policy.consistencyPoints * Double(weeksActive.count) / Double(weeks),
            policy.reachPoints * reachShare,
        ]
        var spikeMultiplier = 1.0
        if !spikes.isEmpty {
            spikeMultiplier = policy.spikeMultiplier
            parts[3] += parts.reduce(0, +) * (spikeMultiplier - 1)
            let described = spikes.sorted { $0.channel.string < $1.channel.string }.map { spike in
                let growth = spike.growthPercent.map { String(format: " (+%.0f%%)", $0) } ?? ""
                return "\(spike.channel) gained \(Self.grouped(spike.gained)) followers\(growth) between \(spike.before.day) and \(spike.after.day)"
            }
            flags.insert(AuthenticityFlag(
                kind: .followerSpike,
                reason: described.joined(separator: "; ") + " with no action in between; the score counts ×\(Self.plain(spikeMultiplier))",
                multiplier: spikeMultiplier), at: 0)
        }
        let exact = ScoreComponents(parts)
        let (components, total) = exact.roundedToTenths()
        let tier = policy.tier(followers: audience ?? 0)
        let score = PersonScore(
            person: person, tier: tier, audience: audience, score: total, components: components, flags: flags,
            actions: actions.count, engagement: (engagement * 10).rounded() / 10,
            tFactor: Self.tFactor(actions.map(\.engagement)), weeksActive: weeksActive.count, weeks: weeks,
            hours: hours, qualityHours: qualityHours, alignedHours: alignedHours, countedPoints: counted,
            halfWorkHours: half, reachShare: reachShare, spikeMultiplier: spikeMultiplier, exactComponents: exact)
        return (score, actions)
    }

    /// The largest t such that t actions have at least t engagement each.
    public static func tFactor(_ engagements: [Double]) -> Int {
        var t = 0
        for (index, value) in engagements.sorted(by: >).enumerated() where value >= Double(index + 1) { t = index + 1 }
        return t
    }

    static func canonicalOrder(_ a: ActionScore, _ b: ActionScore) -> Bool {
        let x = a.facts, y = b.facts
        if x.day != y.day { return x.day < y.day }
        if a.points != b.points { return a.points < b.points }
        if a.engagement != b.engagement { return a.engagement < b.engagement }
        if a.effort != b.effort { return a.effort < b.effort }
        if a.qualityPoints != b.qualityPoints { return a.qualityPoints < b.qualityPoints }
        if a.alignedPoints != b.alignedPoints { return a.alignedPoints < b.alignedPoints }
        if x.kind != y.kind { return x.kind.rawValue < y.kind.rawValue }
        if x.contentFingerprint != y.contentFingerprint { return x.contentFingerprint < y.contentFingerprint }
        return x.id < y.id
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// 0.25 as "0.25", 2.0 as "2".
    static func plain(_ value: Double) -> String { PolicyValue.format(value) }

    /// 10000 as "10,000".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }
}
