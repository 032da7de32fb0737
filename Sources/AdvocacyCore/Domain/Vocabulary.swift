/// A closed set of words stored as text, parsed case-insensitively, with an
/// error that lists the allowed words.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Hashable, Sendable
where RawValue == String {
    /// The noun used in error messages ("role", "channel kind").
    static var vocabularyName: String { get }
}

extension Vocabulary {
    /// Parses a word, ignoring case and surrounding spaces.
    public static func parse(_ text: String) throws -> Self {
        // Files mostly hold the word as it is stored: no Foundation call per row.
        if let value = Self(rawValue: text) { return value }
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let value = Self(rawValue: word) else {
            throw CoreError.unknownValue(text, field: vocabularyName, allowed: allCases.map(\.rawValue))
        }
        return value
    }
}

/// What an employee may do in the programme.
public enum Role: String, Vocabulary {
    case staff, cio, hr, admin
    public static let vocabularyName = "role"
}

/// Where an employee publishes.
public enum ChannelKind: String, Vocabulary {
    case blog, linkedin, x, mastodon, youtube, github, podcast, `internal`, talk, other
    public static let vocabularyName = "channel kind"

    /// The kind of action a URL on this channel most likely is, when the user
    /// does not say.
    public var defaultActionKind: ActionKind {
        switch self {
        case .blog: .article
        case .youtube: .video
        case .podcast: .podcast
        case .talk: .talk
        case .linkedin, .x, .mastodon, .github, .internal, .other: .post
        }
    }

    /// Internal-network channels reach colleagues; everything else is public.
    public var defaultScope: ChannelScope { self == .internal ? .internal : .external }
}

/// Whether a channel's audience is inside the company or in its ecosystem.
public enum ChannelScope: String, Vocabulary {
    case external, `internal`
    public static let vocabularyName = "channel scope"
}

/// One kind of advocacy act.
public enum ActionKind: String, Vocabulary {
    case article, post, talk, video, podcast, newsletter, comment, share
    public static let vocabularyName = "action kind"
}

/// Where a project stands.
public enum ProjectStatus: String, Vocabulary {
    case planned, active, closed
    public static let vocabularyName = "project status"
}

/// Where a figure (a metrics snapshot, a follower count) came from: what
/// the programme may trust it for.
public enum FigureSource: String, Vocabulary {
    /// Typed by a person: `log --reactions`, `metrics`, a spreadsheet (`import actions`, `import followers`).
    case typed
    /// A platform's own export file, as downloaded (X's analytics, LinkedIn's data export).
    case file
    /// Fetched from a platform's API.
    case api
    /// Read from a feed.
    case feed
    public static let vocabularyName = "figure source"
}

/// Where an action stands in the review queue.
public enum ReviewStatus: String, Vocabulary {
    /// Awaiting a check: it counts only up to the policy's caps.
    case pending
    /// Checked, or its figures came from a source the policy trusts: it counts in full.
    case accepted
    /// Accepted with figures or effort a reviewer corrected: it counts in full, as corrected.
    case partlyAccepted = "partly-accepted"
    /// Refused by a reviewer, with a reason: it counts for nothing.
    case rejected
    public static let vocabularyName = "review status"

    /// How scoring weighs an action in this status.
    public var standing: ReviewStanding {
        switch self {
        case .pending: .pending
        case .accepted, .partlyAccepted: .accepted
        case .rejected: .rejected
        }
    }
}

/// What scoring needs of a review: whether an action counts in full, up to
/// the caps of unchecked work, or not at all. Stored as its raw value in
/// the store's facts.
public enum ReviewStanding: Int, Hashable, Sendable {
    case accepted = 0
    case pending = 1
    case rejected = 2
    /// Pending, and its address names no account (X's `i/web/status/ID`, a
    /// LinkedIn activity, a YouTube `watch` link): it could be anyone's, so it
    /// counts for nothing until reviewed or confirmed by the person's own export.
    case unconfirmed = 3
}
