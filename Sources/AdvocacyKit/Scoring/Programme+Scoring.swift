import AdvocacyCore
import Foundation

extension Programme {
    /// The policy in force and its version.
    public func currentPolicy() throws -> (version: Int, policy: Policy) {
        try store.currentPolicy()
    }

    public func setPolicy(_ policy: Policy, by actorEmail: EmailAddress) throws -> (version: Int, changed: Bool) {
        try store.setPolicy(policy, by: actorEmail)
    }

    /// Ranks everyone with an action in `period` (up to `today`) and records
    /// the run with the policy version it used. Open to every active employee.
    ///
    /// Scores are computed on a read snapshot, so other people can log work
    /// meanwhile; only the record of the run takes the write lock.
    public func rank(
        period: Period, today: LocalDate, filter: RankingFilter = RankingFilter(), by actorEmail: EmailAddress
    ) throws -> RankingResult {
        try store.rank(period: period, today: today, filter: filter, by: actorEmail)
    }

    /// A person's score action by action. Staff may explain only themselves.
    public func explain(_ email: EmailAddress, period: Period, today: LocalDate, by actorEmail: EmailAddress) throws
        -> Explanation
    {
        try store.explain(email, period: period, today: today, by: actorEmail)
    }
}
