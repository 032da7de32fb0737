import Foundation

/// LinkedIn's post ids, and how two of them are told to be one post.
///
/// A post has an activity id (`urn:li:activity:ID`, in the links people
/// share) and a share or ugcPost id (`urn:li:share:ID`, `urn:li:ugcPost:ID`,
/// in the member's data export): different numbers for one post. Each id is
/// a snowflake whose high bits are its creation time (the id shifted right
/// by 22 bits is milliseconds since 1970), and both are made within moments
/// of each other, so one is found from the other by time, for the same
/// owner, never by address.
public enum LinkedInPost {
    /// Two ids of one post are made within this of each other. Measured
    /// pairs differ by well under a second; a person posting twice within
    /// five seconds is the doubt the lookup refuses to settle.
    public static let tolerance: TimeInterval = 5

    /// The kind and number of a canonical LinkedIn post address, if it is one.
    public static func urn(of url: CanonicalURL) -> (kind: String, id: UInt64)? {
        let prefix = "https://linkedin.com/feed/update/urn:li:"
        guard url.string.hasPrefix(prefix) else { return nil }
        let parts = url.string.dropFirst(prefix.count).split(separator: ":")
        guard parts.count == 2, let id = UInt64(parts[1]) else { return nil }
        return (String(parts[0]), id)
    }

    /// When the id was made.
    public static func created(_ id: UInt64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(id >> 22) / 1000)
    }

    /// What a lookup of one post among a person's known ones found.
    public enum Match: Equatable, Sendable {
        /// No known post was made within the tolerance.
        case none
        /// Exactly one was: the same post under its other id.
        case same(CanonicalURL)
        /// Several were: which one it is stays a question for a person.
        case ambiguous([CanonicalURL])
    }

    /// Which of `known` (the same owner's LinkedIn posts) `url` is under
    /// another id: the ones of another kind made within ``tolerance`` of it.
    /// The same address is not a match (it is the same row already).
    public static func match(_ url: CanonicalURL, among known: [CanonicalURL]) -> Match {
        guard let post = urn(of: url) else { return .none }
        let made = created(post.id)
        let candidates = known.filter { other in
            guard other != url, let otherPost = urn(of: other), otherPost.kind != post.kind else { return false }
            return abs(created(otherPost.id).timeIntervalSince(made)) <= tolerance
        }
        switch candidates.count {
        case 0: return .none
        case 1: return .same(candidates[0])
        default: return .ambiguous(candidates.sorted())
        }
    }
}

/// `Shares.csv` from LinkedIn's "Get a copy of your data": one row per post
/// or share the member made.
public enum LinkedInShares {
    public static let date = ImportColumn("Date")
    public static let link = ImportColumn("ShareLink")
    public static let commentary = ImportColumn("ShareCommentary", required: false)
    public static let sharedURL = ImportColumn("SharedUrl", required: false)
    public static let mediaURL = ImportColumn("MediaUrl", required: false)
    public static let visibility = ImportColumn("Visibility", required: false)
    public static let all = [date, link, commentary, sharedURL, mediaURL, visibility]

    /// One row as an action of `author`: a `post`, or a `share` when the
    /// member only passed on a link (no commentary, a shared address),
    /// titled with the commentary's first line, shortened. When one of
    /// `known` (the author's LinkedIn posts already logged) is the same post
    /// under its other id, the row is that action (``LinkedInPost/match(_:among:)``);
    /// when several could be, the row is refused, naming them.
    public static func draft(
        _ record: ImportRecord, in columns: ImportColumns, author: EmailAddress, today: LocalDate, known: [CanonicalURL] = []
    ) throws -> ActionDraft {
        var address = try CanonicalURL(try ImportCell.required(link, record, columns))
        switch LinkedInPost.match(address, among: known) {
        case .none: break
        case .same(let logged): address = logged
        case .ambiguous(let candidates):
            throw CoreError.ambiguousPost(address.string, candidates: candidates.map(\.string))
        }
        // "2024-11-02 09:15:22", in UTC.
        let day = try ImportCell.date(try ImportCell.required(date, record, columns))
        let text = columns.text(commentary, in: record)
        let firstLine = text.flatMap(ImportCell.firstLine(of:))
        let isShare = firstLine == nil && columns.text(sharedURL, in: record) != nil
        return try ActionDraft(
            author: author, url: address, kind: isShare ? .share : .post,
            title: firstLine.map { ImportCell.headline(String($0)) }, date: day, today: today)
    }
}
