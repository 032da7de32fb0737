import Foundation

/// One action in an explanation: its part in the score and what it is.
public struct ExplainedAction: Sendable {
    public var score: ActionScore
    public var title: String
    public var url: CanonicalURL
    public var channel: CanonicalURL
    public var projects: [ProjectCode]

    package init(score: ActionScore, title: String, url: CanonicalURL, channel: CanonicalURL, projects: [ProjectCode]) {
        self.score = score
        self.title = title
        self.url = url
        self.channel = channel
        self.projects = projects
    }
}

/// A person's score, action by action.
public struct Explanation: Sendable {
    public var policyVersion: Int
    public var policy: ScoringPolicy
    public var period: Period
    public var window: ClosedRange<LocalDate>
    /// The person's score, ranked among everyone; nil with no action in the period.
    public var score: PersonScore?
    public var person: ScoredPerson
    public var rankedPeople: Int
    public var actions: [ExplainedAction]

    package init(
        policyVersion: Int, policy: ScoringPolicy, period: Period, window: ClosedRange<LocalDate>, score: PersonScore?,
        person: ScoredPerson, rankedPeople: Int, actions: [ExplainedAction]
    ) {
        self.policyVersion = policyVersion
        self.policy = policy
        self.period = period
        self.window = window
        self.score = score
        self.person = person
        self.rankedPeople = rankedPeople
        self.actions = actions
    }
}
