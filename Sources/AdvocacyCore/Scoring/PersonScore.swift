import Foundation

/// Who is being scored.
public struct ScoredPerson: Hashable, Sendable {
    public var email: EmailAddress
    public var name: String
    public var team: String?
    public var isActive: Bool
    /// The person chose to be hidden from others' rankings and this viewer
    /// may not see who they are: `name` and `email` are placeholders (see ``HiddenPeople``).
    public var isMasked = false
    /// More than masked: the viewer is a colleague on staff, who sees of a
    /// hidden person nothing but their place (the rank), not their team,
    /// tier, counts or figures, which together could single them out.
    public var isPlaceholder = false

    public init(email: EmailAddress, name: String, team: String?, isActive: Bool = true) {
        self.email = email
        self.name = name
        self.team = team
        self.isActive = isActive
    }
}

/// Something that makes an audience or an activity look less than genuine.
/// A flag always says why and what it costs: nothing lowers a score silently.
///
/// The flags for gaming (``Kind/isGaming``) cost nothing: they are
/// information for the cio, who clears them or confirms them (which rejects
/// their actions) with `advocacy review clear|confirm`.
public struct AuthenticityFlag: Hashable, Sendable, Encodable {
    public enum Kind: String, Hashable, Sendable, Encodable, CaseIterable {
        case followerSpike = "follower-spike"
        case lowEngagement = "low-engagement"
        case duplicateContent = "duplicate-content"
        case highEngagement = "high-engagement"
        case busyDay = "busy-day"
        case linksWithoutFigures = "links-without-figures"
        case riseOnPending = "rise-on-pending"
        case nearDuplicate = "near-duplicate"

        /// A flag for gaming: it changes no score until the cio confirms it.
        public var isGaming: Bool {
            switch self {
            case .followerSpike, .lowEngagement, .duplicateContent: false
            case .highEngagement, .busyDay, .linksWithoutFigures, .riseOnPending, .nearDuplicate: true
            }
        }

        /// The kinds a cio clears or confirms, as `--flag` names them.
        public static let gaming = allCases.filter(\.isGaming)
    }

    public var kind: Kind
    public var reason: String
    /// What the flag multiplies: the whole score for a spike, the flagged
    /// actions' points otherwise; 1 for a flag for gaming.
    public var multiplier: Double
    /// The actions it concerns (none for a follower spike, which concerns the score).
    public var actions = 0
    /// The follower jumps, for a follower spike; what `reason` says in words,
    /// kept as values so a report can say it in another language.
    public var spikes: [FollowerSpike] = []
    /// For a flag for gaming, the actions the cio has not cleared yet, which
    /// clearing or confirming it settles.
    public var actionIDs: [Int64] = []

    /// What every flag for gaming's reason ends with.
    public static let noEffectUntilConfirmed = "; no effect on the score unless the cio confirms it"

    /// A flag for gaming's reason ends with ``noEffectUntilConfirmed``.
    public init(kind: Kind, reason: String, multiplier: Double = 1, actions: Int = 0, actionIDs: [Int64] = []) {
        self.kind = kind
        self.reason = kind.isGaming ? reason + Self.noEffectUntilConfirmed : reason
        self.multiplier = multiplier
        self.actions = actions
        self.actionIDs = actionIDs
    }

    init(kind: Kind, reason: String, multiplier: Double, spikes: [FollowerSpike]) {
        self.init(kind: kind, reason: reason, multiplier: multiplier)
        self.spikes = spikes
    }

    enum CodingKeys: String, CodingKey {
        case kind, reason, multiplier
    }
}

/// The flags for gaming the cio cleared, action by action: a cleared action
/// raises that flag no more, and a flag shows while any of its actions is not cleared.
public struct FlagClearances: Hashable, Sendable {
    var cleared: Set<Key> = []

    struct Key: Hashable, Sendable {
        var kind: AuthenticityFlag.Kind
        var actionID: Int64
    }

    public init() {}

    public mutating func clear(_ kind: AuthenticityFlag.Kind, action id: Int64) {
        cleared.insert(Key(kind: kind, actionID: id))
    }

    public func isCleared(_ kind: AuthenticityFlag.Kind, action id: Int64) -> Bool {
        !cleared.isEmpty && cleared.contains(Key(kind: kind, actionID: id))
    }

    public var isEmpty: Bool { cleared.isEmpty }
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
    /// Actions awaiting review, counted in ``actions`` (rejected ones are not).
    public var pendingActions = 0
    /// What the work awaiting review adds to the score, in points (exact).
    public var pendingPoints = 0.0
    /// Counted actions that share a day and a channel, and may be one post
    /// under several addresses (``SameDayCopies``).
    public var sameDayAndChannel = SameDayCopies()
}

/// An action that shares its day and channel with another.
public struct SameDayAction: Hashable, Sendable {
    public var id: Int64
    public var day: LocalDate
    /// Accepted with a content fingerprint: compared for duplicate content
    /// already, which costs a copy its points.
    public var isCompared: Bool
}

/// What a person's actions on one channel the same day say of near
/// duplicates: copies found by their titles' fingerprints, and groups whose
/// titles are too short to fingerprint, which only their titles can settle
/// (``GamingFlags/nearDuplicates(_:titles:cleared:)``).
public struct SameDayCopies: Hashable, Sendable {
    /// Every copy but the first logged of a fingerprinted title, unless all of
    /// them were compared for duplicate content already.
    public var copies: [SameDayAction] = []
    /// Actions without a fingerprint that share a day and a channel.
    public var unfingerprinted: [[SameDayAction]] = []

    public init() {}

    public var isEmpty: Bool { copies.isEmpty && unfingerprinted.isEmpty }
    /// The actions whose titles settle or describe the flag.
    public var titled: [Int64] { copies.map(\.id) + unfingerprinted.joined().map(\.id) }
}

/// Scores one person from their actions, one action at a time, keeping only
/// running totals: ranking a whole department streams through it.
///
/// Totals are kept in millionths as integers, so they are exact whatever
/// order the actions come in: the same actions always give the same score.
public struct PersonScoreBuilder: Sendable {
    public let policy: ScoringPolicy
    public let window: ClosedRange<LocalDate>
    let tables: ScoringTables
    let keepsActions: Bool
    private var kept: [ActionScore] = []

    private var count = 0
    private var hours: Int64 = 0
    private var qualityHours: Int64 = 0
    private var alignedHours: Int64 = 0
    /// Points after the low-engagement flag (duplicates are settled at the end).
    private var flaggedHours: Int64 = 0
    private var engagement: Int64 = 0
    private var engagements: [Double] = []
    private var activeWeeks: [Bool]
    private let firstWeek: Int
    private var lowEngagement = 0
    private var lowTiers = Set<AudienceTier>()
    /// Actions with a content fingerprint: (fingerprint, points in millionths, index in `kept`).
    private var fingerprinted: [(fingerprint: Int64, points: Int64, index: Int)] = []
    /// Pending work, apart: it counts up to the policy's weekly cap, scaled as a whole.
    private var pendingCount = 0
    private var pendingHours: Int64 = 0
    private var pendingQualityHours: Int64 = 0
    private var pendingAlignedHours: Int64 = 0
    private var pendingFlaggedHours: Int64 = 0
    /// What the flags for gaming need: the flags the cio cleared, and the
    /// counted actions' days, those far above their tier's norm, and the
    /// pending ones (with or without figures).
    let cleared: FlagClearances
    typealias DayEntry = (channel: Int64, fingerprint: Int64, action: SameDayAction)
    private var days: [DayEntry] = []
    private var farAboveNorm: [(id: Int64, times: Double, rate: Double, audience: ActionScore.Audience, tier: AudienceTier)] = []
    private var withoutFigures: [(day: Int, id: Int64)] = []

    static let unit = 1_000_000.0
    static func units(_ value: Double) -> Int64 { Int64((value * unit).rounded()) }
    static func value(_ units: Int64) -> Double { Double(units) / unit }

    /// `keepsActions`: also return each action's score (for `explain`).
    /// `cleared`: the flags for gaming the cio cleared, which are not raised again.
    public init(
        policy: ScoringPolicy, window: ClosedRange<LocalDate>, keepsActions: Bool = false,
        cleared: FlagClearances = FlagClearances()
    ) {
        self.init(policy: policy, window: window, tables: ScoringTables(policy), keepsActions: keepsActions, cleared: cleared)
    }

    /// Every running total takes its initial value.
    private init(
        policy: ScoringPolicy, window: ClosedRange<LocalDate>, tables: ScoringTables, keepsActions: Bool,
        cleared: FlagClearances
    ) {
        self.policy = policy
        self.cleared = cleared
        self.window = window
        self.tables = tables
        self.keepsActions = keepsActions
        activeWeeks = Array(repeating: false, count: Self.weeks(in: window))
        firstWeek = Self.week(of: window.lowerBound)
    }

    /// An empty builder for the next person, with the same policy and
    /// window: it reuses the tables made from the policy, which making again
    /// for each of 50,000 people cost a twentieth of a ranking.
    public func next() -> PersonScoreBuilder {
        PersonScoreBuilder(policy: policy, window: window, tables: tables, keepsActions: keepsActions, cleared: cleared)
    }

    /// Empties the builder for the next person, as ``next()`` does, keeping
    /// the room its lists grew to: at 50,000 people, growing them again for
    /// each person cost a tenth of a ranking.
    public mutating func reset() {
        var fresh = next()
        // Moved out first, so that each list is emptied in place rather than copied.
        (fresh.engagements, engagements) = (engagements, [])
        (fresh.days, days) = (days, [])
        fresh.engagements.removeAll(keepingCapacity: true)
        fresh.days.removeAll(keepingCapacity: true)
        self = fresh
    }

    public var isEmpty: Bool { count == 0 }

    /// Adds an action of the window (actions outside it are ignored).
    public mutating func add(_ facts: ActionFacts) {
        guard window.contains(facts.day) else { return }
        let action = ActionScore(facts, tables: tables)
        if facts.review != .rejected { noteForGamingFlags(action) }
        switch facts.review {
        case .accepted: break
        case .pending:
            // Unchecked work adds hours (up to a cap, in `finish`) but no
            // active week, no engagement and no copy to compare.
            count += 1
            pendingCount += 1
            pendingHours += Self.units(action.effortPoints)
            pendingQualityHours += Self.units(action.qualityPoints)
            pendingAlignedHours += Self.units(action.alignedPoints)
            pendingFlaggedHours += Self.units(action.points)
            if facts.metrics == nil { withoutFigures.append((facts.day.daysSinceEpoch, facts.id)) }
            if keepsActions { kept.append(action) }
            return
        case .unconfirmed:
            // Awaiting review like the rest, but counting for nothing until then: its address names no account.
            count += 1
            pendingCount += 1
            if keepsActions { kept.append(action) }
            return
        case .rejected:
            if keepsActions { kept.append(action) }
            return
        }
        count += 1
        hours += Self.units(action.effortPoints)
        qualityHours += Self.units(action.qualityPoints)
        alignedHours += Self.units(action.alignedPoints)
        let points = Self.units(action.points)
        flaggedHours += points
        engagement += Self.units(action.engagement)
        engagements.append(action.engagement)
        activeWeeks[Self.week(of: facts.day) - firstWeek] = true
        if action.isLowEngagement {
            lowEngagement += 1
            lowTiers.insert(action.tier)
        }
        if facts.contentFingerprint != 0 {
            fingerprinted.append((facts.contentFingerprint, points, kept.count))
        }
        if keepsActions { kept.append(action) }
    }

    /// Keeps what the flags for gaming look at from an action that counts.
    private mutating func noteForGamingFlags(_ action: ActionScore) {
        let facts = action.facts
        days.append(
            (
                facts.channelID, facts.contentFingerprint,
                SameDayAction(
                    id: facts.id, day: facts.day, isCompared: facts.review == .accepted && facts.contentFingerprint != 0)
            ))
        // Measured before any cap: the figures as the person gave them.
        if let rate = action.rate, action.facts.metrics != nil {
            let times = rate * 100 / action.expectedRate.midpoint
            if times >= policy.gaming.highRateTimesNorm {
                farAboveNorm.append((action.facts.id, times, rate, action.audience, action.tier))
            }
        }
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

    /// The score, and (when kept) each action's part in it, by day.
    /// `audience` is the person's largest channel audience at the end of the
    /// window; `spikes` their channels' unexplained follower jumps in it.
    public func finish(
        person: ScoredPerson, audience: Int?, spikes: [FollowerSpike] = []
    ) -> (score: PersonScore, actions: [ActionScore]) {
        var actions = kept
        var flags: [AuthenticityFlag] = []

        // Same content under several addresses: the copy with the most points
        // counts in full, every other copy at the duplicate multiplier.
        var counted = flaggedHours
        var duplicated = 0
        // Most people never repeat themselves: look for a repeated fingerprint
        // first (a sort of bare integers), and group only when there is one.
        let fingerprints = fingerprinted.map(\.fingerprint).sorted()
        let repeats = zip(fingerprints, fingerprints.dropFirst()).contains { $0 == $1 }
        let byContent =
            !repeats
            ? [] : fingerprinted.sorted { ($0.fingerprint, $0.points, -$0.index) < ($1.fingerprint, $1.points, -$1.index) }
        var start = 0
        while start < byContent.count {
            var end = start + 1
            while end < byContent.count && byContent[end].fingerprint == byContent[start].fingerprint { end += 1 }
            // The last of the group has the most points (the earliest on a tie).
            for copy in byContent[start..<(end - 1)] {
                counted -= copy.points - Self.units(Self.value(copy.points) * policy.duplicateMultiplier)
                duplicated += 1
                if keepsActions { actions[copy.index].duplicateMultiplier = policy.duplicateMultiplier }
            }
            start = end
        }
        if duplicated > 0 {
            flags.append(
                AuthenticityFlag(
                    kind: .duplicateContent,
                    reason:
                        "\(Self.count(duplicated, "action")) repeat\(duplicated == 1 ? "s" : "") content already logged under another address; each extra copy counts ×\(NumberText.plain(policy.duplicateMultiplier))",
                    multiplier: policy.duplicateMultiplier, actions: duplicated))
        }
        if lowEngagement > 0 {
            let tiers = lowTiers.sorted().map { tier in
                let band = tables.bands[tier.index]
                return "\(tier.rawValue) \(NumberText.plain(band.low))–\(NumberText.plain(band.high))%"
            }
            flags.append(
                AuthenticityFlag(
                    kind: .lowEngagement,
                    reason:
                        "\(Self.count(lowEngagement, "action")) drew engagement below the tier's norm (\(tiers.joined(separator: ", "))) on audiences of \(NumberText.grouped(policy.lowEngagementMinAudience)) or more, as bought or inactive followers do; \(lowEngagement == 1 ? "it counts" : "they count") ×\(NumberText.plain(policy.lowEngagementMultiplier))",
                    multiplier: policy.lowEngagementMultiplier, actions: lowEngagement))
        }

        let byDay = dayOrdered()
        flags += gamingFlags(byDay: byDay)

        let weeks = activeWeeks.count
        let acceptedPoints = counted
        // Pending work together counts for at most the weekly cap's hours, at each stage: a sum
        // capped by itself only grows as actions are added, so no pending action lowers a score.
        let pendingCap = Self.units(policy.review.pendingHoursPerWeek * Double(weeks))
        let hours = hours + min(pendingHours, pendingCap)
        let qualityHours = qualityHours + min(pendingQualityHours, pendingCap)
        let alignedHours = alignedHours + min(pendingAlignedHours, pendingCap)
        counted += min(pendingFlaggedHours, pendingCap)
        // What each pending action's points keep, so that they add up to what counted.
        let pendingShare = pendingFlaggedHours > pendingCap ? Double(pendingCap) / Double(pendingFlaggedHours) : 1
        if keepsActions && pendingShare < 1 {
            for index in actions.indices where actions[index].isPending { actions[index].pendingShare = pendingShare }
        }
        let weeksActive = activeWeeks.filter { $0 }.count
        let half = policy.halfWorkHoursPerWeek * Double(weeks)
        func work(_ units: Int64) -> Double {
            let hours = Self.value(units)
            return policy.workPoints * hours / (hours + half)
        }
        let reachShare = audience.map { min(1, log10(1 + Double($0)) / log10(1 + Double(policy.reachCeiling))) } ?? 0
        var parts = [
            work(hours), work(qualityHours) - work(hours), work(alignedHours) - work(qualityHours),
            work(counted) - work(alignedHours), policy.consistencyPoints * Double(weeksActive) / Double(weeks),
            policy.reachPoints * reachShare,
        ]
        var spikeMultiplier = 1.0
        if !spikes.isEmpty {
            spikeMultiplier = policy.spikeMultiplier
            parts[3] += parts.reduce(0, +) * (spikeMultiplier - 1)
            let spikes = spikes.sorted { $0.channel.string < $1.channel.string }
            let described = spikes.map { spike in
                let growth = spike.growthPercent.map { String(format: " (+%.0f%%)", $0) } ?? ""
                return
                    "\(spike.channel) gained \(NumberText.grouped(spike.gained)) followers\(growth) between \(spike.before.day) and \(spike.after.day)"
            }
            flags.insert(
                AuthenticityFlag(
                    kind: .followerSpike,
                    reason: described.joined(separator: "; ")
                        + " with no action in between; the score counts ×\(NumberText.plain(spikeMultiplier))",
                    multiplier: spikeMultiplier, spikes: spikes), at: 0)
        }
        let pendingPoints = (work(counted) - work(acceptedPoints)) * spikeMultiplier
        let exact = ScoreComponents(parts)
        let (components, total) = exact.roundedToTenths()
        var score = PersonScore(
            person: person, tier: tables.tier(followers: audience ?? 0), audience: audience, score: total,
            components: components, flags: flags, actions: count, engagement: (Self.value(engagement) * 10).rounded() / 10,
            tFactor: Self.tFactor(engagements), weeksActive: weeksActive, weeks: weeks,
            hours: Self.value(hours), qualityHours: Self.value(qualityHours), alignedHours: Self.value(alignedHours),
            countedPoints: Self.value(counted), halfWorkHours: half, reachShare: reachShare, spikeMultiplier: spikeMultiplier,
            exactComponents: exact)
        score.pendingActions = pendingCount
        score.pendingPoints = pendingPoints
        score.sameDayAndChannel = Self.sameDayAndChannel(byDay)
        return (score, actions.sorted(by: Self.displayOrder))
    }

    /// The flags for gaming raised by this person's actions, leaving out the
    /// actions the cio cleared of each; they cost nothing (multiplier 1).
    func gamingFlags(byDay: [DayEntry]) -> [AuthenticityFlag] {
        let gaming = policy.gaming
        var flags: [AuthenticityFlag] = []
        func uncleared(_ kind: AuthenticityFlag.Kind, _ ids: [Int64]) -> [Int64] {
            cleared.isEmpty ? ids : ids.filter { !cleared.isCleared(kind, action: $0) }
        }

        let high = farAboveNorm.filter { !cleared.isCleared(.highEngagement, action: $0.id) }
        if let highest = high.max(by: { $0.times < $1.times }) {
            let band = tables.bands[highest.tier.index]
            flags.append(
                AuthenticityFlag(
                    kind: .highEngagement,
                    reason:
                        "\(Self.count(high.count, "action")) drew engagement of \(NumberText.plain(gaming.highRateTimesNorm))× the tier's norm or more, up to \(Self.percent(highest.rate * 100)) of \(highest.audience.described) (\(highest.tier.rawValue) norm \(NumberText.plain(band.low))–\(NumberText.plain(band.high))%, ×\(NumberText.plain((highest.times * 10).rounded() / 10))); check the figures",
                    actions: high.count, actionIDs: high.map(\.id)))
        }

        // Days with many actions, in day order.
        var busy: [(day: LocalDate, count: Int)] = []
        var busyIDs: [Int64] = []
        Self.forEachDay(byDay) { day in
            guard day.count >= gaming.actionsInADay else { return }
            let ids = uncleared(.busyDay, byDay[day].map(\.action.id))
            if !ids.isEmpty {
                busy.append((byDay[day.lowerBound].action.day, day.count))
                busyIDs += ids
            }
        }
        if !busy.isEmpty {
            let listed = busy.prefix(3).map { "\($0.count) on \($0.day)" }
            let more = busy.count > 3 ? " and \(busy.count - 3) more days" : ""
            flags.append(
                AuthenticityFlag(
                    kind: .busyDay,
                    reason:
                        "many actions in a day: \(listed.joined(separator: ", "))\(more) (\(gaming.actionsInADay) or more on one day is unusual)",
                    actions: busyIDs.count, actionIDs: busyIDs))
        }

        // Actions without figures awaiting review, many within the policy's days.
        let unfigured = withoutFigures.sorted { ($0.day, $0.id) < ($1.day, $1.id) }
        // Each action once, in day order: a window that slides on adds only what it had not covered.
        var inBursts: [(day: Int, id: Int64)] = []
        var first = 0
        var covered = -1
        for last in unfigured.indices {
            while unfigured[last].day - unfigured[first].day >= gaming.linksWithoutFiguresDays { first += 1 }
            if last - first + 1 >= gaming.linksWithoutFigures {
                inBursts += unfigured[max(first, covered + 1)...last]
                covered = last
            }
        }
        inBursts.removeAll { cleared.isCleared(.linksWithoutFigures, action: $0.id) }
        let burst = inBursts.map(\.id)
        if let earliest = inBursts.first, let latest = inBursts.last {
            let from = LocalDate(daysSinceEpoch: earliest.day), to = LocalDate(daysSinceEpoch: latest.day)
            flags.append(
                AuthenticityFlag(
                    kind: .linksWithoutFigures,
                    reason:
                        "\(Self.count(burst.count, "action")) without figures awaiting review \(from == to ? "on \(from)" : "between \(from) and \(to)") (\(gaming.linksWithoutFigures) or more within \(gaming.linksWithoutFiguresDays) days); each counts its effort at most until reviewed",
                    actions: burst.count, actionIDs: burst))
        }
        return flags
    }

    /// Groups of two or more counted actions on one channel the same day, by
    /// id: a post logged under two addresses if their titles match too,
    /// which the store, holding the titles, settles (``GamingFlags``).
    static func sameDayAndChannel(_ byDay: [DayEntry]) -> SameDayCopies {
        var found = SameDayCopies()
        // Compared pair by pair, allocating only for what is found: a day
        // holds a few actions, and 50,000 people have tens of thousands of such days.
        forEachDay(byDay) { day in
            let (start, end) = (day.lowerBound, day.upperBound)
            for later in day where day.count > 1 {
                let action = byDay[later]
                func sameChannel(_ index: Int) -> Bool { byDay[index].channel == action.channel }
                if action.fingerprint != 0 {
                    // A copy of the first earlier one with its fingerprint, unless duplicate content costs both already.
                    if let first = (start..<later).first(where: { sameChannel($0) && byDay[$0].fingerprint == action.fingerprint }
                    ),
                        !(byDay[first].action.isCompared && action.action.isCompared)
                    {
                        found.copies.append(action.action)
                    }
                } else if !(start..<later).contains(where: { sameChannel($0) && byDay[$0].fingerprint == 0 }),
                    (later + 1..<end).contains(where: { sameChannel($0) && byDay[$0].fingerprint == 0 })
                {
                    // The first of its channel's actions without a fingerprint, with the others.
                    found.unfingerprinted.append(
                        [action.action]
                            + (later + 1..<end).filter { sameChannel($0) && byDay[$0].fingerprint == 0 }.map { byDay[$0].action })
                }
            }
        }
        return found
    }

    /// Calls `body` with the range of each day's actions in `byDay`, which ``dayOrdered()`` ordered.
    static func forEachDay(_ byDay: [DayEntry], _ body: (Range<Int>) -> Void) {
        var start = 0
        while start < byDay.count {
            var end = start + 1
            while end < byDay.count && byDay[end].action.day == byDay[start].action.day { end += 1 }
            body(start..<end)
            start = end
        }
    }

    /// The counted actions by day then id: as the store streams them
    /// (its key is the person, the day, the action), so rarely sorted here.
    func dayOrdered() -> [DayEntry] {
        func before(_ a: DayEntry, _ b: DayEntry) -> Bool { (a.action.day, a.action.id) < (b.action.day, b.action.id) }
        return zip(days, days.dropFirst()).allSatisfy { !before($1, $0) } ? days : days.sorted(by: before)
    }

    /// A percentage with one decimal, or none when whole.
    static func percent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return "\(NumberText.plain(rounded))%"
    }

    /// The largest t such that t actions have at least t engagement each
    /// (counted, not sorted: a person may have thousands of actions).
    public static func tFactor(_ engagements: [Double]) -> Int {
        let n = engagements.count
        var atLeast = [Int](repeating: 0, count: n + 2)
        for value in engagements where value >= 1 { atLeast[Int(min(value, Double(n)))] += 1 }
        var count = 0
        for t in stride(from: n, through: 1, by: -1) {
            count += atLeast[t]
            if count >= t { return t }
        }
        return 0
    }

    /// Actions by day, then as the store numbered them.
    static func displayOrder(_ a: ActionScore, _ b: ActionScore) -> Bool {
        (a.facts.day, a.facts.id) < (b.facts.day, b.facts.id)
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

}
