/// Which channel a logged post goes to, decided from the post, the author's
/// own channels, the registered channel of someone else's the post's address
/// names (if any) and the programme's shared venues. The rules are in
/// docs/data-model.md, "How `log` finds a post's channel".
public enum ChannelChoice: Equatable, Sendable {
    /// One of the author's channels.
    case existing(CanonicalURL)
    /// A new channel of the author's, named by the post's address.
    case create(CanonicalURL, ChannelKind)
    /// The author must register their channel of this kind first.
    case registerFirst(ChannelKind)
    /// The post lies on `channel`, which `owner` registered: it is theirs, not the author's.
    case someoneElses(channel: CanonicalURL, owner: EmailAddress)
    /// The address names the account `named`, while the author's account on
    /// that platform is `yours`: a post of another account is not theirs
    /// unless they register that account too.
    case anotherAccount(named: CanonicalURL, yours: CanonicalURL)
    /// The post lies on a venue the programme shares (a team blog, a
    /// conference's site): it counts for its author on their part of it.
    case sharedVenue(CanonicalURL)

    /// Chooses the channel of `draft` among `own`, the author's channels.
    /// `othersChannel` is the registered channel of someone else's that the
    /// post lies on or its address names, when no channel of the author's is
    /// nearer; `sharedVenues` are the programme's shared venues.
    public static func choose(
        for draft: ActionDraft, among own: [(url: CanonicalURL, kind: ChannelKind)],
        othersChannel: (url: CanonicalURL, owner: EmailAddress)? = nil, sharedVenues: [CanonicalURL] = []
    ) -> ChannelChoice {
        let post = draft.url
        let inferred = draft.addressPlatform
        let derived = draft.addressChannel
        // A comment or share sits under someone else's post: it counts on the author's own account there.
        let reacting = draft.kind == .comment || draft.kind == .share

        // Someone else's post, even one the author shared or commented on: their share or comment has its own address.
        if let othersChannel { return .someoneElses(channel: othersChannel.url, owner: othersChannel.owner) }
        if let venue = sharedVenues.filter({ $0.contains(post) }).max(by: { $0.string.utf8.count < $1.string.utf8.count }) {
            return .sharedVenue(venue)
        }
        if let under = deepest(among: own, containing: post) { return .existing(under) }
        if let derived, !reacting, own.contains(where: { $0.url == derived }) { return .existing(derived) }
        if draft.kind == .talk, let talk = own.first(where: { $0.kind == .talk }) { return .existing(talk.url) }
        if inferred != .blog, derived == nil || reacting, let platform = own.first(where: { $0.kind == inferred }) {
            return .existing(platform.url)
        }
        if let sameHost = own.first(where: { $0.url.host == post.host }) {
            // An address that names an account (`x.com/paul/status/1`, `dev.to/paul/post`) is that account's post.
            if let derived, !reacting, derived != post.root { return .anotherAccount(named: derived, yours: sameHost.url) }
            return .existing(sameHost.url)
        }

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
