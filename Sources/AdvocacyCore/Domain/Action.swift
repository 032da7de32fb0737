import Foundation

/// One advocacy act with its projects and its latest engagement.
public struct Action: Hashable, Encodable, Sendable {
    public var url: CanonicalURL
    public var kind: ActionKind
    public var title: String
    public var date: LocalDate
    /// The author's email and name.
    public var email: EmailAddress
    public var name: String
    public var channel: CanonicalURL
    public var channelKind: ChannelKind
    public var projects: [ProjectCode]
    public var effortHours: Double?
    /// The latest metrics snapshot (zero when none was recorded) and its day.
    public var metrics: Metrics
    public var metricsDate: LocalDate?
    /// Where it stands in review, with the reviewer's reason, who decided and when.
    public var review: ReviewStatus = .accepted
    public var reviewNote: String?
    public var reviewedBy: EmailAddress?
    public var reviewedAt: Date?
    /// Where its latest figures came from; nil without figures.
    public var figureSource: FigureSource?

    public init(
        url: CanonicalURL, kind: ActionKind, title: String, date: LocalDate, email: EmailAddress, name: String,
        channel: CanonicalURL, channelKind: ChannelKind, projects: [ProjectCode], effortHours: Double? = nil,
        metrics: Metrics = .zero, metricsDate: LocalDate? = nil
    ) {
        self.url = url
        self.kind = kind
        self.title = title
        self.date = date
        self.email = email
        self.name = name
        self.channel = channel
        self.channelKind = channelKind
        self.projects = projects
        self.effortHours = effortHours
        self.metrics = metrics
        self.metricsDate = metricsDate
    }

    // JSON is flat: `reactions` sits beside `url`, as scripts expect.
    enum CodingKeys: String, CodingKey {
        case url, kind, title, date, email, name, channel, channelKind, projects, effortHours
        case impressions, reactions, comments, shares, clicks, metricsDate
        case review, reviewNote, reviewedBy, reviewedAt, figureSource
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(date, forKey: .date)
        try c.encode(email, forKey: .email)
        try c.encode(name, forKey: .name)
        try c.encode(channel, forKey: .channel)
        try c.encode(channelKind, forKey: .channelKind)
        try c.encode(projects, forKey: .projects)
        try c.encode(effortHours, forKey: .effortHours)
        try c.encode(metrics.impressions, forKey: .impressions)
        try c.encode(metrics.reactions, forKey: .reactions)
        try c.encode(metrics.comments, forKey: .comments)
        try c.encode(metrics.shares, forKey: .shares)
        try c.encode(metrics.clicks, forKey: .clicks)
        try c.encode(metricsDate, forKey: .metricsDate)
        try c.encode(review, forKey: .review)
        try c.encode(reviewNote, forKey: .reviewNote)
        try c.encode(reviewedBy, forKey: .reviewedBy)
        try c.encode(reviewedAt?.formatted(.iso8601), forKey: .reviewedAt)
        try c.encode(figureSource, forKey: .figureSource)
    }
}

/// An action as a person logs it, before the store finds its channel.
public struct ActionDraft: Hashable, Sendable {
    public var author: EmailAddress
    /// The address, the title and what is worked out from them are fixed
    /// once the draft is made.
    public let url: CanonicalURL
    /// `nil`: taken from the channel's kind (a blog gives an article, YouTube a video).
    public var kind: ActionKind?
    public let title: String
    /// Whether the title was given rather than made from the address: an
    /// import only overwrites a stored title with a given one.
    public let hasGivenTitle: Bool
    /// The title's ``ContentFingerprint`` (0 for a title made from the
    /// address), worked out with the draft: an import makes its drafts on
    /// the thread that reads the file, not the one that writes the database.
    public let contentFingerprint: Int64
    /// The channel the address names, if any (``ChannelLocator/channelURL(forPost:)``),
    /// worked out with the draft for the same reason.
    public let addressChannel: CanonicalURL?
    /// The platform the address is on (``ChannelLocator/inferredKind(of:)``).
    public let addressPlatform: ChannelKind

    /// Whether the address names no account on a platform of accounts: X's
    /// `i/web/status/ID`, a LinkedIn activity without its author's handle, a
    /// YouTube `watch` link. Such a post could be anyone's: logged by hand,
    /// it counts once reviewed or confirmed by the person's own export
    /// (``ReviewStanding/unconfirmed``).
    public var namesNoAccount: Bool {
        addressChannel == nil && [.x, .linkedin, .youtube].contains(addressPlatform)
    }
    public var date: LocalDate
    public var effortHours: Double?
    public var projects: [ProjectCode]
    /// Engagement known when logging, recorded as a snapshot on `metricsDate`.
    public var metrics: MetricsUpdate?
    public var metricsDate: LocalDate

    /// Validates the draft. The title defaults to one made from the address's
    /// last path segment; the date must not be after `today`.
    public init(
        author: EmailAddress, url: CanonicalURL, kind: ActionKind? = nil, title: String? = nil, date: LocalDate,
        effortHours: Double? = nil, projects: [ProjectCode] = [], metrics: MetricsUpdate? = nil, today: LocalDate
    ) throws {
        try date.requireNotAfter(today)
        if let effortHours { try Self.checkEffort(effortHours) }
        self.author = author
        self.url = url
        self.kind = kind
        // The host and path are read once for the title, the fingerprint and the channel.
        let host = url.host, segments = url.pathSegments
        self.title =
            try title.map { try TextField.required($0, field: "title", limit: 500, rule: .title) }
            ?? Self.title(from: url, host: host, segments: segments)
        self.hasGivenTitle = title != nil
        self.date = date
        self.effortHours = effortHours
        var seen = Set<ProjectCode>()
        self.projects = projects.filter { seen.insert($0).inserted }
        self.metrics = metrics.flatMap { $0.isEmpty ? nil : $0 }
        self.metricsDate = today
        // A title made from the address has none (see ContentFingerprint.of(title:url:)).
        self.contentFingerprint =
            title == nil ? 0 : ContentFingerprint.of(title: self.title) { Self.title(from: url, host: host, segments: segments) }
        let platform = ChannelLocator.inferredKind(host: host, segments: segments)
        self.addressChannel = ChannelLocator.channelURL(forPost: url, host: host, segments: segments, kind: platform)
        self.addressPlatform = platform
    }

    /// Refuses effort that is not above 0 and at most 200 hours.
    public static func checkEffort(_ hours: Double) throws {
        guard hours > 0 && hours <= 200 else { throw CoreError.invalidEffort(hours) }
    }

    /// A readable title from a URL: `.../my-first-post.html` → "My first post",
    /// `x.com/jane/status/1` → "Post by @jane", `.../news/123` → "News 123".
    public static func title(from url: CanonicalURL) -> String {
        title(from: url, host: url.host, segments: url.pathSegments)
    }

    /// ``title(from:)`` from the address's host and path segments, already read.
    static func title(from url: CanonicalURL, host: String, segments: [String]) -> String {
        let derived = derivedTitle(from: url, host: host, segments: segments)
        // Printable ASCII with no space at either end needs no cleaning: nearly every address.
        let bytes = derived.utf8
        if let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20,
            bytes.allSatisfy({ (0x20..<0x7F).contains($0) })
        {
            return derived
        }
        // The path is decoded: `%1B` or `%C2%9B` in an address must not become a control character in a title.
        let scalars = derived.unicodeScalars.filter { $0.properties.generalCategory != .control }
        let title = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? host : title
    }

    private static func derivedTitle(from url: CanonicalURL, host: String, segments: [String]) -> String {
        if host == "x.com", segments.count >= 3, segments[1] == "status" { return "Post by @\(segments[0])" }
        // Never a URN as a title.
        if host == "linkedin.com", segments.first == "feed" { return "LinkedIn post" }
        if host == "youtube.com", segments == ["watch"], let id = url.string.split(separator: "v=").last {
            return "YouTube video \(id)"
        }
        let number = segments.last.flatMap { isNumber($0) ? " " + $0 : nil } ?? ""
        let meaningful = segments.last { segment in
            !isNumber(segment) && !["status", "posts", "watch", "index.html"].contains(segment)
        }
        guard var slug = meaningful else { return host + number }
        if let dot = slug.utf8.lastIndex(of: UInt8(ascii: ".")),
            ["html", "htm", "php", "md"].contains(slug[slug.index(after: dot)...].lowercased())
        {
            slug = String(slug[..<dot])
        }
        if let words = asciiWords(slug) { return words.isEmpty ? host + number : words + number }
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "+" }).joined(separator: " ")
        guard let first = words.first else { return host + number }
        return String(first).uppercased() + words.dropFirst() + number
    }

    /// Whether every character of a segment is a number (any script's digits).
    private static func isNumber(_ segment: String) -> Bool {
        // ASCII, nearly always: bytes rather than Characters.
        if segment.utf8.allSatisfy({ $0 < 0x80 }) {
            return segment.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
        return segment.allSatisfy(\.isNumber)
    }

    /// An ASCII slug's words, as ``derivedTitle(from:host:segments:)`` makes
    /// them, byte by byte (nearly every address; a million imported rows
    /// each make one): `-`, `_` and `+` runs become one space, none at the
    /// ends, the first letter capitalised. `nil` when the slug is not ASCII.
    private static func asciiWords(_ slug: String) -> String? {
        var words: [UInt8] = []
        words.reserveCapacity(slug.utf8.count)
        var pendingSpace = false
        for byte in slug.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") {
                pendingSpace = !words.isEmpty
                continue
            }
            if pendingSpace { words.append(UInt8(ascii: " ")) }
            pendingSpace = false
            words.append(byte)
        }
        if let first = words.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) { words[0] = first - 32 }
        return String(decoding: words, as: UTF8.self)
    }
}

/// Which actions to list.
public struct ActionFilter: Hashable, Sendable {
    public var author: EmailAddress?
    public var project: ProjectCode?
    public var period: Period?
    /// Only actions in this review status.
    public var review: ReviewStatus?
    /// Only actions whose latest figures came from this source, or that have none.
    public var figures: FiguresFilter?
    /// Only these actions, by the store's identifiers (those a flag names).
    public var ids: [Int64]?

    /// Where an action's figures came from, for a filter.
    public enum FiguresFilter: Hashable, Sendable {
        case from(FigureSource)
        /// No figures recorded.
        case none
    }

    public init(
        author: EmailAddress? = nil, project: ProjectCode? = nil, period: Period? = nil, review: ReviewStatus? = nil,
        figures: FiguresFilter? = nil, ids: [Int64]? = nil
    ) {
        self.author = author
        self.project = project
        self.period = period
        self.review = review
        self.figures = figures
        self.ids = ids
    }
}
