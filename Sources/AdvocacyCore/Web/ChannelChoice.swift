/// Which channel a logged post goes to, decided from the post and the
/// author's own channels alone (the store then checks that a channel to be
/// created is not someone else's). The rules are in docs/data-model.md,
/// "How `log` finds a post's channel".
public enum ChannelChoice: Equatable, Sendable {
    /// One of the author's channels.
    case existing(CanonicalURL)
    /// A new channel of the author's, named by the post's address.
    case create(CanonicalURL, ChannelKind)
    /// The author must register their channel of this kind first.
    case registerFirst(ChannelKind)

    /// Chooses the channel of `draft` among `own`, the author's channels.
    public static func choose(for draft: ActionDraft, among own: [(url: CanonicalURL, kind: ChannelKind)]) -> ChannelChoice {
        let post = draft.url
        let inferred = draft.addressPlatform
        let derived = draft.addressChannel
        // A comment or share sits under someone else's post: it counts on the author's own account there.
        let reacting = draft.kind == .comment || draft.kind == .share

        if let under = deepest(among: own, containing: post) { return .existing(under) }
        if let derived, !reacting, own.contains(where: { $0.url == derived }) { return .existing(derived) }
        if draft.kind == .talk, let talk = own.first(where: { $0.kind == .talk }) { return .existing(talk.url) }
        if inferred != .blog, derived == nil || reacting, let platform = own.first(where: { $0.kind == inferred }) {
            return .existing(platform.url)
        }
        if let sameHost = own.first(where: { $0.url.host == post.host }) { return .existing(sameHost.url) }

        // Creating a channel: only where the address names one that can be the author's.
        guard let channelURL = derived, !reacting else { return .registerFirst(inferred) }
        if channelURL == post.root {
            // The company's own sites are shared by colleagues: nobody owns the whole host.
            if isCompanySite(post.host, of: draft.author) { return .registerFirst(.internal) }
            // A conference's site is not the speaker's channel: their speaker profile is.
            if draft.kind == .talk { return .registerFirst(.talk) }
        }
        return .create(channelURL, draft.kind == .talk && inferred == .blog ? .talk : inferred)
    }

    /// The longest of `own` that `post` lies under (the first of equals).
    private static func deepest(among own: [(url: CanonicalURL, kind: ChannelKind)], containing post: CanonicalURL)
        -> CanonicalURL?
    {
        var deepest: CanonicalURL?
        for channel in own where channel.url.contains(post) {
            if let found = deepest, found.string.utf8.count >= channel.url.string.utf8.count { continue }
            deepest = channel.url
        }
        return deepest
    }

    /// Whether `host` belongs to the organisation of `email`: its mail domain
    /// (`corp.fr` for `jane@corp.fr`) or, for a department's subdomain
    /// (`jane@dsi.corp.fr`), the parent domain too.
    static func isCompanySite(_ host: String, of email: EmailAddress) -> Bool {
        let domain = String(email.value.drop(while: { $0 != "@" }).dropFirst())
        var domains = [domain]
        let labels = domain.split(separator: ".")
        if labels.count >= 3 { domains.append(labels.dropFirst().joined(separator: ".")) }
        return domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}
