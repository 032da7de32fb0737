import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// The actions matching `filter` (by default, those awaiting review),
    /// newest first, for a reviewer: the cio or an admin.
    public func reviewQueue(_ filter: ActionFilter = ActionFilter(review: .pending), by actor: EmailAddress) throws -> [Action] {
        try store.reading { transaction in
            try AccessRules.requireRole(try transaction.actor(actor), in: [.cio, .admin], to: "review actions")
            return try transaction.actions(matching: filter)
        }
    }

    /// Accepts the actions at `urls` as they are: each then counts in full
    /// (cio or admin, never on their own work). All or none.
    @discardableResult
    public func acceptActions(_ urls: [CanonicalURL], note: String? = nil, today: LocalDate, by actor: EmailAddress) throws
        -> [Action]
    {
        try decide(urls, by: actor) { transaction, url, reviewer in
            try transaction.decideReview(url, .accepted, reason: note, today: today, by: reviewer)
        }
    }

    /// Accepts every pending action matching `filter` (whatever status the
    /// filter names), but the reviewer's own, which another reviewer
    /// decides: for a queue of imported history, checked as a whole.
    /// Returns how many were accepted and how many of the reviewer's own
    /// were left pending.
    public func acceptPending(
        matching filter: ActionFilter, note: String? = nil, today: LocalDate, by actor: EmailAddress
    ) throws -> (accepted: Int, leftOwn: Int) {
        var pending = filter
        pending.review = .pending
        return try store.writing(as: actor) { transaction, reviewer in
            try AccessRules.requireRole(reviewer, in: [.cio, .admin], to: "review actions")
            let found = try transaction.actions(matching: pending)
            let others = found.filter { $0.email != reviewer.email }
            for action in others {
                try transaction.recordReview(action.url, .accepted, reason: note, today: today, by: reviewer)
            }
            return (others.count, found.count - others.count)
        }
    }

    /// Rejects the actions at `urls`, for `reason`, which their authors
    /// see: each then counts for nothing (cio or admin, never on their own
    /// work). All or none.
    @discardableResult
    public func rejectActions(_ urls: [CanonicalURL], reason: String, today: LocalDate, by actor: EmailAddress) throws
        -> [Action]
    {
        try decide(urls, by: actor) { transaction, url, reviewer in
            let reason = try TextField.required(reason, field: "reason", limit: 1_000)
            return try transaction.decideReview(url, .rejected, reason: reason, today: today, by: reviewer)
        }
    }

    /// Accepts the action at `url` with corrected effort or figures, for
    /// `reason`: it is then partly accepted and counts in full, as corrected
    /// (cio or admin, never on their own work).
    @discardableResult
    public func adjustAction(
        _ url: CanonicalURL, effortHours: Double?, metrics: MetricsUpdate?, reason: String, today: LocalDate,
        by actor: EmailAddress
    ) throws -> Action {
        try decide([url], by: actor) { transaction, url, reviewer in
            let reason = try TextField.required(reason, field: "reason", limit: 1_000)
            if let effortHours { try ActionDraft.checkEffort(effortHours) }
            guard effortHours != nil || metrics != nil else {
                throw CoreError.emptyText(field: "correction (an effort or a figure)")
            }
            return try transaction.decideReview(
                url, .partlyAccepted, reason: reason, effortHours: effortHours, metrics: metrics, today: today, by: reviewer)
        }[0]
    }

    private func decide(
        _ urls: [CanonicalURL], by actor: EmailAddress,
        _ body: (StoreTransaction, CanonicalURL, Actor) throws -> Action
    ) throws -> [Action] {
        try store.writing(as: actor) { transaction, reviewer in
            try AccessRules.requireRole(reviewer, in: [.cio, .admin], to: "review actions")
            var seen: Set<CanonicalURL> = []
            return try urls.filter { seen.insert($0).inserted }.map { url in
                guard try transaction.action(url).email != reviewer.email else {
                    throw CoreError.ownWorkReview(url: url.string)
                }
                return try body(transaction, url, reviewer)
            }
        }
    }
}
