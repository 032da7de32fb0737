import Foundation

/// A proposal run: the allocation and what it was computed from.
public struct ProposalRun: Sendable {
    public var period: Period
    /// The days scored: the period up to today.
    public var window: ClosedRange<LocalDate>
    public var policyVersion: Int
    public var currency: String
    /// The most one person may receive in the period.
    public var maxShareCents: Int
    public var allocation: Allocation
    /// The scores of everyone proposed a reward, by email.
    public var people: [EmailAddress: PersonScore]
    public var rankedPeople: Int
    /// The new proposals' ids, in the order of `allocation.proposals`; empty for a dry run.
    public var proposalIDs: [Int64]
    /// Open proposals of the period that this run replaced.
    public var replaced: Int
    public var dryRun: Bool

    package init(
        period: Period, window: ClosedRange<LocalDate>, policyVersion: Int, currency: String, maxShareCents: Int,
        allocation: Allocation, people: [EmailAddress: PersonScore], rankedPeople: Int, proposalIDs: [Int64], replaced: Int,
        dryRun: Bool
    ) {
        self.period = period
        self.window = window
        self.policyVersion = policyVersion
        self.currency = currency
        self.maxShareCents = maxShareCents
        self.allocation = allocation
        self.people = people
        self.rankedPeople = rankedPeople
        self.proposalIDs = proposalIDs
        self.replaced = replaced
        self.dryRun = dryRun
    }
}
