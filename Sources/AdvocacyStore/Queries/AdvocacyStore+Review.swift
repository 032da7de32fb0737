import AdvocacyCore
import Foundation
import GRDB
import GRDBSQLite

/// One period as the CIO's report shows it: everyone's score and the
/// programme's activity.
public struct PeriodReview: Sendable {
    public var period: Period
    /// The days scored: the period up to today.
    public var window: ClosedRange<LocalDate>
    /// Everyone with an action in the window, ranked.
    public var people: [PersonScore]
    public var activity: ActivityTally
}

/// What a project received in a period.
public struct ProjectCoverage: Hashable, Sendable {
    public var project: Project
    public var actions: Int
    /// People with at least one action tagged with the project.
    public var advocates: Int
    /// Engagement of those actions, weighted as the policy says.
    public var engagement: Double

    /// An active project nobody spoke for: the gaps the CIO must act on.
    public var isGap: Bool { project.status == .active && advocates == 0 }
}

/// Reward proposals of one category and status.
public struct RewardTally: Hashable, Sendable {
    public var category: RewardCategory
    public var status: RewardStatus
    public var count: Int
    public var costCents: Int
}

/// Everything the CIO's report is drawn from, read on one snapshot.
public struct ProgrammeReview: Sendable {
    public var policyVersion: Int
    public var policy: Policy
    public var today: LocalDate
    public var current: PeriodReview
    public var comparison: PeriodReview
    /// Active employees today.
    public var activeEmployees: Int
    /// Active projects, and any other project with actions in the period, by code.
    public var projects: [ProjectCoverage]
    /// The period's reward budget, if HR set one.
    public var budget: BudgetSummary?
    /// The period's reward proposals by category, then status.
    public var rewards: [RewardTally]
}

extension AdvocacyStore {
    /// Reads what the CIO's report shows for `period`, compared with
    /// `comparison` (cio, hr or admin). Everything comes from one read
    /// snapshot, so the figures agree with each other even while people
    /// log work.
    public func review(period: Period, comparison: Period, today: LocalDate, by actorEmail: EmailAddress) throws -> ProgrammeReview {
        let window = try Scoring.window(of: period, today: today)
        let comparisonWindow = try Scoring.window(of: comparison, today: today)
        return try read { db in
            try AccessRules.requireRole(try Self.actor(db, actorEmail), in: [.cio, .hr, .admin], to: "see the programme report")
            let (version, policy) = try Self.currentPolicy(db)
            func review(_ period: Period, _ window: ClosedRange<LocalDate>) throws -> PeriodReview {
                // One pass over the facts both scores and tallies the period.
                var activity = ActivityTally(policy: policy.scoring, window: window)
                let people = try Self.scores(db, policy: policy.scoring, window: window, filter: RankingFilter()) { activity.add($0) }
                return PeriodReview(period: period, window: window, people: Ranking.rank(people), activity: activity)
            }
            return ProgrammeReview(
                policyVersion: version, policy: policy, today: today, current: try review(period, window),
                comparison: try review(comparison, comparisonWindow),
                activeEmployees: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employee WHERE isActive") ?? 0,
                projects: try Self.coverage(db, policy: policy.scoring, window: window),
                budget: try Self.budgets(db, period: period, currency: policy.rewards.currency).first,
                rewards: try Self.rewardTallies(db, period: period))
        }
    }

    /// Each project's actions, advocates and engagement in the window.
    static func coverage(_ db: Database, policy: ScoringPolicy, window: ClosedRange<LocalDate>) throws -> [ProjectCoverage] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT p.code, p.name, p.strategicWeight, p.status, p.startDate, p.endDate,
                    COUNT(f.actionId) AS actions, COUNT(DISTINCT f.employeeId) AS advocates,
                    TOTAL(f.reactions) AS reactions, TOTAL(f.comments) AS comments, TOTAL(f.shares) AS shares,
                    TOTAL(f.clicks) AS clicks
                FROM project p
                LEFT JOIN actionProject ap ON ap.projectId = p.id
                LEFT JOIN actionFact f ON f.actionId = ap.actionId AND f.day BETWEEN ? AND ?
                GROUP BY p.id
                ORDER BY p.code
                """,
            arguments: [window.lowerBound.daysSinceEpoch, window.upperBound.daysSinceEpoch])
        return try rows.compactMap { row in
            let project = Project(
                code: ProjectCode(alreadyValid: row["code"]), name: row["name"], weight: row["strategicWeight"],
                status: try decode(row["status"]), start: try (row["startDate"] as String?).map(date),
                end: try (row["endDate"] as String?).map(date))
            let actions: Int = row["actions"]
            guard actions > 0 || project.status == .active else { return nil }
            // Engagement is linear in the counts, so the sums can be weighted once.
            let engagement = (row["reactions"] as Double) + (row["comments"] as Double) * policy.commentWeight
                + (row["shares"] as Double) * policy.shareWeight + (row["clicks"] as Double) * policy.clickWeight
            return ProjectCoverage(project: project, actions: actions, advocates: row["advocates"], engagement: engagement)
        }
    }

    static func rewardTallies(_ db: Database, period: Period) throws -> [RewardTally] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT category, status, COUNT(*) AS count, SUM(costCents) AS cost FROM rewardProposal
                WHERE period = ? GROUP BY category, status
                """,
            arguments: [period.description])
        return try rows.map { row in
            RewardTally(category: try decode(row["category"]), status: try decode(row["status"]), count: row["count"], costCents: row["cost"])
        }.sorted { ($0.category, RewardStatus.allCases.firstIndex(of: $0.status) ?? 0) < ($1.category, RewardStatus.allCases.firstIndex(of: $1.status) ?? 0) }
    }
}
