import Foundation

/// How a person's score moved between two periods: the report's fast risers.
///
/// A sudden rise is worth a look either way: it is someone to encourage, or
/// someone gaming the score.
public struct ScoreChange: Hashable, Sendable {
    public var person: ScoredPerson
    public var tier: AudienceTier
    /// The score in the comparison period; nil when the person had no action then.
    public var before: Double?
    public var after: Double
    /// `after` minus `before` (0 when absent), in tenths.
    public var gain: Double { ((after - (before ?? 0)) * 10).rounded() / 10 }

    /// The largest gains, at most `limit`, biggest first (then as ranked now).
    /// Only gains: a falling score is not a riser.
    public static func risers(now current: [PersonScore], before previous: [PersonScore], limit: Int) -> [ScoreChange] {
        let earlier = Dictionary(previous.map { ($0.person.email, $0.score) }) { first, _ in first }
        let changes = current.enumerated().map { index, score in
            (
                order: index,
                change: ScoreChange(
                    person: score.person, tier: score.tier, before: earlier[score.person.email], after: score.score)
            )
        }
        return changes.filter { $0.change.gain > 0 }
            .sorted { ($0.change.gain, -$0.order) > ($1.change.gain, -$1.order) }
            .prefix(limit).map(\.change)
    }
}
