import AdvocacyCore
import GRDB

extension StoreTransaction {
    /// The channels with a feed address, everyone's or `owner`'s, that
    /// `actor` may track: those whose owner's consent does not allow it are
    /// left out (a withdrawal, or no consent to others tracking an external
    /// channel), so a regular sync never fails on them.
    public func feedChannels(ownedBy owner: EmailAddress?, trackableBy actor: Actor) throws -> [FeedChannel] {
        try AdvocacyStore.fetchChannels(db, owner: owner).compactMap { found in
            guard try AdvocacyStore.mayTrack(db, found, by: actor) else { return nil }
            return found.feedURL.map { FeedChannel(url: found.url, feedURL: $0, owner: found.email) }
        }
    }

    /// The Mastodon profiles, everyone's or `owner`'s, that `actor` may
    /// track, with their owners (left out as ``feedChannels(ownedBy:trackableBy:)`` says).
    public func mastodonChannels(ownedBy owner: EmailAddress?, trackableBy actor: Actor) throws -> [(
        url: CanonicalURL, owner: EmailAddress
    )] {
        try AdvocacyStore.fetchChannels(db, owner: owner).compactMap { found in
            guard found.kind == .mastodon, try AdvocacyStore.mayTrack(db, found, by: actor) else { return nil }
            return (found.url, found.email)
        }
    }
}
