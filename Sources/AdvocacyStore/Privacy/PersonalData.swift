import AdvocacyCore
import Foundation

/// A person's consent: where it stands and every entry behind it.
public struct ConsentStatus: Hashable, Sendable, Encodable {
    public var email: EmailAddress
    public var state: ConsentState
    /// Oldest first.
    public var history: [ConsentRecord]
}

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
    }

    public struct FollowerCount: Sendable, Encodable {
        public var date: LocalDate
        public var followers: Int
    }

    public struct ChannelData: Sendable, Encodable {
        public var url: CanonicalURL
        public var kind: ChannelKind
        public var scope: ChannelScope
        @NullWhenAbsent public var feedUrl: CanonicalURL?
        public var createdAt: String
        /// Oldest first.
        public var followers: [FollowerCount]
    }

    public struct MetricsData: Sendable, Encodable {
        public var date: LocalDate
        @NullWhenAbsent public var impressions: Int?
        public var reactions: Int
        public var comments: Int
        public var shares: Int
        public var clicks: Int
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
    }

    public struct Wish: Sendable, Encodable {
        public var rank: Int
        public var rewardCode: String
        public var rewardName: String
        public var createdAt: String
    }

    public struct Clearance: Sendable, Encodable {
        public var period: String
        public var note: String
        @NullWhenAbsent public var clearedBy: String?
        public var clearedAt: String
    }

    /// A ranking or explanation the person ran (the programme logs which policy each one used).
    public struct ScoreRun: Sendable, Encodable {
        public var command: String
        public var periodStart: LocalDate
        public var periodEnd: LocalDate
        public var ranAt: String
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
}
