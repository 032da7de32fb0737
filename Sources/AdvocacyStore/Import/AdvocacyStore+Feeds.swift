import AdvocacyCore
import GRDB

extension AdvocacyStore {
    /// The channels with a feed address that `actorEmail` may synchronise:
    /// every one for an admin, their own for anyone else; or just `channel`.
    /// Without `channel`, those whose owner's consent does not allow it are
    /// left out (a withdrawal, or no consent to others tracking an external
    /// channel), so a regular sync never fails on them.
    public func feedChannels(only channel: CanonicalURL? = nil, by actorEmail: EmailAddress) throws -> [FeedChannel] {
        try read { db in
            let actor = try Self.actor(db, actorEmail)
            if let channel {
                let found = try Self.requireChannel(db, channel)
                try AccessRules.requireSelfOrAdmin(actor, owner: found.email, to: "synchronise others' feeds")
                guard let feed = found.feedURL else { throw StoreError.noFeed(channel) }
                return [FeedChannel(url: found.url, feedURL: feed, owner: found.email)]
            }
            let own = actor.role == .admin ? nil : actorEmail
            return try Self.fetchChannels(db, owner: own).compactMap { found in
                guard try Self.mayTrack(db, found, by: actor) else { return nil }
                return found.feedURL.map { FeedChannel(url: found.url, feedURL: $0, owner: found.email) }
            }
        }
    }
}
