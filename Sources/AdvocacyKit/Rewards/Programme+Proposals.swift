import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Proposals, newest period first then by rank. Hr, cio and admin see
    /// everyone's; staff see their own.
    public func rewardProposals(period: Period? = nil, statuses: Set<RewardStatus>? = nil, by actorEmail: EmailAddress) throws
        -> [RewardProposalRecord]
    {
        try store.reading { tx in
            let actor = try tx.actor(actorEmail)
            try AccessRules.requireActive(actor)
            let isStaff = actor.role == .staff
            let records = try tx.rewardProposals(period: period, statuses: statuses, only: isStaff ? actorEmail : nil)
            // Staff see their own proposals, not the budget (`rewards budget show` is HR's, the cio's and admins').
            return isStaff ? records.map(\.withoutBudget) : records
        }
    }

    /// The HR export of a period (hr or admin).
    public func rewardExport(period: Period, statuses: Set<RewardStatus>? = nil, by actorEmail: EmailAddress) throws
        -> [RewardProposalRecord]
    {
        try store.reading { tx in
            try AccessRules.requireRole(try tx.actor(actorEmail), in: [.hr, .admin], to: "export rewards")
            return try tx.rewardProposals(period: period, statuses: statuses, only: nil)
        }
    }

    /// Approves proposed rewards (hr or cio): all of them or none. Stock,
    /// the period's budget and the yearly caps are checked again, since
    /// other periods may have been approved since the proposal was made.
    @discardableResult
    public func approveRewards(_ ids: [Int64], note: String? = nil, by actorEmail: EmailAddress) throws -> [RewardProposalRecord]
    {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireDecider(
                actor, deciders: [.hr, .cio], of: try tx.proposalPeople(ids), note: note, to: "approve rewards")
            return try tx.approveProposals(ids, note: note, by: actor)
        }
    }

    /// Rejects proposed or approved (not yet granted) rewards (hr or cio), with a note saying why.
    @discardableResult
    public func rejectRewards(_ ids: [Int64], note: String, by actorEmail: EmailAddress) throws -> [RewardProposalRecord] {
        if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw CoreError.emptyText(field: "note") }
        return try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireDecider(
                actor, deciders: [.hr, .cio], of: try tx.proposalPeople(ids), note: note, to: "reject rewards")
            return try tx.rejectProposals(ids, note: note, by: actor)
        }
    }

    /// Marks approved rewards as granted (hr): handed over. A wish for the
    /// item granted is fulfilled and goes.
    @discardableResult
    public func grantRewards(_ ids: [Int64], note: String? = nil, by actorEmail: EmailAddress) throws
        -> [RewardProposalRecord]
    {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireDecider(
                actor, deciders: [.hr], of: try tx.proposalPeople(ids), note: note, to: "grant rewards")
            return try tx.grantProposals(ids, note: note, by: actor)
        }
    }
}
