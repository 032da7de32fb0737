import Foundation

/// A blog's feed as ``FeedParser`` reads it: only what an importer needs to
/// log the posts (a title, an address and a day), whatever the dialect.
public struct Feed: Hashable, Sendable {
    /// The dialect the document was written in.
    public enum Format: String, Sendable {
        /// RSS 2.0 (and 0.9x), or RSS 1.0 (`<rdf:RDF>`).
        case rss
        /// Atom 1.0 (RFC 4287).
        case atom
    }

    public var format: Format
    /// The feed's own title, cleaned like an entry's (see ``FeedEntry/title``).
    public var title: String?
    /// The site the feed belongs to: the channel's `<link>` (RSS) or the feed's
    /// alternate `<link href>` (Atom), as written.
    public var link: String?
    /// The posts, in document order.
    public var entries: [FeedEntry]

    public init(format: Format, title: String? = nil, link: String? = nil, entries: [FeedEntry] = []) {
        self.format = format
        self.title = title
        self.link = link
        self.entries = entries
    }
}

/// One post of a ``Feed``: an RSS `<item>` or an Atom `<entry>`.
public struct FeedEntry: Hashable, Sendable {
    /// The title as a reader sees it: entities decoded, CDATA unwrapped, tags of
    /// an HTML title removed, runs of white space made one space, trimmed;
    /// `nil` when nothing is left.
    public var title: String?
    /// The post's address, as written (it may be relative if the feed wrote it
    /// so): RSS `<link>`, else a permalink `<guid>` that is an http(s) address;
    /// Atom `<link rel="alternate">` (or one without `rel`), else an http(s) `<id>`.
    public var link: String?
    /// RSS `<guid>` (or RSS 1.0 `rdf:about`), Atom `<id>`: what identifies the
    /// post across fetches, even when it is not an address.
    public var id: String?
    /// The day the post was published, in the offset the feed wrote the time
    /// with (`2026-09-30T23:30:00-02:00` is 2026-09-30): RSS `<pubDate>` or
    /// `<dc:date>`, Atom `<published>`. `nil` when absent or unreadable.
    public var published: LocalDate?
    /// Atom `<updated>`, read like ``published``.
    public var updated: LocalDate?
    /// The line where the entry starts, so an importer can point at it.
    public var line: Int

    /// The day to file the post under: when it was published, else when it was
    /// last updated (an Atom entry need not say when it was first published).
    public var date: LocalDate? { published ?? updated }

    public init(
        title: String? = nil, link: String? = nil, id: String? = nil, published: LocalDate? = nil, updated: LocalDate? = nil,
        line: Int
    ) {
        self.title = title
        self.link = link
        self.id = id
        self.published = published
        self.updated = updated
        self.line = line
    }
}
