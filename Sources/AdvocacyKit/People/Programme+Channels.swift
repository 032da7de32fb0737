import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Registers a channel for its owner (the owner themself, or an admin),
    /// with an initial follower count when one is given.
    @discardableResult
    public func addChannel(_ new: NewChannel, by actorEmail: EmailAddress) throws -> Channel {
        if let feed = new.feedURL { try Self.requirePublic(feed, under: try fetchPolicy()) }
        // A Mastodon profile is fetched from its instance by `sync mastodon`.
        if new.kind == .mastodon { try Self.requirePublic(new.url, under: try fetchPolicy()) }
        return try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireSelfOrAdmin(actor, owner: new.owner, to: "add channels")
            do {
                return try tx.insertChannel(new, registeredBy: actor)
            } catch let error as StoreError {
                throw try Self.withoutHiddenOwner(error, seenBy: actor, in: tx)
            }
        }
    }

    /// Registers a channel as ``addChannel(_:by:)`` does, or, when its owner
    /// already has it and `new` gives a feed, attaches that feed to it (a
    /// channel an import made has none). Returns the channel and whether
    /// the feed was attached rather than the channel added.
    public func addChannelOrAttachFeed(_ new: NewChannel, by actorEmail: EmailAddress) throws
        -> (channel: Channel, attachedFeed: Bool)
    {
        do {
            return (try addChannel(new, by: actorEmail), false)
        } catch StoreError.duplicateChannel(let url, let owner) where owner == new.owner && new.feedURL != nil {
            return (try updateChannel(url, ChannelChanges(feedURL: .some(new.feedURL)), by: actorEmail), true)
        }
    }

    /// Changes a registered channel: attaches or detaches its feed, changes
    /// its scope (its owner, or an admin).
    @discardableResult
    public func updateChannel(_ url: CanonicalURL, _ changes: ChannelChanges, by actorEmail: EmailAddress) throws -> Channel {
        if case .some(.some(let feed)) = changes.feedURL { try Self.requirePublic(feed, under: try fetchPolicy()) }
        return try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireSelfOrAdmin(actor, owner: try tx.channel(url).email, to: "change channels")
            return try tx.updateChannel(url, changes)
        }
    }

    /// Records a channel's audience on a day; a second count that day replaces the first.
    @discardableResult
    public func recordFollowers(_ url: CanonicalURL, count: Int, on date: LocalDate, by actorEmail: EmailAddress) throws
        -> Channel
    {
        try recordFollowers(url, count: count, on: date, source: .typed, by: actorEmail)
    }

    /// Records a channel's audience as ``recordFollowers(_:count:on:by:)``
    /// does, from `source`: a count a sync fetched is no one's typing.
    @discardableResult
    func recordFollowers(
        _ url: CanonicalURL, count: Int, on date: LocalDate, source: FigureSource, by actorEmail: EmailAddress
    ) throws -> Channel {
        try Counts.check(count, name: "followers")
        return try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireSelfOrAdmin(actor, owner: try tx.channel(url).email, to: "record followers")
            return try tx.saveFollowers(of: url, count: count, on: date, source: source, recordedBy: actor)
        }
    }

    /// Every channel, or one person's, ordered by owner then address.
    public func channels(owner: EmailAddress? = nil) throws -> [Channel] {
        try store.channels(owner: owner)
    }

    /// Every channel, or one person's, as `viewer` may see them: a hidden
    /// colleague's are left out, and asking for them by name is refused.
    public func channels(owner: EmailAddress? = nil, seenBy viewer: EmailAddress?) throws -> [Channel] {
        let hidden = try peopleHidden(from: viewer)
        if let owner { try requireVisible(owner, to: viewer, among: hidden) }
        return try store.channels(owner: owner).filter { !hidden.contains($0.email) }
    }
}
