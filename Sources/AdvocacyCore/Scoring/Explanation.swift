import Foundation

/// One action in an explanation: its part in the score and what it is.
public struct ExplainedAction: Sendable {
    public var score: ActionScore
    public var title: String
    public var url: CanonicalURL
    public var channel: CanonicalURL
    public var projects: [ProjectCode]
    /// Where it stands in review, and the reviewer's reason.
    public var review: ReviewStatus
    public var reviewNote: String?
    /// For a pending action: the points the person's score would gain were
    /// it accepted alone; nil otherwise.
    public var gainIfAccepted: Double?

    package init(
        score: ActionScore, title: String, url: CanonicalURL, channel: CanonicalURL, projects: [ProjectCode],
        review: ReviewStatus = .accepted, reviewNote: String? = nil, gainIfAccepted: Double? = nil
    ) {
        self.score = score
        self.title = title
        self.url = url
        self.channel = channel
        self.projects = projects
        self.review = review
        self.reviewNote = reviewNote
        self.gainIfAccepted = gainIfAccepted
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
    /// The points the score would gain were every pending action accepted; 0 with none pending.
    public var gainIfAllAccepted: Double = 0

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
