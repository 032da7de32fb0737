import Foundation

/// `outbox.json` from a Mastodon account's archive (Preferences → Import
/// and export → Request your archive): the ActivityStreams collection of
/// what the account did.
///
/// Each `Create` of a `Note` the account wrote publicly is a post (a reply
/// is a comment). Boosts (`Announce`) are someone else's posts, and posts
/// addressed to neither the public nor the followers are direct messages:
/// both are left out and counted, never imported.
public enum MastodonOutbox {
    /// One public post of the archive, as an importer's record
    /// (``header``), with the entry's place in the collection as its line.
    public static let header = ["url", "title", "date", "kind"]

    /// What the archive held, besides its posts.
    public struct Contents: Sendable, Equatable {
        public var records: [ImportRecord]
        public var boosts = 0
        public var directMessages = 0
    }

    static let publicAudience = "https://www.w3.org/ns/activitystreams#Public"

    /// Reads the collection.
    ///
    /// - Throws: ``CoreError/invalidArchive(_:)`` when it is not JSON or not
    ///   an ActivityStreams collection with `orderedItems`.
    public static func read(_ data: Data) throws -> Contents {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw CoreError.invalidArchive("it is not JSON (expected the outbox.json of a Mastodon archive)")
        }
        guard let collection = root as? [String: Any], let items = collection["orderedItems"] as? [Any] else {
            throw CoreError.invalidArchive("it has no orderedItems (expected the outbox.json of a Mastodon archive)")
        }
        var contents = Contents(records: [])
        for (index, item) in items.enumerated() {
            guard let activity = item as? [String: Any] else { continue }
            switch activity["type"] as? String {
            case "Announce":
                contents.boosts += 1
            case "Create":
                guard let note = activity["object"] as? [String: Any], note["type"] as? String == "Note" else { continue }
                let audience = [activity["to"], activity["cc"], note["to"], note["cc"]].flatMap(Self.strings)
                let followers = (activity["actor"] as? String).map { $0 + "/followers" }
                guard audience.contains(publicAudience) || followers.map(audience.contains) == true else {
                    contents.directMessages += 1
                    continue
                }
                let url = (note["url"] as? String) ?? (note["id"] as? String) ?? ""
                let published = (note["published"] as? String) ?? (activity["published"] as? String) ?? ""
                let day = FeedDate.rfc3339(published)?.description ?? ""
                let kind = note["inReplyTo"] is String ? ActionKind.comment : .post
                // The entry's number in the collection stands for its line: a JSON archive has no useful one.
                contents.records.append(
                    ImportRecord(line: index + 1, fields: [url, Self.title(of: note) ?? "", day, kind.rawValue]))
            default:
                continue
            }
        }
        return contents
    }

    /// A note's first line of text, as a reader sees it: its content warning
    /// when it has one, else its content with the markup removed.
    static func title(of note: [String: Any]) -> String? {
        if let warning = note["summary"] as? String, let title = FeedText.title(warning, isHTML: true) { return title }
        guard var html = note["content"] as? String else { return nil }
        for lineBreak in ["<br>", "<br/>", "<br />", "</p>"] { html = html.replacingOccurrences(of: lineBreak, with: "\n") }
        let text = FeedText.decodingEntities(FeedText.strippingTags(FeedText.removingScripts(html)))
        return text.split(whereSeparator: \.isNewline).lazy.compactMap { FeedText.title(String($0), isHTML: false) }.first
    }

    static func strings(_ value: Any?) -> [String] {
        if let text = value as? String { return [text] }
        return (value as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// One post's record as an action of `author`.
    public static func draft(_ record: ImportRecord, author: EmailAddress, today: LocalDate) throws -> ActionDraft {
        let cells = record.fields + Array(repeating: "", count: max(0, header.count - record.fields.count))
        guard !cells[0].isEmpty else { throw CoreError.incompleteFeedEntry(missing: "url") }
        guard !cells[2].isEmpty else { throw CoreError.incompleteFeedEntry(missing: "publication date") }
        return try ActionDraft(
            author: author, url: try CanonicalURL(cells[0]), kind: try ActionKind.parse(cells[3]),
            title: cells[1].isEmpty ? nil : ImportCell.headline(cells[1]), date: try LocalDate(parsing: cells[2]), today: today)
    }
}
