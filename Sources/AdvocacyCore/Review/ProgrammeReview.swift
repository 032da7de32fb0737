import Foundation

/// One period as the CIO's report shows it: everyone's score and the
/// programme's activity.
public struct PeriodReview: Sendable {
    public var period: Period
    /// The days scored: the period up to today.
    public var window: ClosedRange<LocalDate>
    /// Everyone with an action in the window, ranked.
    public var people: [PersonScore]
    public var activity: ActivityTally

    package init(period: Period, window: ClosedRange<LocalDate>, people: [PersonScore], activity: ActivityTally) {
        self.period = period
        self.window = window
        self.people = people
        self.activity = activity
    }
}

/// What a project received in a period.
public struct ProjectCoverage: Hashable, Sendable {
    public var project: Project
    public var actions: Int
    /// People with at least one action tagged with the project.
    public var advocates: Int
    /// Engagement of those actions, weighted as the policy says.
    public var engagement: Double

    /// An active project, already started in the period, that nobody spoke
    /// for: the gaps the CIO must act on.
    public var isGap: Bool

    package init(project: Project, actions: Int, advocates: Int, engagement: Double, isGap: Bool) {
        self.project = project
        self.actions = actions
        self.advocates = advocates
        self.engagement = engagement
        self.isGap = isGap
    }
}

/// Reward proposals of one category and status.
public struct RewardTally: Hashable, Sendable {
    public var category: RewardCategory
    public var status: RewardStatus
    public var count: Int
    public var costCents: Int

    package init(category: RewardCategory, status: RewardStatus, count: Int, costCents: Int) {
        self.category = category
        self.status = status
        self.count = count
        self.costCents = costCents
    }
}

/// Everything the CIO's report is drawn from, read on one snapshot.
public struct ProgrammeReview: Sendable {
    /// The policy that scored the current period, and its version.
    public var policyVersion: Int
    public var policy: Policy
    /// The version that scored the comparison period: the one in force at
    /// its end, which may be older.
    public var comparisonPolicyVersion: Int
    public var today: LocalDate
    public var current: PeriodReview
    public var comparison: PeriodReview
    /// Active employees today.
    public var activeEmployees: Int
    /// Active projects, and any other project with actions in the period, by code.
    public var projects: [ProjectCoverage]
    /// The reward budgets set for the period or for periods within it
    /// (a year's report adds up its quarters); nil when there is none.
    public var budgetCents: Int?
    /// The reward proposals of the period or of periods within it, by
    /// category, then status.
    public var rewards: [RewardTally]

    package init(
        policyVersion: Int, policy: Policy, comparisonPolicyVersion: Int? = nil, today: LocalDate, current: PeriodReview,
        comparison: PeriodReview, activeEmployees: Int, projects: [ProjectCoverage], budgetCents: Int?, rewards: [RewardTally]
    ) {
        self.policyVersion = policyVersion
        self.policy = policy
        self.comparisonPolicyVersion = comparisonPolicyVersion ?? policyVersion
        self.today = today
        self.current = current
        self.comparison = comparison
        self.activeEmployees = activeEmployees
        self.projects = projects
        self.budgetCents = budgetCents
        self.rewards = rewards
    }
}
