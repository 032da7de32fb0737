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
        var rewritten = 0
        var merged = 0
        var apart: [String] = []
        for stored in candidates {
            guard let canonical = try? CanonicalURL(stored.url), canonical.string != stored.url else { continue }
            let title = stored.titleFromAddress ? ActionDraft.title(from: canonical) : nil
            if let existing = try tx.storedAction(at: canonical), existing.actionID != stored.actionID {
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
