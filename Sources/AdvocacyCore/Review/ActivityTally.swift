import Foundation

/// The programme's activity over a window, added up one action at a time:
/// how many actions, how much engagement, how many per week, and each
/// tier's engagement rates (for the report's medians). It can also count
/// the window's first days apart, so that a finished period compares fairly
/// with one still running ("at the same stage").
///
/// It reads the same ``ActionFacts`` ranking reads, and judges each action
/// exactly as scoring does (``ActionScore``), so the report's rates are the
/// ones `explain` shows.
public struct ActivityTally: Sendable {
    public let window: ClosedRange<LocalDate>
    let tables: ScoringTables
    /// The last day counted in ``earlyActions``.
    private let stageEnd: LocalDate?

    public private(set) var actions = 0
    /// Engagement of the window's actions, weighted as the policy says.
    public private(set) var engagement = 0.0
    /// Actions per week of the window: seven-day blocks from its first day,
    /// the last one possibly shorter (see ``fullWeeks``).
    public private(set) var weeklyActions: [Int]
    /// Actions and engagement of the window's first `stageDays` days.
    public private(set) var earlyActions = 0
    public private(set) var earlyEngagement = 0.0
    /// Each tier's engagement rates (fractions), by tier index.
    private var rates: [[Double]]

    /// `stageDays`: also count the first days of the window apart.
    public init(policy: ScoringPolicy, window: ClosedRange<LocalDate>, stageDays: Int? = nil) {
        self.window = window
        tables = ScoringTables(policy)
        stageEnd = stageDays.map { window.lowerBound.adding(days: $0 - 1) }
        weeklyActions = Array(repeating: 0, count: (Self.days(in: window) + 6) / 7)
        rates = Array(repeating: [], count: AudienceTier.allCases.count)
    }

    static func days(in window: ClosedRange<LocalDate>) -> Int {
        window.lowerBound.days(until: window.upperBound) + 1
    }

    /// Weeks of seven whole days in the window: a week still running, or
    /// the last few days of a period, would look like a sudden drop.
    public var fullWeeks: Int { Self.days(in: window) / 7 }

    /// Adds an action of the window (actions outside it are ignored) and
    /// returns its engagement (0 outside the window).
    @discardableResult
    public mutating func add(_ facts: ActionFacts) -> Double {
        guard window.contains(facts.day) else { return 0 }
        let score = ActionScore(facts, tables: tables)
        actions += 1
        engagement += score.engagement
        weeklyActions[window.lowerBound.days(until: facts.day) / 7] += 1
        if let stageEnd, facts.day <= stageEnd {
            earlyActions += 1
            earlyEngagement += score.engagement
        }
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
}
