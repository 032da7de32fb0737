/// What may be registered as someone's own channel, as far as the address
/// alone tells (the store adds: not under or around someone else's).
public enum ChannelOwnership {
    /// Why `url` cannot be `owner`'s channel, or nil when it can.
    public static func problem(registering url: CanonicalURL, for owner: EmailAddress, sharedVenues: [CanonicalURL])
        -> String?
    {
        // An author's part of a venue is made by `log`, never typed.
        if SharedVenue.isAuthorsPart(url) { return nil }
        if let venue = sharedVenues.first(where: { $0.contains(url) || url.contains($0) }) {
            return
                "\(venue) is a shared venue, where colleagues publish side by side: expected no channel there, since each post on it counts for its author when they log it"
        }
        if url == url.root, ChannelChoice.isCompanySite(url.host, of: owner) {
            return
                "\(url.host) is the company's own site, shared by colleagues: expected your own space on it (such as \(url)/people/\(owner.localPart)), or ask an admin to list it as a shared venue ('advocacy settings set channels.shared-venues \(url)')"
        }
        // On a platform where each person has an account, a channel is that account.
        let host = url.host
        let segments = url.pathSegments
        let kind = ChannelLocator.inferredKind(host: host, segments: segments)
        let hasAccounts = [.x, .linkedin, .github, .youtube, .mastodon].contains(kind) || ChannelLocator.isMultiAuthorHost(host)
        if hasAccounts, let account = ChannelLocator.channelURL(forPost: url), account.pathSegments != segments {
            let expected = url.root.string + "/" + account.pathSegments.joined(separator: "/")
            return
                "it is a page of the account \(expected), not an account: expected that account's address, \(expected), if it is yours"
        }
        return nil
    }
}
