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
}
