import AdvocacyCore
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI

/// Issue 22, item 1: a post counts only for the person whose channel it is
/// on, whichever way it comes in, and nobody registers someone else's space.
@Suite("Own work only")
struct OwnWorkCLITests {
    let jane = "jane@corp.fr", paul = "paul@corp.fr", admin = "admin@corp.fr"

    /// Jane and Paul, each with an X account, a LinkedIn profile and a blog.
    func programme() throws -> CLIHarness {
        let cli = try CLIHarness.withProgramme()
        for (person, handle) in [(jane, "janedoe"), (paul, "paulmartin")] {
            try cli.expectSuccess("channel", "add", person, "https://x.com/\(handle)", as: person)
            try cli.expectSuccess("channel", "add", person, "https://www.linkedin.com/in/\(handle)", as: person)
            try cli.expectSuccess("channel", "add", person, "https://\(handle).github.io", "--kind", "blog", as: person)
        }
        return cli
    }

    static func count(_ cli: CLIHarness, _ sql: String) throws -> Int { try GRDBProbe.value(cli, sql) ?? -1 }

    @Test func aColleaguesPostIsRefusedOnEveryRouteAndStaysTheirsToLog() throws {
        let cli = try programme()
        let posts = [
            "https://x.com/PaulMartin/status/1857000000000000001",
            "https://www.linkedin.com/posts/paulmartin_kafka-activity-7260000000000000001-AbCd",
            "https://paulmartin.github.io/2026/11/kafka",
        ]
        for post in posts {
            let logged = cli.run("log", post, "--title", "Kafka", as: jane)
            #expect(logged.status == 1, "\(post)")
            #expect(logged.error.contains("paul@corp.fr's channel"), "\(logged.error)")
            #expect(logged.error.contains("a post counts only for its author"))
            for kind in ["share", "comment"] {
                #expect(cli.run("log", post, "--kind", kind, as: jane).status == 1, "\(post) as a \(kind)")
            }
        }
        // A file of actions: all or nothing, the row's line named.
        let actions = try cli.file(
            "actions.csv",
            "email,url,date,title\njane@corp.fr,https://janedoe.github.io/2026/11/mine,2026-11-02,Mine\n"
                + "jane@corp.fr,\(posts[2]),2026-11-03,Not mine\n")
        let imported = cli.run("import", "actions", actions, as: jane)
        #expect(imported.status == 1)
        #expect(
            imported.error.contains("actions.csv:3: ") && imported.error.contains("paul@corp.fr's channel"), "\(imported.error)")
        // X's own file, with a colleague's post slipped in.
        let export = try cli.file(
            "x-posts.csv",
            """
            Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks
            1857000000000000002,"Mon, Nov 16, 2026",Mine,https://x.com/JaneDoe/status/1857000000000000002,800,12,40,1,0,0,2,3,4,9,5,0,1
            1857000000000000001,"Tue, Nov 17, 2026",Paul's,https://x.com/PaulMartin/status/1857000000000000001,9000,300,900,20,4,3,12,29,38,97,61,5,14

            """)
        let x = cli.run("import", "x-analytics", export, as: jane)
        #expect(x.status == 1 && x.error.contains("x-posts.csv:3: "), "\(x.error)")
        #expect(try Self.count(cli, "SELECT COUNT(*) FROM action") == 0)
        // Paul logs his own posts as ever.
        for post in posts { try cli.expectSuccess("log", post, "--title", "Kafka", as: paul) }
        #expect(
            try Self.count(
                cli, "SELECT COUNT(*) FROM action a JOIN employee e ON e.id = a.employeeId WHERE e.email = 'paul@corp.fr'") == 3)
    }

    @Test func anotherAccountsPostNeedsThatAccountRegisteredFirst() throws {
        let cli = try programme()
        let other = cli.run("log", "https://x.com/jane_pro/status/1857000000000000003", as: jane)
        #expect(other.status == 1)
        #expect(
            other.error.contains("is a post of the account https://x.com/jane_pro, not of jane@corp.fr's https://x.com/janedoe"))
        #expect(other.error.contains("'advocacy channel add jane@corp.fr https://x.com/jane_pro'"))
        try cli.expectSuccess("channel", "add", jane, "https://x.com/jane_pro", as: jane)
        try cli.expectSuccess("log", "https://x.com/jane_pro/status/1857000000000000003", as: jane)
    }

    @Test func nobodyRegistersAChannelUnderOrAroundAColleaguesOrTheCompanysSite() throws {
        let cli = try programme()
        try cli.expectSuccess("channel", "add", paul, "https://blog.example.org/paul", "--kind", "blog", as: paul)
        let refused: [(String, [String], String)] = [
            ("https://paulmartin.github.io/2026", [], "lies under paul@corp.fr's channel https://paulmartin.github.io"),
            (
                "https://www.linkedin.com/in/paulmartin/detail", [],
                "expected that account's address, https://linkedin.com/in/paulmartin"
            ),
            ("https://x.com/paulmartin/status", [], "expected that account's address, https://x.com/paulmartin"),
            ("https://paulmartin.github.io/about/me", ["--kind", "blog"], "lies under paul@corp.fr's channel"),
            // Not yet registered by anyone: still a page of an account, not one.
            (
                "https://www.linkedin.com/in/leablanc/detail", [],
                "expected that account's address, https://linkedin.com/in/leablanc"
            ),
            ("https://x.com/leablanc/status", [], "expected that account's address, https://x.com/leablanc"),
            ("https://blog.example.org", ["--kind", "blog"], "takes in paul@corp.fr's channel https://blog.example.org/paul"),
            (
                "https://intranet.corp.fr", ["--kind", "blog", "--scope", "external"],
                "intranet.corp.fr is the company's own site"
            ),
        ]
        for (url, options, message) in refused {
            let result = cli.run(["channel", "add", jane, url] + options, as: jane)
            #expect(result.status == 1, "\(url)")
            #expect(result.error.contains(message), "\(url): \(result.error)")
        }
        #expect(try Self.count(cli, "SELECT COUNT(*) FROM channel") == 7)
        // One's own space on the company's site is fine.
        try cli.expectSuccess("channel", "add", jane, "https://intranet.corp.fr/people/jane", "--kind", "internal", as: jane)
    }

    @Test func aFeedsEntriesGoInOnlyWhenTheyLinkToItsChannel() throws {
        let cli = try programme()
        try cli.expectSuccess("settings", "set", "fetch.allowed-hosts", "127.0.0.1", as: admin)
        let feed = FeedSyncCLITests.rss([
            ("https://paulmartin.github.io/2026/11/kafka", "Kafka", "Mon, 02 Nov 2026 08:00:00 +0100"),
            ("https://elsewhere.example.org/2026/11/sso", "Outside", "Tue, 03 Nov 2026 08:00:00 +0100"),
            ("https://janedoe.github.io/2026/11/mine", "Mine", "Wed, 04 Nov 2026 08:00:00 +0100"),
        ])
        let server = try LocalHTTPServer(routes: ["/paul/feed": .init(status: 200, body: feed)])
        defer { server.stop() }
        // Jane points her blog's feed at Paul's: only the entry on her own blog goes in.
        try cli.expectSuccess("channel", "update", "https://janedoe.github.io", "--feed", server.url("/paul/feed"), as: jane)
        let result = cli.run(["sync", "feeds", "--timeout", "5"], as: jane)
        #expect(result.output.contains("inserted 1, updated 0, unchanged 0, rejected 2"), "\(result.output) \(result.error)")
        #expect(result.error.contains("paul@corp.fr's channel https://paulmartin.github.io"), "\(result.error)")
        #expect(result.error.contains("https://elsewhere.example.org/2026/11/sso does not lie on https://janedoe.github.io"))
        #expect(try Self.count(cli, "SELECT COUNT(*) FROM action") == 1)
        // A feed imported by hand follows the rules of `log`: Paul's entry stays his.
        let file = try cli.file("paul.xml", String(decoding: feed, as: UTF8.self))
        let imported = cli.run("import", "feed", file, as: jane)
        #expect(imported.status == 1 && imported.error.contains("paul@corp.fr's channel"), "\(imported.error)")
    }

    @Test func aSharedVenueTakesPostsFromAnyoneEachForItsAuthor() throws {
        let cli = try programme()
        try cli.expectSuccess(
            "settings", "set", "channels.shared-venues", "https://blog.corp.fr, https://www.devoxx.fr", as: admin)
        // Before, the team blog was the first claimant's; now no one registers it, or a part of it.
        for url in ["https://blog.corp.fr", "https://blog.corp.fr/team/data", "https://devoxx.fr/talks"] {
            let refused = cli.run("channel", "add", jane, url, "--kind", "blog", as: jane)
            #expect(refused.status == 1 && refused.error.contains("is a shared venue"), "\(url): \(refused.error)")
        }
        try cli.expectSuccess("log", "https://blog.corp.fr/2026/11/kafka", "--title", "Kafka chez nous", as: jane)
        try cli.expectSuccess("log", "https://blog.corp.fr/2026/11/sso", "--title", "Le SSO", as: paul)
        try cli.expectSuccess("log", "https://www.devoxx.fr/talks/observability", "--kind", "talk", as: paul)
        let rows = try GRDBProbe.rows(
            cli,
            "SELECT e.email, c.url, c.kind, c.scope FROM action a JOIN employee e ON e.id = a.employeeId JOIN channel c ON c.id = a.channelId ORDER BY a.id"
        )
        #expect(rows.map { $0[0] } == [jane, paul, paul])
        #expect(rows[0][1].hasPrefix("https://blog.corp.fr?author=") && rows[0][2] == "internal" && rows[0][3] == "internal")
        #expect(rows[1][1].hasPrefix("https://blog.corp.fr?author=") && rows[1][1] != rows[0][1])
        #expect(rows[2][2] == "talk" && rows[2][3] == "external")
        // A setting that names a platform of personal accounts is refused.
        let platform = cli.run("settings", "set", "channels.shared-venues", "https://x.com", as: admin)
        #expect(platform.status == 1 && platform.error.contains("a platform where each person has an account"))
    }

    static func score(_ cli: CLIHarness, of person: String) throws -> (score: Double, pending: Int) {
        let items =
            try #require(
                try cli.json(try cli.expectSuccess("rank", "--format", "json", as: "cio@corp.fr"))
                    as? [String: Any])["items"] as? [[String: Any]]
        let item = try #require(items?.first { $0["email"] as? String == person })
        return (try #require(item["score"] as? Double), try #require(item["pending"] as? Int))
    }

    @Test func anAddressThatNamesNoAccountCountsOnceReviewedOrConfirmedByTheOwnExport() throws {
        let cli = try programme()
        try cli.expectSuccess("log", "https://x.com/janedoe/status/1857000000000000010", "--title", "Mine", as: jane)
        let start = try Self.score(cli, of: jane)
        // X's form without an account: anyone could paste a colleague's post id there.
        let anyones = "https://x.com/i/web/status/1857000000000000011"
        try cli.expectSuccess("log", anyones, "--title", "Kafka", "--reactions", "40", "--impressions", "2000", as: jane)
        let logged = try Self.score(cli, of: jane)
        #expect(logged.score == start.score && logged.pending == start.pending + 1, "\(start) \(logged)")
        let explained = try cli.expectSuccess("explain", jane, as: jane).output
        #expect(explained.contains("its address names no account, so it could be anyone's: it counts for nothing until accepted"))
        // Reviewed, it counts.
        try cli.expectSuccess("review", "accept", anyones, as: "cio@corp.fr")
        let accepted = try Self.score(cli, of: jane)
        #expect(accepted.score > logged.score && accepted.pending == start.pending, "\(logged) \(accepted)")

        // Typed in a file too, a YouTube `watch` link waits for review, counting nothing.
        try cli.expectSuccess("channel", "add", jane, "https://youtube.com/@janedoe", as: jane)
        let file = try cli.file(
            "actions.csv", "email,url,date,title,kind\njane@corp.fr,https://youtu.be/dQw4w9WgXcQ,2026-11-20,Talk,video\n")
        try cli.expectSuccess("import", "actions", file, as: jane)
        #expect(try Self.score(cli, of: jane).score == accepted.score)

        // Confirmed by her own X export, which names her account, another one counts.
        let second = "https://x.com/i/web/status/1857000000000000012"
        try cli.expectSuccess("log", second, "--title", "SSO", as: jane)
        #expect(try Self.score(cli, of: jane).score == accepted.score)
        let export = try cli.file(
            "x-posts.csv",
            """
            Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks
            1857000000000000012,"Fri, Nov 20, 2026",SSO,https://x.com/JaneDoe/status/1857000000000000012,3000,90,200,3,2,1,6,8,9,20,12,1,3

            """)
        #expect(try cli.expectSuccess("import", "x-analytics", export, as: jane).output.contains("updated 1"))
        #expect(try Self.score(cli, of: jane).score > accepted.score)
    }
}
