import Foundation

/// A ranking and what it was computed with.
public struct RankingResult: Sendable {
    public var policyVersion: Int
    public var period: Period
    /// The days scored: the period up to today.
    public var window: ClosedRange<LocalDate>
    public var people: [PersonScore]
    /// Whether a colleague on staff asked: a team of fewer than
    /// ``HiddenPeople/smallTeam`` people then shows no per-member detail (its leader).
    public var seenByStaff = false

    package init(policyVersion: Int, period: Period, window: ClosedRange<LocalDate>, people: [PersonScore]) {
        self.policyVersion = policyVersion
        self.period = period
        self.window = window
        self.people = people
    }
}
