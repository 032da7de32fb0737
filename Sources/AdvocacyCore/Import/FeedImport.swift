import Foundation

/// A blog's feed entries read as `article` actions.
///
/// Entries pass through the same import as CSV rows: each becomes a record
/// of `link, title, date` (so a rejects file lists them the same way), then
/// an action of the feed's author.
public enum FeedImport {
    /// The columns of an entry's record.
    public static let header = ["link", "title", "date"]

    /// An entry as a record, on the line of the document where it starts;
    /// a link still relative after the feed's `xml:base` is resolved against
    /// `base` (the feed's own address, else its site).
    public static func record(_ entry: FeedEntry, base: URL? = nil) -> ImportRecord {
        var link = entry.link ?? ""
        if !link.isEmpty, !FeedText.isWebAddress(link), let base, let absolute = URL(string: link, relativeTo: base) {
            link = absolute.absoluteString
        }
        return ImportRecord(line: entry.line, fields: [link, entry.title ?? "", entry.date?.description ?? ""])
    }

    /// One entry's record as an action of `author`, tagged with `projects`.
    ///
    /// The day is the one the feed wrote, in its author's offset, so an
    /// author east of us (up to UTC+14) publishes on what is still tomorrow
    /// here: a day of slack keeps their posts from being refused as future
    /// ones every morning.
    public static func draft(_ record: ImportRecord, author: EmailAddress, projects: [ProjectCode], today: LocalDate) throws
        -> ActionDraft
    {
        let cells = record.fields + Array(repeating: "", count: max(0, header.count - record.fields.count))
        guard !cells[0].isEmpty else { throw CoreError.incompleteFeedEntry(missing: "link") }
        guard !cells[2].isEmpty else { throw CoreError.incompleteFeedEntry(missing: "publication date") }
        var draft = try ActionDraft(
            author: author, url: try CanonicalURL(cells[0]), kind: .article,
            title: cells[1].isEmpty ? nil : ImportCell.headline(cells[1]),
            date: try LocalDate(parsing: cells[2]), projects: projects, today: today.adding(days: 1))
        draft.metricsDate = today
        return draft
    }
}
