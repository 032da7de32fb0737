import AdvocacyCore
import Foundation

extension Programme {
    @discardableResult
    public func addChannel(_ new: NewChannel, by actorEmail: EmailAddress) throws -> Channel {
        try store.addChannel(new, by: actorEmail)
    }

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
