import AdvocacyCore
import Foundation

extension Programme {
    /// Registers a channel for its owner (the owner themself, or an admin),
    /// with an initial follower count when one is given.
    @discardableResult
    public func addChannel(_ new: NewChannel, by actorEmail: EmailAddress) throws -> Channel {
        try store.addChannel(new, by: actorEmail)
    }

    /// Records a channel's audience on a day; a second count that day replaces the first.
    @discardableResult
    public func recordFollowers(_ url: CanonicalURL, count: Int, on date: LocalDate, by actorEmail: EmailAddress) throws
        -> Channel
    {
        try store.recordFollowers(url, count: count, on: date, by: actorEmail)
    }

    /// Every channel, or one person's, ordered by owner then address.
    public func channels(owner: EmailAddress? = nil) throws -> [Channel] {
        try store.channels(owner: owner)
    }
}
