/// A site where colleagues publish side by side (a team blog, the intranet,
/// a conference's site), which an admin lists in the programme's settings.
/// Nobody owns it: each author's posts there go to the author's own part of
/// it, a channel of theirs whose address is the venue's with the author's
/// id as its query (`https://blog.corp.fr?author=12`). That address is no
/// page anyone visits; it keeps one channel per author and venue, and holds
/// nothing personal beyond the id every row already carries.
public enum SharedVenue {
    /// The author's part of `venue`.
    public static func authorsPart(of venue: CanonicalURL, authorID: Int64) -> CanonicalURL {
        CanonicalURL(alreadyCanonical: "\(venue.string)?author=\(authorID)")
    }

    /// Whether `channel` is an author's part of a shared venue.
    public static func isAuthorsPart(_ channel: CanonicalURL) -> Bool {
        channel.string.contains("?author=")
    }

    /// The kind of the author's part: a talk on a conference's site, the
    /// intranet on the company's own hosts, else what the host implies.
    public static func kind(of venue: CanonicalURL, for draft: ActionDraft) -> ChannelKind {
        if draft.kind == .talk { return .talk }
        if ChannelChoice.isCompanySite(venue.host, of: draft.author) { return .internal }
        return ChannelLocator.inferredKind(of: venue)
    }

    /// Internal on the company's own hosts, external elsewhere.
    public static func scope(of venue: CanonicalURL, for author: EmailAddress) -> ChannelScope {
        ChannelChoice.isCompanySite(venue.host, of: author) ? .internal : .external
    }
}
