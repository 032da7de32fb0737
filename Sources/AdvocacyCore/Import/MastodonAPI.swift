import Foundation

/// A Mastodon instance's public API, as `sync mastodon` reads it: the
/// account found by its name (`/api/v1/accounts/lookup?acct=USER`), then its
/// statuses a page at a time (`/api/v1/accounts/ID/statuses`), each with
/// its `replies_count`, `reblogs_count` and `favourites_count`. No token is
/// needed: these are what the instance shows anyone.
public enum MastodonAPI {
    /// Statuses asked for per page: the most the API gives.
    public static let pageSize = 40
    /// Pages read per account and sync: the latest 1,000 statuses, far more
    /// than a period holds; older posts keep the figures last fetched.
    public static let pageLimit = 25

    /// A status as an importer's record: `url, title, date, kind`, as
    /// ``MastodonOutbox/header``, then `favourites, replies, reblogs`.
    public static let header = MastodonOutbox.header + ["favourites", "replies", "reblogs"]

    /// The instance's address and the user of a Mastodon profile
    /// (`https://instance/@user`), or `nil` when `profile` is not one.
    public static func account(of profile: CanonicalURL) -> (instance: String, user: String)? {
        let segments = profile.pathSegments
        guard segments.count == 1, segments[0].hasPrefix("@"), segments[0].count > 1 else { return nil }
        return (profile.root.string, String(segments[0].dropFirst()))
    }

    /// The address that finds `user`'s account on `instance`.
    public static func lookupAddress(instance: String, user: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#")
        return "\(instance)/api/v1/accounts/lookup?acct=\(user.addingPercentEncoding(withAllowedCharacters: allowed) ?? user)"
    }

    /// The address of a page of the account's own statuses (no boosts), the
    /// next one older than `olderThan` when given.
    public static func statusesAddress(instance: String, account: String, olderThan: String? = nil) -> String {
        var address = "\(instance)/api/v1/accounts/\(account)/statuses?limit=\(pageSize)&exclude_reblogs=true"
        if let olderThan { address += "&max_id=\(olderThan)" }
        return address
    }

    /// The account the lookup answered: its id and follower count.
    ///
    /// - Throws: ``CoreError/invalidAPIAnswer(_:)`` when the answer is not an account.
    public static func account(_ data: Data) throws -> (id: String, followers: Int?) {
        guard let account = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let id = account["id"] as? String, id.utf8.allSatisfy({ (48...57).contains($0) })
        else {
            throw CoreError.invalidAPIAnswer("the instance's answer to the account lookup is not a Mastodon account")
        }
        let followers = (account["followers_count"] as? NSNumber)?.intValue
        return (id, followers.flatMap { $0 >= 0 ? $0 : nil })
    }

    /// A page of statuses: the records of the public and unlisted ones that
    /// are the account's own (boosts and private posts are left out), and
    /// the id of the page's oldest, to ask for the next.
    ///
    /// - Throws: ``CoreError/invalidAPIAnswer(_:)`` when the answer is not a list of statuses.
    public static func statuses(_ data: Data) throws -> (records: [ImportRecord], oldest: String?) {
        guard let statuses = try? JSONSerialization.jsonObject(with: data) as? [Any] else {
            throw CoreError.invalidAPIAnswer("the instance's answer is not a list of statuses")
        }
        var records: [ImportRecord] = []
        var oldest: String?
        for (index, item) in statuses.enumerated() {
            guard let status = item as? [String: Any] else { continue }
            if let id = status["id"] as? String { oldest = id }
            guard status["reblog"] == nil || status["reblog"] is NSNull,
                ["public", "unlisted"].contains(status["visibility"] as? String ?? "public")
            else { continue }
            let note: [String: Any] = ["summary": status["spoiler_text"] ?? "", "content": status["content"] ?? ""]
            let day = FeedDate.rfc3339(status["created_at"] as? String ?? "")?.description ?? ""
            let kind = status["in_reply_to_id"] is String ? ActionKind.comment : .post
            let counts = ["favourites_count", "replies_count", "reblogs_count"].map { key in
                (status[key] as? NSNumber).map { "\($0.intValue)" } ?? ""
            }
            records.append(
                ImportRecord(
                    line: index + 1,
                    fields: [status["url"] as? String ?? "", MastodonOutbox.title(of: note) ?? "", day, kind.rawValue] + counts))
        }
        return (records, oldest)
    }

    /// A status's record as an action of `author`, with its figures
    /// (favourites as reactions, replies as comments, boosts as shares).
    public static func draft(_ record: ImportRecord, author: EmailAddress, today: LocalDate) throws -> ActionDraft {
        var draft = try MastodonOutbox.draft(record, author: author, today: today)
        let cells = record.fields + Array(repeating: "", count: max(0, header.count - record.fields.count))
        let count = { (index: Int) -> Int? in Int(cells[index]) }
        let figures = try MetricsUpdate(reactions: count(4), comments: count(5), shares: count(6))
        draft.metrics = figures.isEmpty ? nil : figures
        return draft
    }
}
