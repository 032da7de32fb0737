import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Proposes rewards for `period` from its scores, the catalogue, wishes
    /// and budget (hr or admin), replacing the period's proposals that are
    /// still only proposed; approved, rejected and granted ones stay and
    /// count. What is read and what is written are one transaction. A dry
    /// run computes the same on a read snapshot and writes nothing.
    ///
    /// The scores are those of the policy in force at the period's end,
    /// unless `choice` names a version.
    public func proposeRewards(
        period: Period, today: LocalDate, dryRun: Bool = false, policy choice: PolicyChoice = .inForce, by actor: EmailAddress
    ) throws -> ProposalRun {
        let window = try Scoring.window(of: period, today: today)
        if dryRun {
            return try store.reading { transaction in
                try AccessRules.requireRole(try transaction.actor(actor), in: [.hr, .admin], to: "propose rewards")
                return try Self.proposals(
                    period: period, window: window,
                    policy: try transaction.policy(choice, lastDay: window.upperBound, in: timeZone), in: transaction)
            }
        }
        return try store.writing(as: actor) { transaction, acting in
            try AccessRules.requireRole(acting, in: [.hr, .admin], to: "propose rewards")
            var run = try Self.proposals(
                period: period, window: window,
                policy: try transaction.policy(choice, lastDay: window.upperBound, in: timeZone), in: transaction)
            run.dryRun = false
            (run.proposalIDs, run.replaced) = try transaction.replaceProposals(with: run, by: actor)
            return run
        }
    }

    /// The allocation for `period` from what `transaction` reads, and what it was computed from.
    static func proposals(
        period: Period, window: ClosedRange<LocalDate>, policy chosen: (version: Int, policy: Policy),
        in transaction: StoreTransaction
    ) throws -> ProposalRun {
        let budget = try transaction.rewardBudget(period)
        let (version, policy) = chosen
        let (ranked, candidates) = try transaction.rewardCandidates(policy: policy, period: period, window: window)
        let (kept, rejected) = PastDecision.weigh(try transaction.pastDecisions(proposing: period), proposing: period)
        let allocation = RewardAllocation.allocate(
            AllocationInput(
                policy: policy.rewards, budgetCents: budget, candidates: candidates,
                catalogue: try transaction.rewardItems(currency: policy.rewards.currency), wishes: try transaction.wishes(),
                kept: kept, rejected: rejected))
        // Only the people proposed something: a copy of every one of 50,000 scores was a twentieth of proposing.
        let proposed = Set(allocation.proposals.map(\.email))
        return ProposalRun(
            period: period, window: window, policyVersion: version, currency: policy.rewards.currency,
            maxShareCents: policy.rewards.maxShareCents(of: budget), allocation: allocation,
            people: Dictionary(
                ranked.lazy.filter { proposed.contains($0.person.email) }.map { ($0.person.email, $0) },
                uniquingKeysWith: { first, _ in first }),
            rankedPeople: ranked.count, proposalIDs: [], replaced: 0, dryRun: true)
    }
}
