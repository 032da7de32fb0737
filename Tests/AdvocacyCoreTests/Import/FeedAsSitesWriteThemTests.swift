import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import Testing

/// Feeds as real sites write them: the faults and habits of WordPress,
/// Hugo, Jekyll, Medium and the rest that a reader copes with.
@Suite("Feeds as real sites write them")
struct FeedAsSitesWriteThemTests {
    static func day(_ text: String) -> LocalDate { valid { try LocalDate(parsing: text) } }

    @Test(arguments: ["\n\n", "\u{FEFF}", "\u{FEFF}\r\n  \r\n", "   \t\n"])
    func blankLinesOrAByteOrderMarkBeforeTheDeclarationAreSkipped(prefix: String) throws {
        let feed = try FeedParser.parse(
            Data(
                (prefix + """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Blog</title><link>https://blog.example.fr</link>
                    <item><title>Post</title><link>https://blog.example.fr/post</link><pubDate>Tue, 14 Jul 2026 09:00:00 +0200</pubDate></item>
                    </channel></rss>
                    """).utf8))
        #expect(feed.entries.map(\.title) == ["Post"])
        // The entry's line is the file's, blank lines included.
        let blank = prefix.unicodeScalars.filter { $0 == "\n" }.count
        #expect(feed.entries.first?.line == 3 + blank)
    }

    @Test func relativeLinksAreReadAgainstXMLBaseThenTheFeedsAddress() throws {
        let atom = try FeedParser.parse(
            Data(
                """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://jane.example.org/blog/">
                <title>Jane</title><link href="/" />
                <entry><title>One</title><link href="2026/07/one/" /><id>tag:jane.example.org,2026:1</id><updated>2026-07-14T09:00:00Z</updated></entry>
                <entry xml:base="https://notes.example.org/"><title>Two</title><link href="/two" /><id>tag:2</id><updated>2026-07-15T09:00:00Z</updated></entry>
                <entry><title>Three</title><link href="https://elsewhere.example.com/three" /><id>tag:3</id><updated>2026-07-16T09:00:00Z</updated></entry>
                </feed>
                """.utf8))
        #expect(atom.link == "https://jane.example.org/")
        #expect(
            atom.entries.map(\.link) == [
                "https://jane.example.org/blog/2026/07/one/", "https://notes.example.org/two",
                "https://elsewhere.example.com/three",
            ])

        // No xml:base: the link stays as written, and the import reads it against the feed's address.
        let rss = try FeedParser.parse(
            Data(
                """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Hugo</title><link>/</link>
                <item><title>Post</title><link>/2021/07/14/post/</link><pubDate>Wed, 14 Jul 2021 10:00:00 +0000</pubDate></item>
                </channel></rss>
                """.utf8))
        let entry = try #require(rss.entries.first)
        #expect(entry.link == "/2021/07/14/post/")
        let record = FeedImport.record(entry, base: URL(string: "https://hugo.example.net/index.xml"))
        #expect(record.fields[0] == "https://hugo.example.net/2021/07/14/post/")
    }

    @Test(arguments: [
        // HTML in an RSS title, escaped in the XML or in CDATA, reads as its text.
        ("<title>Using &lt;em&gt;Swift&lt;/em&gt; &amp;amp; Go</title>", "Using Swift & Go"),
        ("<title><![CDATA[Using <em>Swift</em> &amp; Go]]></title>", "Using Swift & Go"),
        // A script or a style is never text.
        ("<title><![CDATA[Hello<script>alert('x')</script> world<style>p{}</style>]]></title>", "Hello world"),
        // Escaped twice by the blog engine: decoded once more.
        ("<title>Fish &amp;amp; Chips &amp;#8211; the sequel</title>", "Fish & Chips – the sequel"),
        // Not HTML: a type parameter or a comparison stays.
        ("<title>Generics: Array&lt;T&gt; and a &lt; b</title>", "Generics: Array<T> and a < b"),
    ])
    func rssTitlesReadAsAReaderShowsThem(inner: String, expected: String) throws {
        let feed = try FeedParser.parse(
            Data(
                """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>T</title>
                <item>\(inner)<link>https://b.example/p</link></item>
                </channel></rss>
                """.utf8))
        #expect(feed.entries.first?.title == expected)
    }

    @Test func feedBurnersOriginalLinkIsThePostsAddress() throws {
        let feed = try FeedParser.parse(
            Data(
                """
                <?xml version="1.0"?>
                <rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>T</title>
                <item><title>Post</title><link>http://feedproxy.google.com/~r/JaneBlog/~3/AbC123/</link>
                <feedburner:origLink>https://jane.example.org/2016/03/post/</feedburner:origLink>
                <pubDate>Tue, 15 Mar 2016 10:00:00 +0000</pubDate></item>
                </channel></rss>
                """.utf8))
        #expect(feed.entries.first?.link == "https://jane.example.org/2016/03/post/")
    }

    @Test func aBase64AtomTitleIsDecoded() throws {
        let title = Data("Kafka à l'échelle".utf8).base64EncodedString()
        let feed = try FeedParser.parse(
            Data(
                """
                <?xml version="1.0"?>
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title>
                <entry><title mode="base64" type="text/plain">\(title)</title><link rel="alternate" href="https://b.example/k"/><issued>2026-07-14T09:00:00Z</issued></entry>
                </feed>
                """.utf8))
        #expect(feed.entries.first?.title == "Kafka à l'échelle")
    }

    @Test func dublinCoreDatesAreReadToo() throws {
        let rss = try FeedParser.parse(
            Data(
                """
                <?xml version="1.0"?>
                <rss version="2.0" xmlns:dcterms="http://purl.org/dc/terms/"><channel><title>T</title>
                <item><title>A</title><link>https://b.example/a</link><dcterms:modified>2026-07-20T10:00:00+02:00</dcterms:modified></item>
                <item><title>B</title><link>https://b.example/b</link><dcterms:created>2026-07-18</dcterms:created></item>
                </channel></rss>
                """.utf8))
        #expect(rss.entries.map(\.date) == [Self.day("2026-07-20"), Self.day("2026-07-18")])
        let atom = try FeedParser.parse(
            Data(
                """
                <?xml version="1.0"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><title>T</title>
                <entry><title>C</title><link href="https://b.example/c"/><id>tag:c</id><dc:date>2026-07-21T08:00:00Z</dc:date></entry>
                </feed>
                """.utf8))
        #expect(atom.entries.first?.date == Self.day("2026-07-21"))
    }

    @Test func anAuthorEastOfUsIsNotRefusedAsWritingInTheFuture() throws {
        let jane = try EmailAddress("jane@corp.fr")
        let today = Self.day("2026-11-21")
        func draft(_ date: String) throws -> ActionDraft {
            try FeedImport.draft(
                ImportRecord(line: 3, fields: ["https://b.example/p", "P", date]), author: jane, projects: [], today: today)
        }
        // Written at 08:00 in Auckland (UTC+13), the 22nd there is still the 21st here.
        #expect(try draft("2026-11-22").date == Self.day("2026-11-22"))
        #expect(try draft("2026-11-22").metricsDate == today)
        #expect(throws: CoreError.futureDate(Self.day("2026-11-23"), today: Self.day("2026-11-22"))) {
            try draft("2026-11-23")
        }
    }

    @Test func aBrokenFeedIsDescribedInWordsWithoutLibraryNumbers() {
        for broken in ["<rss><channel><item></channel></rss>", "<?xml version=\"1.0\"?><rss>&bogus;</rss>", "<rss>\u{0}</rss>"] {
            do {
                _ = try FeedParser.parse(Data(broken.utf8))
                Issue.record("'\(broken)' was read")
            } catch {
                #expect(!error.localizedDescription.contains("libxml"), "\(error.localizedDescription)")
                #expect(!error.localizedDescription.contains("error "), "\(error.localizedDescription)")
            }
        }
    }

    @Test func anEntityBombIsRefusedWithoutExpandingIt() {
        var document = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            document += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        document += "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>"
        #expect {
            try FeedParser.parse(Data(document.utf8))
        } throws: { error in
            error.localizedDescription.contains("an entity bomb")
        }
    }

    /// Two inputs the fuzzer found that stop Foundation's XMLParser with a
    /// trap: a processing instruction without data, and a name that is not
    /// UTF-8. The first is read, the second refused with its line.
    @Test func documentsThatCrashFoundationsParserAreReadOrRefused() throws {
        let withInstruction = Data(
            """
            <?xml version="1.0"?><?xml-stylesheet?>
            <rss version="2.0"><?foo?><channel><title>Blog</title><item><title>A <?b?>post</title>\
            <link>https://blog.example.org/a</link><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>
            """.utf8)
        let feed = try FeedParser.parse(withInstruction)
        #expect(feed.entries.count == 1 && feed.entries.first?.link == "https://blog.example.org/a")
        var badName = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<h".utf8)
        badName.append(contentsOf: [0xFF])
        badName.append(contentsOf: Array("ml></h\u{FF}ml></rss>".utf8))
        #expect(
            throws: CoreError.invalidFeed(line: 3, reason: "it is not valid UTF-8 text (byte 62 cannot be part of a character)")
        ) {
            try FeedParser.parse(badName)
        }
        // Found by the fuzzer: an encoding libxml2 does not know passes raw bytes on, so it is checked as UTF-8.
        var unknown = Data("<?xml version=\"1.0\" encoding=\"utf-6\"?>\n<feed xms".utf8)
        unknown.append(contentsOf: [0xFF, 0xFF])
        unknown.append(contentsOf: Array("=\"x\"></feed>".utf8))
        #expect(throws: CoreError.self) { try FeedParser.parse(unknown) }
        // Latin-1, declared, is another encoding: its bytes are characters.
        var latin = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf".utf8)
        latin.append(contentsOf: [0xE9])
        latin.append(contentsOf: Array("</title></channel></rss>".utf8))
        #expect(try FeedParser.parse(latin).title == "Café")
    }
}
