import Foundation

/// A channel whose feed `sync feeds` reads.
public struct FeedChannel: Hashable, Sendable {
    public var url: CanonicalURL
    public var feedURL: CanonicalURL
    public var owner: EmailAddress

    package init(url: CanonicalURL, feedURL: CanonicalURL, owner: EmailAddress) {
        self.url = url
        self.feedURL = feedURL
        self.owner = owner
    }
}
