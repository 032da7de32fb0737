/// Rules that connect web addresses to channels: which kind of channel a
/// host is, what a typed handle means, and which channel a post belongs to.
public enum ChannelLocator {
    /// Hosts that use `/@user` paths but are not Mastodon servers.
    static let atPathHosts: Set<String> = ["medium.com", "youtube.com", "tiktok.com", "threads.net", "substack.com"]
    static let podcastHosts: Set<String> = [
        "anchor.fm", "podcasts.apple.com", "podcasters.spotify.com", "ausha.co", "podcast.ausha.co",
        "soundcloud.com", "podbean.com", "buzzsprout.com", "acast.com", "shows.acast.com",
    ]

    /// Sites where many people publish, and how many path segments come
    /// before the author's name (`nil`: the author is not in the address).
    static let multiAuthorHosts: [String: Int?] = [
        "dev.to": 0, "speakerdeck.com": 0, "slideshare.net": 0, "instagram.com": 0, "gitlab.com": 0,
        "hashnode.com": 0, "bsky.app": 1, "medium.com": nil, "substack.com": nil, "meetup.com": nil,
        "eventbrite.com": nil, "eventbrite.fr": nil, "sessionize.com": 0, "linktr.ee": 0, "youtube.com": nil,
    ]

    /// Whether many people publish on `host`, each under their own name
    /// (dev.to, Medium, Speaker Deck…).
    public static func isMultiAuthorHost(_ host: String) -> Bool { multiAuthorHosts[host] != nil }

    /// The channel kind a URL's host implies: LinkedIn, X, YouTube, GitHub,
    /// a Mastodon account (`/@user` on a server), a podcast host, else a blog.
    public static func inferredKind(of url: CanonicalURL) -> ChannelKind {
        inferredKind(host: url.host, segments: url.pathSegments)
    }

    /// ``inferredKind(of:)`` from an address's host and path segments, for
    /// callers that already hold them.
    static func inferredKind(host: String, segments: [String]) -> ChannelKind {
        func isOrUnder(_ domain: String) -> Bool { host == domain || host.hasSuffix("." + domain) }
        if isOrUnder("linkedin.com") || host == "lnkd.in" { return .linkedin }
        if host == "x.com" { return .x }
        if isOrUnder("youtube.com") || host == "youtu.be" { return .youtube }
        if host == "github.com" { return .github }
        if podcastHosts.contains(host)
            || (host == "open.spotify.com" && ["show", "episode"].contains(segments.first ?? ""))
        {
            return .podcast
        }
        if let first = segments.first, first.hasPrefix("@"), first.count > 1,
            !atPathHosts.contains(where: { isOrUnder($0) })
        {
            return .mastodon
        }
        return .blog
    }

    /// Reads what a person types for a channel: a URL, `@handle` (an X
    /// account, or an account on the platform `kind` names), or
    /// `@user@instance` (a Mastodon account).
    public static func channelURL(from text: String, kind: ChannelKind? = nil) throws -> CanonicalURL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("@") else { return try CanonicalURL(trimmed) }
        let parts = trimmed.dropFirst().split(separator: "@", omittingEmptySubsequences: false).map(String.init)
        let handleCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
        guard let user = parts.first, !user.isEmpty, user.allSatisfy({ handleCharacters.contains($0) }) else {
            throw CoreError.invalidHandle(text)
        }
        if parts.count == 2 {
            guard kind == nil || kind == .mastodon, !parts[1].isEmpty else { throw CoreError.invalidHandle(text) }
            return try CanonicalURL("https://\(parts[1])/@\(user)")
        }
        guard parts.count == 1 else { throw CoreError.invalidHandle(text) }
        switch kind ?? .x {
        case .x: return try CanonicalURL("https://x.com/\(user)")
        case .github: return try CanonicalURL("https://github.com/\(user)")
        case .youtube: return try CanonicalURL("https://youtube.com/@\(user)")
        case .linkedin: return try CanonicalURL("https://linkedin.com/in/\(user)")
        default: throw CoreError.invalidHandle(text)
        }
    }

    /// The address of the channel that published `post`, when the post's
    /// address tells it (`x.com/jane/status/1` → `x.com/jane`, a blog post →
    /// the blog's root, `dev.to/jane/post` → `dev.to/jane`). `nil` when it
    /// cannot be told, as for a YouTube `watch` link, a LinkedIn article or a
    /// meetup page.
    public static func channelURL(forPost post: CanonicalURL) -> CanonicalURL? {
        let host = post.host, segments = post.pathSegments
        return channelURL(forPost: post, host: host, segments: segments, kind: inferredKind(host: host, segments: segments))
    }

    /// ``channelURL(forPost:)`` from what the caller already read off the address.
    static func channelURL(forPost post: CanonicalURL, host: String, segments: [String], kind: ChannelKind) -> CanonicalURL? {
        let first = segments.first ?? ""
        func url(_ path: String) -> CanonicalURL? { try? CanonicalURL("https://\(host)/\(path)") }
        switch kind {
        case .x:
            let reserved: Set = ["i", "home", "search", "intent", "share", "hashtag"]
            return first.isEmpty || reserved.contains(first) ? nil : url(first)
        case .linkedin:
            // A post's canonical address names no member; the address it was given as may have.
            if let author = post.authorHint { return url("in/\(author)") }
            if (first == "in" || first == "company") && segments.count >= 2 { return url("\(first)/\(segments[1])") }
            if first == "posts", segments.count >= 2, let handle = segments[1].utf8.split(separator: UInt8(ascii: "_")).first {
                return url("in/\(Substring(handle))")
            }
            return nil
        case .github:
            return first.isEmpty ? nil : url(first)
        case .youtube:
            if first.hasPrefix("@") { return url(first) }
            if ["channel", "c", "user"].contains(first), segments.count >= 2 { return url("\(first)/\(segments[1])") }
            return nil
        case .mastodon:
            return url(first)
        case .podcast, .blog, .internal, .talk, .other:
            if first.hasPrefix("@") && first.count > 1 { return url(first) }
            if let prefix = multiAuthorHosts[host] {
                // A shared platform: the author is named in the path, or cannot be told.
                guard let depth = prefix, segments.count > depth else { return nil }
                return url(segments.prefix(depth + 1).joined(separator: "/"))
            }
            return post.root
        }
    }
}
