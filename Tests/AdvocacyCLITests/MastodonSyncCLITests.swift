import AdvocacyCore
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI

/// `sync mastodon` against a Mastodon API served on 127.0.0.1 by the test,
/// with answers shaped like an instance's (written by hand in that shape).
@Suite("Mastodon profiles synchronised through the instance's API")
struct MastodonSyncCLITests {
    let jane = "jane@corp.fr"
    let admin = "admin@corp.fr"
    static let account = "109348012345678901"

    /// A fixture's text, with INSTANCE replaced by the test server's address.
    static func answer(_ name: String, on server: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/import") else {
            throw CLIHarness.CommandFailed(description: "no fixture \(name)")
        }
        return Data(try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "INSTANCE", with: server).utf8)
    }

    /// The instance's routes: the account, a first page of statuses, a
    /// second holding only a boost (an instance may ignore exclude_reblogs),
    /// then an empty one.
    static func routes(server: String, statuses: Data) throws -> [String: LocalHTTPServer.Response] {
        let json = ["Content-Type": "application/json; charset=utf-8"]
        let pages = "/api/v1/accounts/\(account)/statuses?limit=40&exclude_reblogs=true"
        let boost = """
            [{"id": "113512345678900001", "created_at": "2026-10-30T09:00:00.000Z", "visibility": "public",
              "url": "\(server)/@janedoe/113512345678900001", "content": "", "replies_count": 0, "reblogs_count": 0,
              "favourites_count": 0, "reblog": {"id": "1", "url": "https://mastodon.social/@paul/1", "content": "<p>x</p>"}}]
            """
        return [
            "/api/v1/accounts/lookup?acct=janedoe": .init(
                status: 200, headers: json, body: try answer("mastodon-api-account.json", on: server)),
            pages: .init(status: 200, headers: json, body: statuses),
            pages + "&max_id=113512345678900002": .init(status: 200, headers: json, body: Data(boost.utf8)),
            pages + "&max_id=113512345678900001": .init(status: 200, headers: json, body: Data("[]".utf8)),
        ]
    }

    /// A programme allowed to fetch from the loopback, with Jane's profile on the test server.
    static func programme(_ server: LocalHTTPServer) throws -> CLIHarness {
        let cli = try FeedSyncCLITests.programme()
        try cli.expectSuccess(
            "channel", "add", "jane@corp.fr", server.url("/@janedoe"), "--kind", "mastodon", as: "jane@corp.fr")
        return cli
    }

    @Test func postsAndFiguresComeFromTheAPIAndTheAudienceIsRecorded() throws {
        let server = try LocalHTTPServer(routes: [:])
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        server.set(routes: try Self.routes(server: base, statuses: try Self.answer("mastodon-api-statuses.json", on: base)))
        let cli = try Self.programme(server)
        let result = try cli.expectSuccess("sync", "mastodon", as: jane)
        #expect(
            result.output.contains("\(base)/@janedoe: inserted 3, updated 0, unchanged 0, rejected 0, 842 followers"),
            "\(result.output)")
        #expect(result.output.contains("1 Mastodon profile, 0 failed"), "\(result.output)")
        let actions = try AdvocacyStore.open(atPath: cli.databasePath).actions().sorted { $0.date < $1.date }
        // The private post and the boost are left out; the reply is a comment.
        #expect(actions.map(\.kind) == [.post, .comment, .post])
        #expect(actions[0].title == "Post-mortem : panne du 3 novembre")
        #expect(actions[0].metrics == Metrics(reactions: 15, comments: 9, shares: 3))
        #expect(actions[2].title == "Retour d'expérience : notre plateforme #Kafka tient 2 M msg/s.")
        #expect(actions[2].metrics == Metrics(reactions: 37, comments: 4, shares: 12))
        let sources = try DatabaseQueue(path: cli.databasePath).read { db in
            (
                try String.fetchAll(db, sql: "SELECT DISTINCT source FROM metricsSnapshot"),
                try Row.fetchAll(db, sql: "SELECT date, followers, source FROM followerSnapshot").map {
                    "\($0["date"] as String) \($0["followers"] as Int) \($0["source"] as String)"
                }
            )
        }
        #expect(sources.0 == ["api"] && sources.1 == ["2026-11-21 842 api"])

        // Figures move on the instance: the next sync updates them, and only them.
        let moved = try Self.answer("mastodon-api-statuses.json", on: base)
        server.set(
            routes: try Self.routes(
                server: base,
                statuses: Data(
                    String(decoding: moved, as: UTF8.self).replacingOccurrences(
                        of: "\"favourites_count\": 37", with: "\"favourites_count\": 52"
                    ).utf8)))
        let again = try cli.expectSuccess("sync", as: jane)
        #expect(again.output.contains("inserted 0, updated 1, unchanged 2"), "\(again.output)")
        #expect(again.output.contains("0 feeds, 0 failed") && again.output.contains("1 Mastodon profile, 0 failed"))
        #expect(try AdvocacyStore.open(atPath: cli.databasePath).actions().contains { $0.metrics.reactions == 52 })
    }

    @Test func anInstanceThatFailsIsReportedAndTheOthersGoOn() throws {
        let server = try LocalHTTPServer(routes: [:])
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        var routes = try Self.routes(server: base, statuses: try Self.answer("mastodon-api-statuses.json", on: base))
        routes["/api/v1/accounts/lookup?acct=paulm"] = .init(status: 404, body: Data("{\"error\":\"Record not found\"}".utf8))
        routes["/api/v1/accounts/lookup?acct=nina"] = .init(status: 200, body: Data("<html>Not Mastodon</html>".utf8))
        server.set(routes: routes)
        let cli = try Self.programme(server)
        try cli.expectSuccess("employee", "add", "nina@corp.fr", "--name", "Nina", as: admin)
        try cli.expectSuccess("privacy", "consent", "nina@corp.fr", "--grant", as: admin)
        try cli.expectSuccess("channel", "add", "paul@corp.fr", server.url("/@paulm"), "--kind", "mastodon", as: admin)
        try cli.expectSuccess("channel", "add", "nina@corp.fr", server.url("/@nina"), "--kind", "mastodon", as: admin)
        let result = cli.run(["sync", "mastodon", "--format", "json"], as: admin)
        #expect(result.status == 1, "\(result.error)")
        let report = try #require(try cli.json(result) as? [String: Any])
        #expect(report["failed"] as? Int == 2 && report["inserted"] as? Int == 3, "\(report)")
        let channels = try #require(report["channels"] as? [[String: Any]])
        let errors = channels.compactMap { $0["error"] as? String }.sorted()
        #expect(errors.count == 2)
        #expect(errors.contains { $0.contains("404") }, "\(errors)")
        #expect(errors.contains { $0.contains("not a Mastodon account") }, "\(errors)")
        #expect(result.errorLines.last == "error: 2 of 3 channels could not be synchronised (see above); the others were")
    }

    @Test func anInternalInstanceIsRefusedUnlessAllowed() throws {
        let cli = try CLIHarness.withProgramme()
        let refused = cli.run(["channel", "add", jane, "http://127.0.0.1:9/@janedoe", "--kind", "mastodon"], as: jane)
        #expect(refused.status == 1 && refused.error.contains("an internal address"), "\(refused.error)")
        #expect(try cli.tableCounts()["channels"] == 0)
    }
}
