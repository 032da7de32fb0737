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
/// access (`privacy export`). Every key is written, absent values as null.
public struct PersonalData: Sendable, Encodable {
    public struct Person: Sendable, Encodable {
        public var email: EmailAddress
        public var name: String
        public var team: String?
        public var role: Role
        public var hrId: String?
        public var active: Bool
        public var hidden: Bool
        public var createdAt: String
        public var erasedAt: String?

        enum CodingKeys: String, CodingKey { case email, name, team, role, hrId, active, hidden, createdAt, erasedAt }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(email.value, forKey: .email)
            try c.encode(name, forKey: .name)
            try c.encode(team, forKey: .team)
            try c.encode(role, forKey: .role)
            try c.encode(hrId, forKey: .hrId)
            try c.encode(active, forKey: .active)
            try c.encode(hidden, forKey: .hidden)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(erasedAt, forKey: .erasedAt)
        }
    }

    public struct FollowerCount: Sendable, Encodable {
        public var date: LocalDate
        public var followers: Int
    }

    public struct ChannelData: Sendable, Encodable {
        public var url: CanonicalURL
        public var kind: ChannelKind
        public var scope: ChannelScope
        public var feedUrl: CanonicalURL?
        public var createdAt: String
        /// Oldest first.
        public var followers: [FollowerCount]

        enum CodingKeys: String, CodingKey { case url, kind, scope, feedUrl, createdAt, followers }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(url.string, forKey: .url)
            try c.encode(kind, forKey: .kind)
            try c.encode(scope, forKey: .scope)
            try c.encode(feedUrl?.string, forKey: .feedUrl)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(followers, forKey: .followers)
        }
    }

    public struct MetricsData: Sendable, Encodable {
        public var date: LocalDate
        public var impressions: Int?
        public var reactions: Int
        public var comments: Int
        public var shares: Int
        public var clicks: Int

        enum CodingKeys: String, CodingKey { case date, impressions, reactions, comments, shares, clicks }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(impressions, forKey: .impressions)
            try c.encode(reactions, forKey: .reactions)
            try c.encode(comments, forKey: .comments)
            try c.encode(shares, forKey: .shares)
            try c.encode(clicks, forKey: .clicks)
        }
    }

    public struct ActionData: Sendable, Encodable {
        public var url: CanonicalURL
        public var kind: ActionKind
        public var title: String
        public var publishedOn: LocalDate
        public var effortHours: Double?
        public var channel: CanonicalURL
        public var projects: [String]
        public var createdAt: String
        /// Oldest first.
        public var metrics: [MetricsData]

        enum CodingKeys: String, CodingKey {
            case url, kind, title, publishedOn, effortHours, channel, projects, createdAt, metrics
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(url.string, forKey: .url)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(publishedOn, forKey: .publishedOn)
            try c.encode(effortHours, forKey: .effortHours)
            try c.encode(channel.string, forKey: .channel)
            try c.encode(projects, forKey: .projects)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(metrics, forKey: .metrics)
        }
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
        public var clearedBy: String?
        public var clearedAt: String

        enum CodingKeys: String, CodingKey { case period, note, clearedBy, clearedAt }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(period, forKey: .period)
            try c.encode(note, forKey: .note)
            try c.encode(clearedBy, forKey: .clearedBy)
            try c.encode(clearedAt, forKey: .clearedAt)
        }
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
