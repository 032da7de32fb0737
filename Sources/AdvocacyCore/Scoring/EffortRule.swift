/// The hours an action counts for: the hours its author gave, else the
/// policy's default for its kind (an article 6 h, a post 1 h by default).
///
/// Scoring and the proposals' hours by project both use it, so the two
/// never disagree on what a piece of work weighed.
public struct EffortRule: Sendable {
    /// Default hours by kind, by position in `ActionKind.allCases`: a
    /// million actions should not hash a dictionary key each.
    private let defaults: [Double]

    public init(_ policy: ScoringPolicy) {
        defaults = ActionKind.allCases.map { policy.effortHours[$0] ?? 0 }
    }

    /// The default hours of `kind`.
    public func defaultHours(_ kind: ActionKind) -> Double { defaults[kind.index] }

    /// The hours `facts` count for.
    public func hours(_ facts: ActionFacts) -> Double { facts.effortHours ?? defaults[facts.kind.index] }
}
