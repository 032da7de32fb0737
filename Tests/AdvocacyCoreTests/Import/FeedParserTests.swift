import AdvocacyCore
import Foundation
import Testing

@Suite("FeedParser")
struct FeedParserTests {
    static func fixture(_ name: String) throws -> Data {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try Data(contentsOf: folder.appendingPathComponent("feeds").appendingPathComponent(name))
    }

    static func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    /// A one-item RSS 2.0 feed around `inner`.
    static func rss(item inner: String) -> Data {
        Data(
            """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
            <item>\(inner)</item>
            </channel></rss>
            """.utf8)
    }

    /// A one-entry Atom feed around `inner`.
    static func atom(entry inner: String) -> Data {
        Data(
            """
            <?xml version="1.0"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry>\(inner)</entry>
            </feed>
            """.utf8)
    }

    static func entry(_ data: Data) throws -> FeedEntry {
        let feed = try FeedParser.parse(data)
        #expect(feed.entries.count == 1)
        return try #require(feed.entries.first)
    }

    // MARK: Fixtures

    @Test func readsRSS2() throws {
        let feed = try FeedParser.parse(Self.fixture("rss2.xml"))
        #expect(feed.format == .rss)
        // The <image>'s title and link and the channel's atom:link must not pass for the channel's.
        #expect(feed.title == "Jane’s notes")
        #expect(feed.link == "https://jane.dev/blog/")
        try #require(feed.entries.count == 5)
        let (cdata, entities, dublinCore, undated, empty) = (
            feed.entries[0], feed.entries[1], feed.entries[2], feed.entries[3], feed.entries[4]
        )

        // CDATA unwrapped and its entity decoded; content:encoded and atom:link ignored.
        #expect(cdata.title == "Swift 6 & Linux: <what> changed")
        #expect(cdata.link == "https://jane.dev/blog/swift-6-linux/")
        #expect(cdata.id == "jane-dev-post-101")
        #expect(cdata.published == (try Self.day("2026-09-30")))
        #expect(cdata.updated == nil)
        #expect(cdata.line == 16)

        // No <link>: the guid is a permalink by default.
        #expect(entities.title == "Café & code: <T> generics")
        #expect(entities.link == "https://jane.dev/blog/cafe-code/")
        #expect(entities.id == "https://jane.dev/blog/cafe-code/")
        // 23:30 at -02:00 is the next day in UTC; the author's day is kept.
        #expect(entities.published == (try Self.day("2026-09-30")))

        #expect(dublinCore.published == (try Self.day("2026-10-02")))
        #expect(dublinCore.date == (try Self.day("2026-10-02")))
        #expect(dublinCore.id == nil)

        #expect(undated.title == "A title over several lines")
        #expect(undated.link == "https://jane.dev/blog/undated/")
        #expect(undated.date == nil)

        // isPermaLink="false": an address-looking guid is still not the link.
        #expect(empty.title == nil)
        #expect(empty.link == nil)
        #expect(empty.id == "https://jane.dev/?p=105")
        #expect(empty.published == nil)
        #expect(empty.line == 42)
    }

    @Test func readsAtom() throws {
        let feed = try FeedParser.parse(Self.fixture("atom.xml"))
        #expect(feed.format == .atom)
        #expect(feed.title == "Jane & friends")
        #expect(feed.link == "https://jane.dev/")
        try #require(feed.entries.count == 4)
        let (html, onlyUpdated, fromID, prefixed) = (feed.entries[0], feed.entries[1], feed.entries[2], feed.entries[3])

        // type="html": tags stripped, then the HTML entities the XML carried are decoded.
        #expect(html.title == "Swift & Linux – a < b")
        // edit, self and a JSON alternate are passed over for the HTML alternate.
        #expect(html.link == "https://jane.dev/posts/swift-linux")
        #expect(html.id == "tag:jane.dev,2026:post-1")
        #expect(html.published == (try Self.day("2026-09-30")))
        #expect(html.updated == (try Self.day("2026-10-01")))
        #expect(html.date == html.published)
        #expect(html.line == 9)

        #expect(onlyUpdated.link == "https://jane.dev/posts/only-updated")
        #expect(onlyUpdated.id == "urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6")
        #expect(onlyUpdated.published == nil)
        #expect(onlyUpdated.date == (try Self.day("2026-09-28")))

        #expect(fromID.title == "An XHTML title")
        #expect(fromID.link == "https://jane.dev/posts/from-id")
        #expect(fromID.published == (try Self.day("2026-10-02")))

        #expect(prefixed.title == "Prefixed entry")
        #expect(prefixed.link == "https://jane.dev/posts/prefixed")
        #expect(prefixed.published == nil)
        // +14:00: in UTC this is still 2026-10-04.
        #expect(prefixed.date == (try Self.day("2026-10-05")))
    }

    @Test func readsAFeedWithoutDates() throws {
        let feed = try FeedParser.parse(Self.fixture("rss-undated.xml"))
        #expect(feed.title == "No dates here")
        #expect(feed.entries.map(\.title) == ["First", "Second"])
        #expect(feed.entries.map(\.link) == ["https://undated.example.com/first", "https://undated.example.com/second"])
        #expect(feed.entries.allSatisfy { $0.date == nil })
    }

    @Test func readsRSS1() throws {
        let feed = try FeedParser.parse(Self.fixture("rss1.rdf"))
        #expect(feed.format == .rss)
        #expect(feed.title == "An RSS 1.0 channel")
        #expect(feed.link == "https://old.example.org/")
        let entry = try #require(feed.entries.first)
        #expect(feed.entries.count == 1)
        #expect(entry.title == "One")
        #expect(entry.link == "https://old.example.org/one")
        #expect(entry.id == "https://old.example.org/one")
        #expect(entry.published == (try Self.day("2026-08-14")))
    }

    @Test func refusesMalformedXMLWithTheLine() throws {
        let error = try #require(throws: CoreError.self) { try FeedParser.parse(Self.fixture("malformed.xml")) }
        guard case .invalidFeed(let line, let reason) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        // <title> opened on line 6 is closed by </item> on line 7.
        #expect(line == 7)
        #expect(reason == "a closing tag does not match the element it closes")
    }

    @Test func refusesAWebPage() throws {
        let error = try #require(throws: CoreError.self) { try FeedParser.parse(Self.fixture("not-a-feed.html")) }
        #expect(
            error
                == .invalidFeed(
                    line: 2, reason: "the document starts with <html> (a web page, not its feed), not <rss> or <feed>"))
        #expect(
            error.localizedDescription
                == "the feed is not valid RSS or Atom (line 2): the document starts with <html> (a web page, not its feed), "
                + "not <rss> or <feed>: expected an RSS 2.0 or Atom document, as a blog publishes at /feed or /atom.xml")
    }

    @Test(arguments: [
        ("", "the document is empty"),
        ("Not XML at all", "the document does not start with an XML element"),
        ("<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body/></opml>", "the document starts with <opml>, not <rss> or <feed>"),
        // An Atom-looking root in no namespace is not Atom.
        ("<feed><entry/></feed>", "the document starts with <feed>, not <rss> or <feed>"),
        ("<rss version=\"2.0\"><channel><title>Fish &chips</title></channel></rss>", "an '&' is not escaped as &amp;"),
        (
            "<rss version=\"2.0\"><channel><title>A&nbsp;B</title></channel></rss>",
            "it uses an undefined entity (an unescaped '&', or an HTML entity such as &nbsp;)"
        ),
    ])
    func refuses(document: String, reason: String) throws {
        let error = try #require(throws: CoreError.self) { try FeedParser.parse(Data(document.utf8)) }
        guard case .invalidFeed(let line, let actual) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(line >= 1)
        #expect(actual == reason)
    }

    @Test func doesNotReadExternalEntities() throws {
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
            <rss version="2.0"><channel><item><title>x&secret;y</title></item></channel></rss>
            """
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let feed = try FeedParser.parse(Data(document.utf8))
            let title = feed.entries.first?.title ?? ""
            if let hostname, !hostname.isEmpty { #expect(!title.contains(hostname)) }
        } catch let error as CoreError {
            guard case .invalidFeed = error else { throw error }
        }
    }

    // MARK: Dates

    @Test(arguments: [
        ("Mon, 30 Sep 2026 18:42:00 +0000", "2026-09-30"),
        ("Wed, 30 Sep 2026 23:30:00 -0200", "2026-09-30"),
        ("Thu, 01 Oct 2026 00:30:00 +0200", "2026-10-01"),
        ("Thu, 01 Oct 2026 00:30:00 +02:00", "2026-10-01"),
        ("Wed, 30 Sep 2026 18:42:00 GMT", "2026-09-30"),
        ("Wed, 30 Sep 2026 18:42:00 UT", "2026-09-30"),
        ("Wed, 30 Sep 2026 18:42:00 Z", "2026-09-30"),
        ("Wed, 30 Sep 2026 22:00:00 EST", "2026-09-30"),
        ("Wed, 30 Sep 2026 22:00:00 EDT", "2026-09-30"),
        ("Wed, 30 Sep 2026 22:00:00 CST", "2026-09-30"),
        ("Wed, 30 Sep 2026 22:00:00 CDT", "2026-09-30"),
        ("Wed, 30 Sep 2026 22:00:00 MST", "2026-09-30"),
        ("Wed, 30 Sep 2026 22:00:00 MDT", "2026-09-30"),
        ("Wed, 30 Sep 2026 22:00:00 PST", "2026-09-30"),
        ("Wed, 30 Sep 2026 22:00:00 PDT", "2026-09-30"),
        ("Fri, 2 Oct 2026 08:00:00 +0000", "2026-10-02"),
        ("2 Oct 2026 08:00:00 +0000", "2026-10-02"),
        ("Fri, 02 Oct 2026 08:00 +0000", "2026-10-02"),
        ("Fri,02 Oct 2026 8:00:00 GMT", "2026-10-02"),
        ("Friday, 02 October 2026 08:00:00 +0000", "2026-10-02"),
        ("fri, 02 OCT 2026 08:00:00 gmt", "2026-10-02"),
        ("Fri, 02 Oct 2026", "2026-10-02"),
        ("Fri, 02 Oct 2026 08:00:00", "2026-10-02"),
        ("Fri, 02 Oct 26 08:00:00 +0000", "2026-10-02"),
        ("Sat, 29 Feb 2028 12:00:00 +0000", "2028-02-29"),
        ("  Fri, 02 Oct 2026 08:00:00 +0000\n", "2026-10-02"),
        // Some generators write RFC 3339 in <pubDate>.
        ("2026-10-02T08:00:00Z", "2026-10-02"),
    ])
    func readsPubDate(text: String, expected: String) throws {
        let entry = try Self.entry(Self.rss(item: "<title>P</title><pubDate>\(text)</pubDate>"))
        #expect(entry.published == (try Self.day(expected)))
    }

    @Test(arguments: [
        "", "sometime last week", "Fri, 32 Oct 2026 08:00:00 +0000", "Fri, 29 Feb 2026 08:00:00 +0000",
        "Fri, 02 Foo 2026 08:00:00 +0000", "Fri, 02 Oct 2026 25:00:00 +0000", "Fri, 02 Oct 2026 08:61:00 +0000",
        "Fri, 02 Oct 2026 08:00:00 +2500", "Fri, 02 Oct 2026 08:00:00 GMT+2", "Fri, 02 Oct 202 08:00:00 +0000",
        "02/10/2026", "Fri, 02 Oct 2026 08:00:00 +0000 extra",
    ])
    func ignoresAnUnreadablePubDate(text: String) throws {
        let entry = try Self.entry(Self.rss(item: "<title>P</title><pubDate>\(text)</pubDate>"))
        #expect(entry.published == nil)
        #expect(entry.title == "P")
    }

    @Test(arguments: [
        ("2026-09-30T23:30:00-02:00", "2026-09-30"),
        ("2026-10-01T00:30:00+02:00", "2026-10-01"),
        ("2026-09-30T18:42:00Z", "2026-09-30"),
        ("2026-09-30T18:42:00.123456Z", "2026-09-30"),
        ("2026-09-30t18:42:00z", "2026-09-30"),
        ("2026-09-30 18:42:00+00:00", "2026-09-30"),
        ("2026-09-30T18:42:00+0000", "2026-09-30"),
        ("2026-09-30T18:42Z", "2026-09-30"),
        ("2026-09-30T23:59:60Z", "2026-09-30"),
        ("2026-09-30", "2026-09-30"),
        ("\n  2026-09-30T18:42:00Z  ", "2026-09-30"),
    ])
    func readsAtomDates(text: String, expected: String) throws {
        let entry = try Self.entry(Self.atom(entry: "<published>\(text)</published><updated>\(text)</updated>"))
        #expect(entry.published == (try Self.day(expected)))
        #expect(entry.updated == (try Self.day(expected)))
        let rss = try Self.entry(Self.rss(item: "<dc:date>\(text)</dc:date>"))
        #expect(rss.published == (try Self.day(expected)))
    }

    @Test(arguments: [
        "", "2026", "2026-09", "2026-9-30", "2026-09-31T10:00:00Z", "2026-09-30T24:00:00Z", "2026-09-30T10:00:00+25:00",
        "2026-09-30T10:00:00.Z", "2026-09-30X10:00:00Z", "2026-09-30T10:00:00Zjunk", "30 Sep 2026", "2026-09-30T10",
    ])
    func ignoresAnUnreadableAtomDate(text: String) throws {
        let entry = try Self.entry(Self.atom(entry: "<title>A</title><published>\(text)</published>"))
        #expect(entry.published == nil)
        #expect(entry.date == nil)
    }

    @Test func prefersPubDateToDublinCoreAndFallsBackWhenItIsUnreadable() throws {
        let both = try Self.entry(
            Self.rss(item: "<pubDate>Fri, 02 Oct 2026 08:00:00 +0000</pubDate><dc:date>2026-10-09</dc:date>"))
        #expect(both.published == (try Self.day("2026-10-02")))
        let unreadable = try Self.entry(Self.rss(item: "<pubDate>soon</pubDate><dc:date>2026-10-09</dc:date>"))
        #expect(unreadable.published == (try Self.day("2026-10-09")))
    }

    // MARK: Titles and links

    @Test(
        arguments: [
            ("<title>Plain &amp; simple</title>", "Plain & simple"),
            ("<title type=\"text\">&lt;b&gt; stays</title>", "<b> stays"),
            ("<title type=\"html\">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; caf&amp;eacute;</title>", "Bold & café"),
            ("<title type=\"html\"><![CDATA[<i>Swift</i> &#x2014; &unknown; &]]></title>", "Swift — &unknown; &"),
            ("<title type=\"html\">a &lt; b &amp;lt; c</title>", "a < b < c"),
            ("<title type=\"html\">&lt;br/&gt;</title>", nil),
            ("<title>\n\t  </title>", nil),
        ] as [(String, String?)])
    func cleansAtomTitles(inner: String, expected: String?) throws {
        #expect(try Self.entry(Self.atom(entry: inner)).title == expected)
    }

    @Test(
        arguments: [
            ("<link href=\"https://a.example/1\" rel=\"alternate\"/><link href=\"https://a.example/2\"/>", "https://a.example/1"),
            ("<link rel=\"self\" href=\"https://a.example/self\"/><link href=\"https://a.example/2\"/>", "https://a.example/2"),
            ("<link rel=\"enclosure\" href=\"https://a.example/a.mp3\"/><id>tag:a.example,2026:1</id>", nil),
            ("<id>http://a.example/from-id</id>", "http://a.example/from-id"),
            ("<link rel=\"alternate\" href=\"  \"/><id>https://a.example/id</id>", "https://a.example/id"),
        ] as [(String, String?)])
    func choosesTheAtomLink(inner: String, expected: String?) throws {
        #expect(try Self.entry(Self.atom(entry: inner)).link == expected)
    }

    @Test(
        arguments: [
            ("<guid>https://r.example/p</guid>", "https://r.example/p"),
            ("<guid isPermaLink=\"true\">https://r.example/p</guid>", "https://r.example/p"),
            ("<guid isPermaLink=\"false\">https://r.example/p</guid>", nil),
            ("<guid>post-1</guid>", nil),
            ("<guid>mailto:x@r.example</guid>", nil),
            ("<link>https://r.example/link</link><guid>https://r.example/guid</guid>", "https://r.example/link"),
        ] as [(String, String?)])
    func choosesTheRSSLink(inner: String, expected: String?) throws {
        #expect(try Self.entry(Self.rss(item: inner)).link == expected)
    }
}
