import Foundation

/// The analytics files X has given its users, told apart by their header.
///
/// - ``tweetActivity``: the classic tweet-activity export (`Tweet id, Tweet
///   permalink, Tweet text, time, impressions, engagements, …`), whose counts
///   may be written as decimals (`424.0`) and `-` when unknown;
/// - ``posts``: today's content export (`Post id, Date, Post text, Post Link,
///   Impressions, Likes, Engagements, Bookmarks, Shares, New follows, Replies,
///   Reposts, …`), dated like `Tue, Jul 14, 2026`;
/// - ``accountOverview``: today's account overview, one row per day (`Date,
///   Impressions, Likes, …, New follows, Unfollows, …`), whose follower
///   changes become follower counts once a count on some day is known.
public enum XExport: String, Sendable, CaseIterable {
    case tweetActivity = "tweet activity"
    case posts = "content (posts)"
    case accountOverview = "account overview"

    /// Which export `header` is, or ``CoreError/unknownExport(found:expected:)``
    /// naming what each of them starts with.
    public static func recognise(header: [String]) throws -> XExport {
        let names = Set(header.map(ImportColumns.fold))
        if names.contains(ImportColumns.fold(TweetActivity.permalink.name)) { return .tweetActivity }
        if names.contains(ImportColumns.fold(Posts.id.name)) || names.contains(ImportColumns.fold(Posts.link.name)) {
            return .posts
        }
        if names.contains(ImportColumns.fold(AccountOverview.date.name))
            && (names.contains(ImportColumns.fold(AccountOverview.newFollows.name))
                || names.contains(ImportColumns.fold(AccountOverview.unfollows.name)))
        {
            return .accountOverview
        }
        throw CoreError.unknownExport(
            found: header,
            expected: [
                "the tweet-activity export (Tweet id, Tweet permalink, Tweet text, time, impressions…)",
                "the content export (Post id, Date, Post text, Post Link, Impressions, Likes…)",
                "the account overview (Date, Impressions, Likes, …, New follows, Unfollows…)",
            ])
    }

    /// The columns this export is read by.
    public var columns: [ImportColumn] {
        switch self {
        case .tweetActivity: TweetActivity.all
        case .posts: Posts.all
        case .accountOverview: AccountOverview.all
        }
    }

    /// One post of a ``tweetActivity`` or ``posts`` file as an action of
    /// `author`, its counters measured `today`: likes count as reactions,
    /// replies as comments, reposts (and, in the content export, shares) as
    /// shares, URL clicks as clicks.
    public func draft(_ record: ImportRecord, in columns: ImportColumns, author: EmailAddress, today: LocalDate) throws
        -> ActionDraft
    {
        switch self {
        case .tweetActivity:
            let address = try CanonicalURL(try ImportCell.required(TweetActivity.permalink, record, columns))
            // "2026-09-30 18:42 +0000": the day as X wrote it.
            let day = try ImportCell.date(String(try ImportCell.required(TweetActivity.time, record, columns).prefix(10)))
            let counters = try MetricsUpdate(
                impressions: Self.count(TweetActivity.impressions, record, columns),
                reactions: Self.count(TweetActivity.likes, record, columns),
                comments: Self.count(TweetActivity.replies, record, columns),
                shares: Self.count(TweetActivity.retweets, record, columns),
                clicks: Self.count(TweetActivity.clicks, record, columns))
            return try ActionDraft(
                author: author, url: address, kind: .post,
                title: columns.text(TweetActivity.text, in: record).map { ImportCell.headline($0) }, date: day,
                metrics: counters, today: today)
        case .posts:
            let address = try CanonicalURL(try ImportCell.required(Posts.link, record, columns))
            let day = try Self.date(try ImportCell.required(Posts.date, record, columns))
            let reposts = try Self.count(Posts.reposts, record, columns)
            let shares = try Self.count(Posts.shares, record, columns)
            let counters = try MetricsUpdate(
                impressions: Self.count(Posts.impressions, record, columns),
                reactions: Self.count(Posts.likes, record, columns),
                comments: Self.count(Posts.replies, record, columns),
                shares: reposts == nil && shares == nil ? nil : (reposts ?? 0) + (shares ?? 0),
                clicks: Self.count(Posts.clicks, record, columns))
            return try ActionDraft(
                author: author, url: address, kind: .post,
                title: columns.text(Posts.text, in: record).map { ImportCell.headline($0) }, date: day, metrics: counters,
                today: today)
        case .accountOverview:
            throw CoreError.unknownExport(
                found: columns.header, expected: ["a file of posts: the account overview holds follower changes, not posts"])
        }
    }

    /// One day of an ``accountOverview`` file: its net follower change
    /// (new follows less unfollows; an unknown one counts as none).
    public static func followerChange(_ record: ImportRecord, in columns: ImportColumns) throws -> (day: LocalDate, net: Int) {
        let day = try date(try ImportCell.required(AccountOverview.date, record, columns))
        let gained = try count(AccountOverview.newFollows, record, columns) ?? 0
        let lost = try count(AccountOverview.unfollows, record, columns) ?? 0
        return (day, gained - lost)
    }

    // MARK: Cells as X writes them

    /// A count as X writes it: `424`, or `424.0` in the classic export;
    /// empty or `-` when unknown (``ImportCell/wholeCount(_:column:)``).
    public static func count(_ column: ImportColumn, _ record: ImportRecord, _ columns: ImportColumns) throws -> Int? {
        guard let text = columns.text(column, in: record) else { return nil }
        return try ImportCell.wholeCount(text, column: column.name)
    }

    /// A day as X writes it: `Tue, Jul 14, 2026` or `Jul 14, 2026` (English
    /// month names, abbreviated or not), or `2026-07-14`.
    public static func date(_ text: String) throws -> LocalDate {
        if let first = text.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            return try ImportCell.date(text)
        }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let weekday = words.first, Self.weekdays.contains(weekday.lowercased().prefix(3)), words.count == 4 {
            words.removeFirst()
        }
        guard words.count == 3, let month = Self.month(words[0]), let day = Int(words[1]), let year = Int(words[2]),
            let date = LocalDate(year: year, month: month, day: day)
        else { throw CoreError.invalidDate(text) }
        return date
    }

    static let weekdays: Set<Substring> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `Jul` or `July` → 7; `Sept` → 9.
    static func month(_ word: String) -> Int? {
        var lowered = Substring(word.lowercased())
        while lowered.first == "." { lowered.removeFirst() }
        while lowered.last == "." { lowered.removeLast() }
        guard lowered.count >= 3, let index = months.firstIndex(of: String(lowered.prefix(3))) else { return nil }
        let full = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december",
        ][index]
        return full.hasPrefix(lowered) || lowered == "sept" ? index + 1 : nil
    }

    // MARK: The columns of each export

    /// The classic tweet-activity export. It has many more columns
    /// (`engagement rate`, `detail expands`...); only these are read.
    public enum TweetActivity {
        public static let permalink = ImportColumn("Tweet permalink")
        public static let text = ImportColumn("Tweet text", required: false)
        public static let time = ImportColumn("time")
        public static let impressions = ImportColumn("impressions", required: false)
        public static let retweets = ImportColumn("retweets", also: ["reposts"], required: false)
        public static let replies = ImportColumn("replies", required: false)
        public static let likes = ImportColumn("likes", also: ["favorites"], required: false)
        public static let clicks = ImportColumn("url clicks", also: ["link clicks"], required: false)
        public static let all = [permalink, text, time, impressions, retweets, replies, likes, clicks]
    }

    /// Today's content export, one post per row.
    public enum Posts {
        public static let id = ImportColumn("Post id", required: false)
        public static let date = ImportColumn("Date")
        public static let text = ImportColumn("Post text", required: false)
        public static let link = ImportColumn("Post Link")
        public static let impressions = ImportColumn("Impressions", required: false)
        public static let likes = ImportColumn("Likes", required: false)
        public static let replies = ImportColumn("Replies", required: false)
        public static let reposts = ImportColumn("Reposts", required: false)
        public static let shares = ImportColumn("Shares", required: false)
        public static let clicks = ImportColumn("URL Clicks", required: false)
        public static let all = [id, date, text, link, impressions, likes, replies, reposts, shares, clicks]
    }

    /// Today's account overview, one day per row.
    public enum AccountOverview {
        public static let date = ImportColumn("Date")
        public static let newFollows = ImportColumn("New follows")
        public static let unfollows = ImportColumn("Unfollows", required: false)
        public static let all = [date, newFollows, unfollows]
    }
}

/// Follower counts rebuilt from daily changes, as X's account overview gives them.
public enum FollowerChanges {
    /// The audience at the end of each day of `changes`, from `base`
    /// followers counted on `baseDay`: later days add the changes after the
    /// base day up to theirs, earlier days take away those after theirs up
    /// to the base day. A day given twice counts once (its last row).
    public static func counts(base: Int, on baseDay: LocalDate, changes: [(day: LocalDate, net: Int)]) -> [LocalDate: Int] {
        var net: [LocalDate: Int] = [:]
        for change in changes { net[change.day] = change.net }
        let days = net.keys.sorted()
        var counts: [LocalDate: Int] = [:]
        // Forward: a later day adds the changes after the base day up to and including its own.
        var running = base
        for day in days where day > baseDay {
            running += net[day] ?? 0
            counts[day] = running
        }
        // Backward: an earlier day is the next known day's count less that
        // day's change (days the file does not give changed nothing).
        running = base
        var next = baseDay
        for day in days.reversed() where day < baseDay {
            running -= net[next] ?? 0
            counts[day] = running
            next = day
        }
        if net[baseDay] != nil { counts[baseDay] = base }
        return counts
    }
}
