import AdvocacyCore
import Foundation

extension Programme {
    /// Imports actions (each author themself, or an admin for anyone's).
    ///
    /// Actions are keyed by canonical address: a row for an address already
    /// logged by the same person updates what the row fills in (kind, given
    /// title, date, effort, projects) and adds a metrics snapshot when its
    /// figures differ from the latest; a row that changes nothing is
    /// unchanged, so importing a file twice changes nothing the second time.
    ///
    /// New actions go to the channel ``ChannelChoice`` picks, as with `log`,
    /// or to `channel` when given (a feed's own channel).
    ///
    /// This is the bulk path: one transaction, reused prepared statements
    /// with positional arguments, in-memory maps of people, channels and
    /// projects, and `actionFact` written directly rather than by triggers
    /// (see ``SuspendedTriggers``).
    public func importActions(
        _ mode: ImportMode, by actorEmail: EmailAddress, onChannel channel: CanonicalURL? = nil,
        next: () throws -> ImportRecord?, draft: @escaping (ImportRecord) throws -> ActionDraft,
        onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> ImportSummary {
        try store.importActions(mode, by: actorEmail, onChannel: channel, next: next, draft: draft, onReject: onReject)
    }

    /// Imports follower counts (each channel's owner, or an admin). A count
    /// for a day that already has the same count is unchanged; a different
    /// one replaces it.
    public func importFollowers(
        _ mode: ImportMode, by actorEmail: EmailAddress, columns: ImportColumns, today: LocalDate,
        next: () throws -> ImportRecord?, onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> ImportSummary {
        try store.importFollowers(mode, by: actorEmail, columns: columns, today: today, next: next, onReject: onReject)
    }

    /// Imports a roster (admin only): each row registers a person or, with
    /// `updating`, changes the registered person with that email; empty cells
    /// keep what is stored. Without `updating`, a row for someone registered
    /// is unchanged when it matches what is stored and refused otherwise.
    public func importEmployees(
        _ mode: ImportMode, updating: Bool, by actorEmail: EmailAddress, columns: ImportColumns,
        next: () throws -> ImportRecord?, onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> ImportSummary {
        try store.importEmployees(mode, updating: updating, by: actorEmail, columns: columns, next: next, onReject: onReject)
    }

    /// The channels with a feed address that `actorEmail` may synchronise:
    /// every one for an admin, their own for anyone else; or just `channel`.
    /// Without `channel`, those whose owner's consent does not allow it are
    /// left out (a withdrawal, or no consent to others tracking an external
    /// channel), so a regular sync never fails on them.
    public func feedChannels(only channel: CanonicalURL? = nil, by actorEmail: EmailAddress) throws -> [FeedChannel] {
        try store.feedChannels(only: channel, by: actorEmail)
    }
}
