import AdvocacyCore
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import Testing

@testable import AdvocacyCLI

/// Feeds fetched over real HTTP from a server the test starts on 127.0.0.1.
@Suite("Feed import and sync")
struct FeedSyncCLITests {
    let admin = "admin@corp.fr"

    /// The test programme, allowed to fetch from the test server on the
    /// loopback (internal addresses are refused unless an admin allows them).
    static func programme() throws -> CLIHarness {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("settings", "set", "fetch.allowed-hosts", "127.0.0.1", as: "admin@corp.fr")
        return cli
    }

    static func rss(_ items: [(link: String, title: String, date: String?)]) -> Data {
        let body = items.map { item in
            """
                <item><title><![CDATA[\(item.title)]]></title><link>\(item.link)</link>\
            \(item.date.map { "<pubDate>\($0)</pubDate>" } ?? "")</item>
            """
        }.joined(separator: "\n")
        return Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Blog</title><link>https://example.org/</link>
            \(body)
            </channel></rss>
            """.utf8)
    }

    static let atom = Data(
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Paul</title>
          <entry><title type="html">Zero trust &amp;amp; SSO</title><link rel="alternate" href="https://paul.example.org/posts/zero-trust"/>
            <id>urn:uuid:1</id><published>2026-11-02T09:00:00+01:00</published><updated>2026-11-03T09:00:00+01:00</updated></entry>
          <entry><title>Sans date de publication</title><link href="https://paul.example.org/posts/sso"/><id>urn:uuid:2</id>
            <updated>2026-11-10T23:30:00-02:00</updated></entry>
        </feed>
        """.utf8)

    @Test func syncReadsEveryFeedAndReportsEachFailureWithoutStoppingTheOthers() throws {
        let cli = try Self.programme()
        for name in ["lea", "marc", "nina", "omar"] {
            try cli.expectSuccess("employee", "add", "\(name)@corp.fr", "--name", name.capitalized, as: admin)
            try cli.expectSuccess("privacy", "consent", "\(name)@corp.fr", "--grant", as: admin)
        }
        let routes: [String: LocalHTTPServer.Response] = [
            "/jane/feed": .init(
                status: 200, headers: ["Content-Type": "application/rss+xml"],
                body: Self.rss([
                    ("https://blog.jane.dev/refonte-erp", "Refonte ERP &amp; retour", "Thu, 01 Oct 2026 08:00:00 +0200"),
                    ("https://blog.jane.dev/data-mesh", "Data mesh", "Mon, 5 Oct 2026 10:00 GMT"),
                ])),
            "/paul/old-feed": .init(status: 301, headers: ["Location": "/paul/atom.xml"]),
            "/paul/atom.xml": .init(status: 200, headers: ["Content-Type": "application/atom+xml"], body: Self.atom),
            "/lea/feed": .init(status: 500, body: Data("oops".utf8)),
            "/marc/feed": .init(status: 200, body: Data("<html><body>not a feed".utf8)),
            "/nina/feed": .init(status: 200, body: Self.rss([("https://nina.example.org/a", "A", nil)]), delay: 10),
        ]
        let server = try LocalHTTPServer(routes: routes)
        defer { server.stop() }
        let channels: [(String, String, String)] = [
            ("jane@corp.fr", "https://blog.jane.dev", "/jane/feed"),
            ("paul@corp.fr", "https://paul.example.org", "/paul/old-feed"),
            ("lea@corp.fr", "https://lea.example.org", "/lea/feed"), ("marc@corp.fr", "https://marc.example.org", "/marc/feed"),
            ("nina@corp.fr", "https://nina.example.org", "/nina/feed"),
            ("omar@corp.fr", "https://omar.example.org", "/omar/feed"),
        ]
        for (owner, url, path) in channels {
            try cli.expectSuccess("channel", "add", owner, url, "--kind", "blog", "--feed", server.url(path), as: admin)
        }

        // 3 s, not 1: the local answers must come within it while the whole suite loads both cores.
        let result = cli.run(["sync", "feeds", "--timeout", "3"], as: admin)
        #expect(result.status == 1)
        #expect(
            result.output.contains("https://blog.jane.dev: inserted 2, updated 0, unchanged 0, rejected 0"), "\(result.output)")
        #expect(result.output.contains("https://paul.example.org: inserted 2, updated 0, unchanged 0, rejected 0"))
        #expect(result.error.contains("https://lea.example.org: failed: the server answered 500"))
        #expect(result.error.contains("https://marc.example.org: failed:") && result.error.contains("not valid RSS or Atom"))
        #expect(result.error.contains("https://nina.example.org: failed: no answer within 3 s"))
        #expect(result.error.contains("https://omar.example.org: failed: the server answered 404"))
        #expect(result.output.contains("6 feeds, 4 failed: inserted 4, updated 0, unchanged 0, rejected 0"))
        #expect(result.errorLines.last == "error: 4 of 6 channels could not be synchronised (see above); the others were")
        #expect(server.requests.contains("/paul/atom.xml"))

        let store = try AdvocacyStore.open(atPath: cli.databasePath)
        let actions = try store.actions()
        #expect(
            Set(actions.map(\.url.string)) == [
                "https://blog.jane.dev/refonte-erp", "https://blog.jane.dev/data-mesh",
                "https://paul.example.org/posts/zero-trust",
                "https://paul.example.org/posts/sso",
            ])
        #expect(actions.allSatisfy { $0.kind == .article })
        let zeroTrust = try #require(actions.first { $0.url.string.hasSuffix("zero-trust") })
        #expect(zeroTrust.title == "Zero trust & SSO" && zeroTrust.date.description == "2026-11-02")
        #expect(actions.first { $0.url.string.hasSuffix("/sso") }?.date.description == "2026-11-10")
        #expect(actions.first { $0.url.string.hasSuffix("refonte-erp") }?.title == "Refonte ERP & retour")

        // Again, for one channel: nothing new.
        let again = try cli.expectSuccess("sync", "feeds", "--channel", "https://blog.jane.dev", as: "jane@corp.fr")
        #expect(again.output.contains("https://blog.jane.dev: inserted 0, updated 0, unchanged 2, rejected 0"))
    }

    @Test func staffSyncOnlyTheirOwnFeeds() throws {
        let cli = try Self.programme()
        let server = try LocalHTTPServer(routes: ["/feed": .init(status: 200, body: Self.rss([]))])
        defer { server.stop() }
        try cli.expectSuccess(
            "channel", "add", "paul@corp.fr", "https://paul.example.org", "--feed", server.url("/feed"), as: admin)
        let own = try cli.expectSuccess("sync", "feeds", as: "jane@corp.fr")
        #expect(own.output.contains("0 feeds, 0 failed"))
        let other = cli.run(["sync", "feeds", "--channel", "https://paul.example.org"], as: "jane@corp.fr")
        #expect(other.status == ExitStatus.permissionRefused)
    }

    @Test func aFeedFileImportsAndAnUndatedEntryIsAnInvalidRow() throws {
        let cli = try Self.programme()
        let path = cli.folder.appendingPathComponent("feed.xml").path
        try Self.rss([
            ("https://blog.jane.dev/a", "Premier article", "Thu, 01 Oct 2026 08:00:00 +0200"),
            ("https://blog.jane.dev/b", "Sans date", nil),
        ]).write(to: URL(fileURLWithPath: path))
        let refused = cli.run(["import", "feed", path, "--project", "ERP-2027"], as: "jane@corp.fr")
        #expect(refused.status == 1)
        #expect(refused.error.contains("feed.xml:4: the entry has no publication date"), "\(refused.error)")
        let skipped = try cli.expectSuccess("import", "feed", path, "--project", "ERP-2027", "--skip-invalid", as: "jane@corp.fr")
        #expect(skipped.output.contains("inserted 1, updated 0, unchanged 0, rejected 1"))
        #expect(FileManager.default.fileExists(atPath: path + ".rejects.csv"))
        let article = try AdvocacyStore.open(atPath: cli.databasePath).actions().first
        #expect(article?.projects.map(\.value) == ["ERP-2027"] && article?.channel.string == "https://blog.jane.dev")
    }

    @Test func syncSkipsAnUnusableEntryAndImportsTheChannelsOthers() throws {
        let cli = try Self.programme()
        let server = try LocalHTTPServer(routes: [
            "/jane/feed": .init(
                status: 200,
                body: Self.rss([
                    ("https://blog.jane.dev/a", "Premier", "Thu, 01 Oct 2026 08:00:00 +0200"),
                    ("https://blog.jane.dev/b", "Sans date", nil),
                    ("https://blog.jane.dev/c", "Programmé", "Mon, 30 Nov 2026 08:00:00 +0100"),
                    ("https://blog.jane.dev/d", "Dernier", "Mon, 02 Nov 2026 08:00:00 +0100"),
                ]))
        ])
        defer { server.stop() }
        try cli.expectSuccess(
            "channel", "add", "jane@corp.fr", "https://blog.jane.dev", "--kind", "blog", "--feed", server.url("/jane/feed"),
            as: "jane@corp.fr")
        let result = try cli.expectSuccess("sync", "feeds", as: "jane@corp.fr")
        #expect(
            result.output.contains("https://blog.jane.dev: inserted 2, updated 0, unchanged 0, rejected 2"), "\(result.output)")
        #expect(result.error.contains("the entry has no publication date"), "\(result.error)")
        #expect(result.error.contains("2026-11-30 is in the future"), "\(result.error)")
        #expect(
            try AdvocacyStore.open(atPath: cli.databasePath).actions().map(\.url.string).sorted() == [
                "https://blog.jane.dev/a", "https://blog.jane.dev/d",
            ])
    }

    @Test func whatConcernsTheWholeImportIsSaidOnce() throws {
        let cli = try Self.programme()
        let path = cli.folder.appendingPathComponent("feed.xml").path
        try Self.rss([
            ("https://blog.jane.dev/a", "A", "Thu, 01 Oct 2026 08:00:00 +0200"),
            ("https://blog.jane.dev/b", "B", "Fri, 02 Oct 2026 08:00:00 +0200"),
            ("https://blog.jane.dev/c", "C", "Sat, 03 Oct 2026 08:00:00 +0200"),
        ]).write(to: URL(fileURLWithPath: path))
        let cases: [([String], String, String)] = [
            (["--project", "NOPE-1"], "jane@corp.fr", "NOPE-1"),
            (["--for", "ghost@corp.fr"], admin, "ghost@corp.fr"),
            (["--for", "paul@corp.fr"], "jane@corp.fr", "may not import actions for others"),
        ]
        for (options, actor, word) in cases {
            let result = cli.run(["import", "feed", path] + options + ["--skip-invalid"], as: actor)
            #expect(result.status != 0, "\(options)")
            #expect(result.errorLines.count == 1, "\(options): \(result.error)")
            #expect(result.error.contains(word), "\(options): \(result.error)")
        }
        try cli.expectSuccess("privacy", "consent", "jane@corp.fr", "--withdraw", as: "jane@corp.fr")
        let withdrawn = cli.run(["import", "feed", path], as: "jane@corp.fr")
        #expect(withdrawn.status == 1 && withdrawn.errorLines.count == 1, "\(withdrawn.error)")
        #expect(withdrawn.error.contains("withdrew"), "\(withdrawn.error)")
        #expect(try AdvocacyStore.open(atPath: cli.databasePath).actions().isEmpty)
    }

    @Test func aChannelMadeByAnImportGetsItsFeedAttachedAndSyncs() throws {
        let cli = try Self.programme()
        let server = try LocalHTTPServer(routes: [
            "/feed": .init(status: 200, body: Self.rss([("https://blog.jane.dev/a", "A", "Thu, 01 Oct 2026 08:00:00 +0200")]))
        ])
        defer { server.stop() }
        // The import makes the channel, without a feed.
        try cli.expectSuccess("import", "feed", server.url("/feed"), as: "jane@corp.fr")
        #expect(try cli.expectSuccess("sync", "feeds", as: "jane@corp.fr").output.contains("0 feeds"))
        // channel add --feed on it attaches the feed; channel update changes or detaches it.
        let added = try cli.expectSuccess(
            "channel", "add", "jane@corp.fr", "https://blog.jane.dev", "--feed", server.url("/feed"), as: "jane@corp.fr")
        #expect(added.output.contains("Attached its feed to"), "\(added.output)")
        #expect(try cli.expectSuccess("sync", "feeds", as: "jane@corp.fr").output.contains("unchanged 1"))
        try cli.expectSuccess("channel", "update", "https://blog.jane.dev", "--no-feed", as: "jane@corp.fr")
        #expect(try cli.expectSuccess("sync", "feeds", as: "jane@corp.fr").output.contains("0 feeds"))
        try cli.expectSuccess("channel", "update", "https://blog.jane.dev", "--feed", server.url("/feed"), as: "jane@corp.fr")
        #expect(try cli.expectSuccess("sync", "feeds", as: "jane@corp.fr").output.contains("1 feed,"))
        // Someone else's channel stays theirs.
        let other = cli.run(["channel", "update", "https://blog.jane.dev", "--no-feed"], as: "paul@corp.fr")
        #expect(other.status == ExitStatus.permissionRefused, "\(other.error)")
        let taken = cli.run(
            ["channel", "add", "paul@corp.fr", "https://blog.jane.dev", "--feed", server.url("/feed")], as: admin)
        #expect(taken.status == 1 && taken.error.contains("jane@corp.fr"), "\(taken.error)")
        let nothing = cli.run(["channel", "update", "https://blog.jane.dev"], as: "jane@corp.fr")
        #expect(nothing.status == 64 && nothing.error.contains("nothing to change"), "\(nothing.error)")
    }

    @Test func aFeedAddressIsFetched() throws {
        let cli = try Self.programme()
        let server = try LocalHTTPServer(routes: ["/atom.xml": .init(status: 200, body: Self.atom)])
        defer { server.stop() }
        let result = try cli.expectSuccess("import", "feed", server.url("/atom.xml"), "--for", "paul@corp.fr", as: admin)
        #expect(result.output.contains("inserted 2"))
        let missing = cli.run(["import", "feed", server.url("/gone.xml")], as: admin)
        #expect(missing.status == 1 && missing.error.contains("the server answered 404"))
    }

    @Test func aFeedOnAnInternalAddressIsRefusedUnlessAnAdminAllowsItsHost() throws {
        let cli = try CLIHarness.withProgramme()
        let server = try LocalHTTPServer(routes: [
            "/secret": .init(status: 200, body: Self.rss([("https://intranet.example/secret", "Salaires 2027", nil)]))
        ])
        defer { server.stop() }
        let port = try #require(URL(string: server.url("/secret"))?.port)
        for feed in [
            "http://127.0.0.1:\(port)/secret", "http://0x7f000001:\(port)/secret", "http://169.254.169.254/latest/meta-data",
        ] {
            let refused = cli.run(
                ["channel", "add", "jane@corp.fr", "https://jane.example.org", "--kind", "blog", "--feed", feed],
                as: "jane@corp.fr")
            #expect(refused.status == 1, "\(feed)")
            #expect(refused.error.contains("an internal address the programme does not fetch from"), "\(refused.error)")
        }
        let imported = cli.run(["import", "feed", "http://127.0.0.1:\(port)/secret"], as: "jane@corp.fr")
        #expect(imported.status == 1 && imported.error.contains("leads to 127.0.0.1"), "\(imported.error)")
        #expect(try AdvocacyStore.open(atPath: cli.databasePath).actions().isEmpty)

        // Only an admin allows a host, and the change is audited.
        #expect(cli.run(["settings", "set", "fetch.allowed-hosts", "127.0.0.1"], as: "jane@corp.fr").status == 77)
        let bad = cli.run(["settings", "set", "fetch.allowed-hosts", "intranet/blog"], as: admin)
        #expect(bad.status == 1 && bad.error.contains("'intranet/blog' is not a host name"), "\(bad.error)")
        try cli.expectSuccess("settings", "set", "fetch.allowed-hosts", "127.0.0.1, blog.intranet.example", as: admin)
        let shown = try cli.expectSuccess("settings", "show", as: admin)
        #expect(shown.output.contains("fetch.allowed-hosts = 127.0.0.1,blog.intranet.example"), "\(shown.output)")
        #expect(try cli.expectSuccess("audit", "--entity", "setting", as: admin).output.contains("fetch.allowed-hosts"))
        try cli.expectSuccess(
            "channel", "add", "jane@corp.fr", "https://jane.example.org", "--kind", "blog", "--feed",
            "http://127.0.0.1:\(port)/secret",
            as: "jane@corp.fr")
        // Back to the default: refused again at the next fetch.
        try cli.expectSuccess("settings", "set", "fetch.allowed-hosts", "", as: admin)
        let sync = cli.run(["sync", "feeds"], as: admin)
        #expect(sync.status == 1 && sync.error.contains("leads to 127.0.0.1"), "\(sync.error)")
    }
}
