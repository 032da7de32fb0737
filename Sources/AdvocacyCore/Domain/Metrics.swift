/// Engagement counters of an action as measured on one day.
public struct Metrics: Hashable, Codable, Sendable {
    /// How many times it was shown, when the platform tells.
    public var impressions: Int?
    public var reactions: Int
    public var comments: Int
    public var shares: Int
    public var clicks: Int

    public init(impressions: Int? = nil, reactions: Int = 0, comments: Int = 0, shares: Int = 0, clicks: Int = 0) {
        self.impressions = impressions
        self.reactions = reactions
        self.comments = comments
        self.shares = shares
        self.clicks = clicks
    }

    public static let zero = Metrics()

    /// Every interaction counted once; scoring (later) weighs them.
    public var interactions: Int { reactions + comments + shares + clicks }
}

/// New values for some counters; the others keep their latest value, so a
/// person can update just the reactions of a post.
public struct MetricsUpdate: Hashable, Sendable {
    public var impressions: Int?
    public var reactions: Int?
    public var comments: Int?
    public var shares: Int?
    public var clicks: Int?

    public init(impressions: Int? = nil, reactions: Int? = nil, comments: Int? = nil, shares: Int? = nil, clicks: Int? = nil)
        throws
    {
        for (name, value) in [
            ("impressions", impressions), ("reactions", reactions), ("comments", comments), ("shares", shares),
            ("clicks", clicks),
        ] {
            if let value { try Counts.check(value, name: name) }
        }
        self.impressions = impressions
        self.reactions = reactions
        self.comments = comments
        self.shares = shares
        self.clicks = clicks
    }

    public var isEmpty: Bool {
        impressions == nil && reactions == nil && comments == nil && shares == nil && clicks == nil
    }

    /// The snapshot that results from applying this update on top of `previous`.
    public func applied(to previous: Metrics?) -> Metrics {
        let base = previous ?? .zero
        return Metrics(
            impressions: impressions ?? base.impressions, reactions: reactions ?? base.reactions,
            comments: comments ?? base.comments, shares: shares ?? base.shares, clicks: clicks ?? base.clicks)
    }
}
