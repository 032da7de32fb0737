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

    @discardableResult
    public func approveRewards(_ ids: [Int64], note: String? = nil, by actorEmail: EmailAddress) throws -> [RewardProposalRecord]
    {
        try store.approveRewards(ids, note: note, by: actorEmail)
    }

    @discardableResult
    public func rejectRewards(_ ids: [Int64], note: String, by actorEmail: EmailAddress) throws -> [RewardProposalRecord] {
        try store.rejectRewards(ids, note: note, by: actorEmail)
    }

    @discardableResult
    public func grantRewards(_ ids: [Int64], by actorEmail: EmailAddress) throws -> [RewardProposalRecord] {
        try store.grantRewards(ids, by: actorEmail)
    }
}
