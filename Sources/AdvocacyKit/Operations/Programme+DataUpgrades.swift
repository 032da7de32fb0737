import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Data upgrade 1: the addresses stored before a post's forms were read
    /// as one (a LinkedIn post's share link and feed link, YouTube's
    /// shorts, Medium's `?source=rss`) are rewritten to their canonical
    /// form, so the post logged again under another form is recognised.
    ///
    /// When a person had logged one post under two forms, the two actions
    /// become one: the first logged is kept, with the other's figures and
    /// projects. When two people had, nothing is merged (whose post it is is
    /// not for an upgrade to decide): the later one keeps its old address,
    /// and the summary names both. A title that was made from the old
    /// address is made again from the new one (never a URN).
    static let canonicalPostAddresses = DataUpgrade(number: 1, name: "canonical-post-addresses") { tx in
        let candidates = try tx.storedAddresses(like: [
            "%://linkedin.com/posts/%", "%://linkedin.com/feed/update/%", "%://linkedin.com/embed/%", "%://youtube.com/%",
            "%source=rss%",
        ])
        return try mergeForms(of: candidates, in: tx) { stored in
            guard let canonical = try? CanonicalURL(stored.url), canonical.string != stored.url else { return nil }
            return (canonical, try tx.storedAction(at: canonical))
        }
    }

    /// Data upgrade 2: X posts logged under two forms of one post, which an
    /// upgrade-1 address did not yet read as one: a post's photo, video or
    /// analytics page (`x.com/jane/status/ID/photo/1`) and the form without an
    /// account (`x.com/i/web/status/ID`). The first becomes the post's address;
    /// the second, when the same person logged the post under its account's
    /// form too, is merged into it, the address that names the account kept.
    static let xStatusAddresses = DataUpgrade(number: 2, name: "x-status-addresses") { tx in
        let candidates = try tx.storedAddresses(like: [
            "%://x.com/%/status/%/%", "%://x.com/%/statuses/%", "%://x.com/i/web/status/%",
        ])
        return try mergeForms(of: candidates, in: tx) { stored in
            let url = CanonicalURL(alreadyCanonical: stored.url)
            if XStatus.namesNoAccount(url) {
                guard let named = try tx.otherXForm(of: url) else { return nil }
                return (named, try tx.storedAction(at: named))
            }
            guard let canonical = try? CanonicalURL(stored.url), canonical.string != stored.url else { return nil }
            return (canonical, try tx.storedAction(at: canonical))
        }
    }

    /// Moves each of `candidates` to the address `target` gives it (with the
    /// action already there, if any). When a person had logged one post
    /// under two forms, the two actions become one: the first logged is
    /// kept, with the other's figures and projects, at the target address.
    /// When two people had, nothing is merged and the summary names both.
    private static func mergeForms(
        of candidates: [StoredAddress], in tx: StoreTransaction,
        target: (StoredAddress) throws -> (url: CanonicalURL, existing: (actionID: Int64, employeeID: Int64)?)?
    ) throws -> String {
        var rewritten = 0
        var merged = 0
        var apart: [String] = []
        for stored in candidates {
            guard let (canonical, existing) = try target(stored) else { continue }
            let title = stored.titleFromAddress ? ActionDraft.title(from: canonical) : nil
            if let existing, existing.actionID != stored.actionID {
                guard existing.employeeID == stored.employeeID else {
                    apart.append("\(stored.url) (kept apart from \(canonical.string), logged by someone else)")
                    continue
                }
                let kept = min(existing.actionID, stored.actionID)
                let duplicate = max(existing.actionID, stored.actionID)
                try tx.merge(duplicate, into: kept)
                try tx.rewriteAddress(of: kept, to: canonical, title: kept == stored.actionID ? title : nil)
                merged += 1
            } else {
                try tx.rewriteAddress(of: stored.actionID, to: canonical, title: title)
                rewritten += 1
            }
        }
        var summary = "rewrote \(rewritten) address\(rewritten == 1 ? "" : "es") to their canonical form"
        summary += ", merged \(merged) post\(merged == 1 ? "" : "s") logged twice by the same person"
        if !apart.isEmpty { summary += "; left \(apart.count) apart: " + apart.prefix(20).joined(separator: "; ") }
        return summary
    }
}
