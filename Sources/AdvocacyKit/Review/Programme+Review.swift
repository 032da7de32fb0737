import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// What the CIO's report shows for `period`, compared with `comparison`
    /// (cio, hr or admin). Everything comes from one read snapshot, so the
    /// figures agree with each other even while people log work.
    ///
    /// Each period is scored with the policy in force at its end, unless
    /// `choice` names a version, which then scores both.
    public func review(
        period: Period, comparison: Period, today: LocalDate, policy choice: PolicyChoice = .inForce, by actor: EmailAddress
    ) throws -> ProgrammeReview {
        let window = try Scoring.window(of: period, today: today)
        let comparisonWindow = try Scoring.window(of: comparison, today: today)
        return try store.reading { transaction in
            let viewer = try transaction.actor(actor)
            try AccessRules.requireRole(viewer, in: [.cio, .hr, .admin], to: "see the programme report")
            let (version, policy) = try transaction.policy(choice, lastDay: window.upperBound, in: timeZone)
            let (comparisonVersion, comparisonPolicy) = try transaction.policy(
                choice, lastDay: comparisonWindow.upperBound, in: timeZone)
            // One pass over the facts scores each period and tallies it; the
            // current period's actions are kept (as ids) for project coverage.
            var scored: [StoreTransaction.ActionEngagement] = []
            func review(
                _ period: Period, _ window: ClosedRange<LocalDate>, policy: Policy, keep: Bool, stageDays: Int? = nil
            ) throws -> PeriodReview {
                var activity = ActivityTally(policy: policy.scoring, window: window, stageDays: stageDays)
                let people = try transaction.scores(policy: policy.scoring, window: window, filter: RankingFilter()) {
                    employee, facts in
                    let engagement = activity.add(facts)
                    if keep { scored.append(.init(action: facts.id, employee: employee, engagement: engagement)) }
                }
                return PeriodReview(period: period, window: window, people: Ranking.rank(people), activity: activity)
            }
            var current = try review(period, window, policy: policy, keep: true)
            // The comparison also counts its first days apart: the same stage as the current period so far.
            var previous = try review(
                comparison, comparisonWindow, policy: comparisonPolicy, keep: false,
                stageDays: window.lowerBound.days(until: window.upperBound) + 1)
            let sameGround = comparison == period.previous && comparisonVersion == version
            try Self.flagRises(
                &current.people, period: period, today: today, policy: policy.scoring, filter: RankingFilter(),
                previous: sameGround ? previous.people : nil, in: transaction)
            // Both periods at once, so a hidden person has one placeholder and the risers still match.
            let masked = HiddenPeople.mask(
                [current.people, previous.people], hidden: try transaction.hiddenEmails(), viewer: viewer)
            (current.people, previous.people) = (masked[0], masked[1])
            return ProgrammeReview(
                policyVersion: version, policy: policy, comparisonPolicyVersion: comparisonVersion, today: today,
                current: current,
                comparison: previous,
                activeEmployees: try transaction.activeEmployeeCount(),
                projects: try transaction.coverage(of: scored, in: window),
                budgetCents: try transaction.budgetCents(within: period), rewards: try transaction.rewardTallies(within: period))
        }
    }
}
