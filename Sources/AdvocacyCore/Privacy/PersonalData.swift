import Foundation

/// Everything the programme holds about one person, for their right of
/// access (`privacy export`). Every key is written, absent values as null
/// (``NullWhenAbsent``).
public struct PersonalData: Sendable, Encodable {
    public struct Person: Sendable, Encodable {
        public var email: EmailAddress
        public var name: String
        @NullWhenAbsent public var team: String?
        public var role: Role
        @NullWhenAbsent public var hrId: String?
        public var active: Bool
        public var hidden: Bool
        public var createdAt: String
        @NullWhenAbsent public var erasedAt: String?

        package init(
            email: EmailAddress, name: String, team: String?, role: Role, hrId: String?, active: Bool, hidden: Bool,
            createdAt: String, erasedAt: String?
        ) {
            self.email = email
            self.name = name
            self.team = team
            self.role = role
            self.hrId = hrId
            self.active = active
            self.hidden = hidden
            self.createdAt = createdAt
            self.erasedAt = erasedAt
        }
    }

    public struct FollowerCount: Sendable, Encodable {
        public var date: LocalDate
        public var followers: Int

        package init(date: LocalDate, followers: Int) {
            self.date = date
            self.followers = followers
        }
    }

    public struct ChannelData: Sendable, Encodable {
        public var url: CanonicalURL
        public var kind: ChannelKind
        public var scope: ChannelScope
        @NullWhenAbsent public var feedUrl: CanonicalURL?
        public var createdAt: String
        /// Oldest first.
        public var followers: [FollowerCount]

        package init(
            url: CanonicalURL, kind: ChannelKind, scope: ChannelScope, feedUrl: CanonicalURL?, createdAt: String,
            followers: [FollowerCount]
        ) {
            self.url = url
            self.kind = kind
            self.scope = scope
            self.feedUrl = feedUrl
            self.createdAt = createdAt
            self.followers = followers
        }
    }

    public struct MetricsData: Sendable, Encodable {
        public var date: LocalDate
        @NullWhenAbsent public var impressions: Int?
        public var reactions: Int
        public var comments: Int
        public var shares: Int
        public var clicks: Int

        package init(date: LocalDate, impressions: Int?, reactions: Int, comments: Int, shares: Int, clicks: Int) {
            self.date = date
            self.impressions = impressions
            self.reactions = reactions
            self.comments = comments
            self.shares = shares
            self.clicks = clicks
        }
    }

    public struct ActionData: Sendable, Encodable {
        public var url: CanonicalURL
        public var kind: ActionKind
        public var title: String
        public var publishedOn: LocalDate
        @NullWhenAbsent public var effortHours: Double?
        public var channel: CanonicalURL
        public var projects: [String]
        public var createdAt: String
        /// Oldest first.
        public var metrics: [MetricsData]

        package init(
            url: CanonicalURL, kind: ActionKind, title: String, publishedOn: LocalDate, effortHours: Double?,
            channel: CanonicalURL, projects: [String], createdAt: String, metrics: [MetricsData]
        ) {
            self.url = url
            self.kind = kind
            self.title = title
            self.publishedOn = publishedOn
            self.effortHours = effortHours
            self.channel = channel
            self.projects = projects
            self.createdAt = createdAt
            self.metrics = metrics
        }
    }

    public struct Wish: Sendable, Encodable {
        public var rank: Int
        public var rewardCode: String
        public var rewardName: String
        public var createdAt: String

        package init(rank: Int, rewardCode: String, rewardName: String, createdAt: String) {
            self.rank = rank
            self.rewardCode = rewardCode
            self.rewardName = rewardName
            self.createdAt = createdAt
        }
    }

    public struct Clearance: Sendable, Encodable {
        public var period: String
        public var note: String
        @NullWhenAbsent public var clearedBy: String?
        public var clearedAt: String

        package init(period: String, note: String, clearedBy: String?, clearedAt: String) {
            self.period = period
            self.note = note
            self.clearedBy = clearedBy
            self.clearedAt = clearedAt
        }
    }

    /// A ranking or explanation the person ran (the programme logs which policy each one used).
    public struct ScoreRun: Sendable, Encodable {
        public var command: String
        public var periodStart: LocalDate
        public var periodEnd: LocalDate
        public var ranAt: String

        package init(command: String, periodStart: LocalDate, periodEnd: LocalDate, ranAt: String) {
            self.command = command
            self.periodStart = periodStart
            self.periodEnd = periodEnd
            self.ranAt = ranAt
        }
    }

    public var exportedAt: String
    public var exportedBy: EmailAddress
    public var person: Person
    public var consent: ConsentStatus
    public var channels: [ChannelData]
    public var actions: [ActionData]
    public var wishes: [Wish]
    public var clearances: [Clearance]
    public var proposals: [RewardProposalRecord]
    public var scoreRuns: [ScoreRun]
    /// Changes to their data, and changes they made, oldest first.
    public var auditEntries: [AuditEntry]

    package init(
        exportedAt: String, exportedBy: EmailAddress, person: Person, consent: ConsentStatus, channels: [ChannelData],
        actions: [ActionData], wishes: [Wish], clearances: [Clearance], proposals: [RewardProposalRecord], scoreRuns: [ScoreRun],
        auditEntries: [AuditEntry]
    ) {
        self.exportedAt = exportedAt
        self.exportedBy = exportedBy
        self.person = person
        self.consent = consent
        self.channels = channels
        self.actions = actions
        self.wishes = wishes
        self.clearances = clearances
        self.proposals = proposals
        self.scoreRuns = scoreRuns
        self.auditEntries = auditEntries
    }
}
