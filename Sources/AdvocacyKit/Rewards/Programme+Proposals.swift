import AdvocacyCore
import Foundation

extension Programme {
    /// Proposes rewards for `period` from its scores, the catalogue, wishes
    /// and budget (hr or admin), replacing the period's proposals that are
    /// still only proposed; approved, rejected and granted ones stay and
    /// count. A dry run computes the same and writes nothing.
    public func proposeRewards(period: Period, today: LocalDate, dryRun: Bool = false, by actorEmail: EmailAddress) throws
        -> ProposalRun
    {
        try store.proposeRewards(period: period, today: today, dryRun: dryRun, by: actorEmail)
    }

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
