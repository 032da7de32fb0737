import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Logs an action for its author (the author themself, or an admin), on
    /// the channel ``ChannelChoice`` picks among the author's, created from
    /// the address when it names one (`x.com/jane/status/1` → `x.com/jane`).
    @discardableResult
    public func logAction(_ draft: ActionDraft, by actorEmail: EmailAddress) throws -> Action {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireSelfOrAdmin(actor, owner: draft.author, to: "log actions")
            // A LinkedIn post logged under its other id (the export's share, the link's activity) is the same post.
            if LinkedInPost.urn(of: draft.url) != nil {
                switch LinkedInPost.match(draft.url, among: try tx.linkedInPosts(of: draft.author)) {
                case .none: break
                case .same(let logged): throw StoreError.duplicateAction(logged, owner: draft.author)
                case .ambiguous(let candidates):
                    throw CoreError.ambiguousPost(draft.url.string, candidates: candidates.map(\.string))
                }
            }
            do {
                return try tx.insertAction(draft, loggedBy: actor)
            } catch let error as StoreError {
                throw try Self.withoutHiddenOwner(error, seenBy: actor, in: tx)
            }
        }
    }

    /// Records engagement measured on `date` (the author themself, or an
    /// admin). Counters left out keep their latest value; a second snapshot
    /// the same day replaces the first.
    @discardableResult
    public func recordMetrics(_ url: CanonicalURL, _ update: MetricsUpdate, on date: LocalDate, by actorEmail: EmailAddress)
        throws -> Action
    {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireSelfOrAdmin(actor, owner: try tx.action(url).email, to: "record metrics")
            return try tx.saveMetrics(url, update, on: date, recordedBy: actor)
        }
    }

    /// Corrects a logged action: title, projects (the whole set), day,
    /// effort or kind (the author themself, or an admin; audited before and
    /// after; the scores follow). A day that moves the action out of a
    /// period whose rewards are approved or granted is refused; new hours, a
    /// new kind or a new day send it back to review. Returns it before and after.
    @discardableResult
    public func updateAction(_ url: CanonicalURL, _ changes: ActionChanges, today: LocalDate, by actorEmail: EmailAddress)
        throws -> (before: Action, after: Action)
    {
        try store.writing(as: actorEmail) { tx, actor in
            let before = try tx.action(url)
            try AccessRules.requireSelfOrAdmin(actor, owner: before.email, to: "correct actions")
            guard !changes.isEmpty else { throw CoreError.nothingToUpdate(url: url.string) }
            let draft = try changes.draft(of: before, today: today)
            let after = try tx.updateAction(draft, replacingProjects: changes.projects != nil)
            return (before, after)
        }
    }

    /// Removes an action with its metrics (the author themself, or an admin).
    @discardableResult
    public func removeAction(_ url: CanonicalURL, by actorEmail: EmailAddress) throws -> Action {
        try store.writing(as: actorEmail) { tx, actor in
            let action = try tx.action(url)
            try AccessRules.requireSelfOrAdmin(actor, owner: action.email, to: "remove actions")
            // Removed and logged again, a rejected action would come back pending, counting again.
            if action.review == .rejected && actor.role != .admin { throw CoreError.rejectedActionStays(url: url.string) }
            try tx.deleteAction(url)
            return action
        }
    }

    /// Actions matching `filter`, newest first. An unknown employee or
    /// project in the filter is an error, not an empty list.
    public func actions(_ filter: ActionFilter = ActionFilter()) throws -> [Action] {
        try store.actions(filter)
    }

    /// Calls `body` with each action matching `filter`, newest first, as it
    /// is read (an export of millions of actions holds one at a time), as
    /// `viewer` may see them: a hidden colleague's actions are left out, and
    /// asking for them by name is refused.
    public func forEachAction(
        _ filter: ActionFilter = ActionFilter(), seenBy viewer: EmailAddress?, _ body: (Action) throws -> Void
    )
        throws
    {
        let hidden = try peopleHidden(from: viewer)
        if let author = filter.author { try requireVisible(author, to: viewer, among: hidden) }
        guard !hidden.isEmpty else { return try store.forEachAction(filter, body) }
        try store.forEachAction(filter) { action in
            if !hidden.contains(action.email) { try body(action) }
        }
    }

    /// One action, or ``StoreError/unknownAction(_:)``.
    public func action(_ url: CanonicalURL) throws -> Action {
        try store.action(url)
    }

    /// One action, refused to `viewer` when its author is hidden from them.
    public func action(_ url: CanonicalURL, seenBy viewer: EmailAddress?) throws -> Action {
        let action = try store.action(url)
        try requireVisible(action.email, to: viewer, among: try peopleHidden(from: viewer))
        return action
    }
}
