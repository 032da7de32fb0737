/// A place where an employee publishes, with its latest known audience.
public struct Channel: Hashable, Codable, Sendable {
    public var url: CanonicalURL
    public var kind: ChannelKind
    public var scope: ChannelScope
    public var feedURL: CanonicalURL?
    /// The owner's email.
    public var email: EmailAddress
    /// The latest follower count, when one was recorded.
    public var followers: Int?
    /// The day of that count.
    public var followersDate: LocalDate?

    public init(
        url: CanonicalURL, kind: ChannelKind, scope: ChannelScope, feedURL: CanonicalURL? = nil, email: EmailAddress,
        followers: Int? = nil, followersDate: LocalDate? = nil
    ) {
        self.url = url
        self.kind = kind
        self.scope = scope
        self.feedURL = feedURL
        self.email = email
        self.followers = followers
        self.followersDate = followersDate
    }

    enum CodingKeys: String, CodingKey {
        case url, kind, scope
        case feedURL = "feedUrl"
        case email, followers, followersDate
    }

    // Absent values are written as null, so every object has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encode(kind, forKey: .kind)
        try c.encode(scope, forKey: .scope)
        try c.encode(feedURL, forKey: .feedURL)
        try c.encode(email, forKey: .email)
        try c.encode(followers, forKey: .followers)
        try c.encode(followersDate, forKey: .followersDate)
    }
}

/// What is needed to register a channel.
public struct NewChannel: Hashable, Sendable {
    public var owner: EmailAddress
    public var url: CanonicalURL
    public var kind: ChannelKind
    public var scope: ChannelScope
    public var feedURL: CanonicalURL?
    /// An initial audience, recorded as a follower snapshot on `followersDate`.
    public var followers: Int?
    public var followersDate: LocalDate

    /// Fills in the kind from the host and the scope from the kind when not given.
    public init(
        owner: EmailAddress, url: CanonicalURL, kind: ChannelKind? = nil, scope: ChannelScope? = nil,
        feedURL: CanonicalURL? = nil, followers: Int? = nil, followersDate: LocalDate
    ) throws {
        if let followers { try Counts.check(followers, name: "followers") }
        let kind = kind ?? ChannelLocator.inferredKind(of: url)
        self.owner = owner
        self.url = url
        self.kind = kind
        self.scope = scope ?? kind.defaultScope
        self.feedURL = feedURL
        self.followers = followers
        self.followersDate = followersDate
    }
}

/// What `channel update` changes on a registered channel; `nil` keeps it.
public struct ChannelChanges: Hashable, Sendable {
    /// The feed to attach, or `.some(nil)` to detach the one attached.
    public var feedURL: CanonicalURL??
    public var scope: ChannelScope?

    public init(feedURL: CanonicalURL?? = nil, scope: ChannelScope? = nil) {
        self.feedURL = feedURL
        self.scope = scope
    }

    public var isEmpty: Bool { feedURL == nil && scope == nil }
}

/// Checks for the counters people type.
public enum Counts {
    public static func check(_ value: Int, name: String) throws {
        guard value >= 0 else { throw CoreError.invalidCount(name: name, value: value) }
    }
}
