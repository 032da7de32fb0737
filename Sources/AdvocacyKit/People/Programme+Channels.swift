import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Registers a channel for its owner (the owner themself, or an admin),
    /// with an initial follower count when one is given.
    @discardableResult
    public func addChannel(_ new: NewChannel, by actorEmail: EmailAddress) throws -> Channel {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireSelfOrAdmin(actor, owner: new.owner, to: "add channels")
            return try tx.insertChannel(new, registeredBy: actor)
        }
    }

    /// Records a channel's audience on a day; a second count that day replaces the first.
    @discardableResult
    public func recordFollowers(_ url: CanonicalURL, count: Int, on date: LocalDate, by actorEmail: EmailAddress) throws
        -> Channel
    {
        try Counts.check(count, name: "followers")
        return try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireSelfOrAdmin(actor, owner: try tx.channel(url).email, to: "record followers")
            return try tx.saveFollowers(of: url, count: count, on: date, recordedBy: actor)
        }
    }

    /// Every channel, or one person's, ordered by owner then address.
    public func channels(owner: EmailAddress? = nil) throws -> [Channel] {
        try store.channels(owner: owner)
    }
}
