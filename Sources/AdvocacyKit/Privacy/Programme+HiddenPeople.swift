import AdvocacyCore
import AdvocacyStore

/// What a colleague sees of people who chose not to appear (`privacy hide`):
/// nothing. A staff member other than the person, or someone who did not
/// say who they are, finds no hidden colleague in `employee list`, `channel
/// list` or `action list`, is refused their profile, channels and actions by
/// name, and sees a placeholder row in `rank` (``HiddenPeople``). HR, the
/// cio and admins see them: they decide rewards, review actions, settle
/// flags and run the programme (docs/privacy.md lists these exceptions).
extension Programme {
    /// The hidden people `viewer` may not see: none for HR, the cio and admins.
    func peopleHidden(from viewer: EmailAddress?) throws -> Set<EmailAddress> {
        try store.reading { tx in
            var hidden = try tx.hiddenEmails()
            guard !hidden.isEmpty, let viewer else { return hidden }
            guard try tx.actor(viewer).role == .staff else { return [] }
            hidden.remove(viewer)
            return hidden
        }
    }

    /// Refuses `viewer` a hidden `person` they asked for by name.
    func requireVisible(_ person: EmailAddress, to viewer: EmailAddress?, among hidden: Set<EmailAddress>) throws {
        guard hidden.contains(person) else { return }
        throw CoreError.permissionDenied(
            actor: viewer?.value ?? "someone who did not say who they are (--as)", role: .staff,
            operation: "see \(person), who chose not to appear to colleagues ('advocacy privacy hide')",
            needed: "HR, the cio or an admin")
    }

    /// `error` as `actor` may read it (``StoreError/withoutHiddenOwner(seenBy:hidden:)``).
    static func withoutHiddenOwner(_ error: StoreError, seenBy actor: Actor, in tx: StoreTransaction) throws -> StoreError {
        actor.role == .staff ? error.withoutHiddenOwner(seenBy: actor, hidden: try tx.hiddenEmails()) : error
    }
}
