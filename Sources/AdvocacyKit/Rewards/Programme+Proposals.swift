import AdvocacyCore
import Foundation

extension Programme {
    /// Proposals, newest period first then by rank. Hr, cio and admin see
    /// everyone's; staff see their own.
    public func rewardProposals(period: Period? = nil, statuses: Set<RewardStatus>? = nil, by actorEmail: EmailAddress) throws
        -> [RewardProposalRecord]
    {
        try store.rewardProposals(period: period, statuses: statuses, by: actorEmail)
    }

    /// The HR export of a period (hr or admin).
    public func rewardExport(period: Period, statuses: Set<RewardStatus>? = nil, by actorEmail: EmailAddress) throws
        -> [RewardProposalRecord]
    {
        try store.rewardExport(period: period, statuses: statuses, by: actorEmail)
    }

    /// Approves proposed rewards (hr or cio): all of them or none. Stock,
    /// the period's budget and the yearly caps are checked again, since
    /// other periods may have been approved since the proposal was made.
    @discardableResult
    public func approveRewards(_ ids: [Int64], note: String? = nil, by actorEmail: EmailAddress) throws -> [RewardProposalRecord]
    {
        try store.approveRewards(ids, note: note, by: actorEmail)
    }

    /// Rejects proposed or approved (not yet granted) rewards (hr or cio), with a note saying why.
    @discardableResult
    public func rejectRewards(_ ids: [Int64], note: String, by actorEmail: EmailAddress) throws -> [RewardProposalRecord] {
        try store.rejectRewards(ids, note: note, by: actorEmail)
    }

    /// Marks approved rewards as granted (hr): handed over. A wish for the
    /// item granted is fulfilled and goes.
    @discardableResult
    public func grantRewards(_ ids: [Int64], by actorEmail: EmailAddress) throws -> [RewardProposalRecord] {
        try store.grantRewards(ids, by: actorEmail)
    }
}
