import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// A person's consent and its history (the person themself, or an admin).
    public func consent(of email: EmailAddress, by viewerEmail: EmailAddress) throws -> ConsentStatus {
        try store.reading { tx in
            try AccessRules.requireSelfOrAdmin(try tx.actor(viewerEmail), owner: email, to: "see the consent")
            return try tx.consent(of: email)
        }
    }

    /// Records that a person grants or withdraws their consent to being
    /// tracked (the person themself, or an admin). Recording the state the
    /// person is already in changes nothing.
    @discardableResult
    public func recordConsent(_ email: EmailAddress, granted: Bool, by actorEmail: EmailAddress) throws
        -> (status: ConsentStatus, changed: Bool)
    {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireSelfOrAdmin(actor, owner: email, to: granted ? "grant consent" : "withdraw consent")
            return try tx.saveConsent(email, granted: granted, by: actor)
        }
    }

    /// Where a person's consent stands (no permission check: for the
    /// command line's one-line notice after a person's own write).
    public func consentState(of email: EmailAddress) throws -> ConsentState {
        try store.consentState(of: email)
    }

    /// Hides a person's name from others' rankings and reports, or shows it
    /// again (the person themself, or an admin). Returns whether it changed.
    @discardableResult
    public func setHidden(_ email: EmailAddress, _ hidden: Bool, by actorEmail: EmailAddress) throws -> Bool {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireSelfOrAdmin(actor, owner: email, to: hidden ? "hide people" : "unhide people")
            return try tx.setHidden(email, hidden)
        }
    }

    /// Whether a person is hidden from others' rankings.
    public func isHidden(_ email: EmailAddress) throws -> Bool {
        try store.isHidden(email)
    }

    /// Everything held about a person (the person themself, or an admin),
    /// read on one snapshot.
    public func personalData(of email: EmailAddress, by viewerEmail: EmailAddress) throws -> PersonalData {
        try store.reading { tx in
            let actor = try tx.actor(viewerEmail)
            try AccessRules.requireSelfOrAdmin(actor, owner: email, to: "export the personal data")
            var data = try tx.personalData(of: email, by: actor)
            // What `rewards list` shows staff: their entitlement, not the period's budget.
            if actor.role == .staff {
                data.proposals = data.proposals.map(\.withoutBudget)
                for index in data.auditEntries.indices {
                    data.auditEntries[index].before = data.auditEntries[index].before.map(Rationale.withoutBudget)
                    data.auditEntries[index].after = data.auditEntries[index].after.map(Rationale.withoutBudget)
                }
            }
            return data
        }
    }

    /// Removes what is older than the retention period (admin only): actions
    /// published before the cutoff with their metrics snapshots and project
    /// links, and follower counts taken before it, except each channel's
    /// last count before the cutoff, which is still its audience on that
    /// day. One transaction, recorded as one audit entry; with `dryRun`,
    /// only counts.
    public func purge(olderThan retention: RetentionPeriod, today: LocalDate, dryRun: Bool, by actorEmail: EmailAddress) throws
        -> PurgeSummary
    {
        try store.purge(olderThan: retention, today: today, dryRun: dryRun, by: actorEmail) { actor in
            try AccessRules.requireAdmin(actor, to: "purge old data")
        }
    }

    /// Erases a person (admin only): anonymises them in every table and in
    /// the audit trail, under a random pseudonym, so that none of their
    /// strings (email, name, HR id, channel and feed addresses, the
    /// addresses and titles of their actions) remains in the file.
    ///
    /// Their rows stay, attached to the pseudonym: actions, figures, scores,
    /// proposals and approved rewards still add up, and budgets are
    /// unchanged. The person is deactivated. The erasure itself is one
    /// audit entry, naming the pseudonym.
    ///
    /// The change is one transaction with `secure_delete` on (freed space is
    /// zeroed); then the write-ahead log is checkpointed and the file is
    /// rebuilt (`VACUUM`), so no old page keeps a copy.
    public func erase(_ email: EmailAddress, by actorEmail: EmailAddress, random: UInt64 = UInt64.random(in: .min ... .max))
        throws
        -> ErasureSummary
    {
        try store.erase(email, by: actorEmail, random: random) { actor in
            try AccessRules.requireAdmin(actor, to: "erase people's data")
            // The trail keeps who erased: an admin erasing themself would erase that too.
            guard actor.email != email else {
                throw CoreError.permissionDenied(
                    actor: actor.email.value, role: actor.role, operation: "erase their own data", needed: "another admin")
            }
        }
    }
}
