import Foundation

/// The programme's activity over a window, added up one action at a time:
/// how many actions, how much engagement, how many per week, and each
/// tier's engagement rates (for the report's medians).
///
/// It reads the same ``ActionFacts`` ranking reads, and judges each action
/// exactly as scoring does (``ActionScore``), so the report's rates are the
/// ones `explain` shows.
public struct ActivityTally: Sendable {
    public let window: ClosedRange<LocalDate>
    let tables: ScoringTables
    private let firstWeek: Int

    public private(set) var actions = 0
    /// Engagement of the window's actions, weighted as the policy says.
    public private(set) var engagement = 0.0
    /// Actions per Monday-to-Sunday week overlapping the window, first week first.
    public private(set) var weeklyActions: [Int]
    /// Each tier's engagement rates (fractions), by tier index.
    private var rates: [[Double]]

    public init(policy: ScoringPolicy, window: ClosedRange<LocalDate>) {
        self.window = window
        tables = ScoringTables(policy)
        firstWeek = PersonScoreBuilder.week(of: window.lowerBound)
        weeklyActions = Array(repeating: 0, count: PersonScoreBuilder.weeks(in: window))
        rates = Array(repeating: [], count: AudienceTier.allCases.count)
    }

    /// Adds an action of the window (actions outside it are ignored) and
    /// returns its engagement (0 outside the window).
    @discardableResult
    public mutating func add(_ facts: ActionFacts) -> Double {
        guard window.contains(facts.day) else { return 0 }
        let score = ActionScore(facts, tables: tables)
        actions += 1
        engagement += score.engagement
        weeklyActions[PersonScoreBuilder.week(of: facts.day) - firstWeek] += 1
        // An action with no figures yet says nothing about its audience's engagement.
        if facts.metrics != nil, let rate = score.rate { rates[score.tier.index].append(rate) }
        return score.engagement
    }

    /// The median engagement rate (a fraction) of the tier's actions that
    /// have figures and a known audience; nil when there are none.
    public func medianRate(of tier: AudienceTier) -> Double? {
        Self.median(rates[tier.index])
    }

    /// How many actions the median of `tier` is taken over.
    public func ratedActions(of tier: AudienceTier) -> Int { rates[tier.index].count }

    /// The middle value, or the mean of the two middle values; nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// The Monday of each week the tally counts, first week first.
    public var weekStarts: [LocalDate] {
        let monday = window.lowerBound.adding(days: 1 - window.lowerBound.isoWeekday)
        return weeklyActions.indices.map { monday.adding(days: 7 * $0) }
    }
}
