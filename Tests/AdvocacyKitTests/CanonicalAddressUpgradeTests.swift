import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

/// Data upgrade 1: addresses stored under forms that now read as another
/// are rewritten, a person's two forms of one post become one action, and
/// two people's are left apart.
@Suite("Upgrading stored addresses to their canonical forms")
struct CanonicalAddressUpgradeTests {
    static let activity = "https://linkedin.com/feed/update/urn:li:activity:7258194261025673216"

    /// A file made before a rule, where no upgrade runs yet: `logged` posts
    /// (address, author, reactions) are logged, then each `planted` address
    /// (logged → stored) is rewritten to what an earlier version stored,
    /// with `title` when given. Opening the file at `path` runs the upgrades.
    static func olderFile(
        _ folder: TemporaryFolder, logged: (ProgrammeFixture) -> [(String, EmailAddress, Int?)],
        planted: [(String, String)], title: String? = nil
    ) throws -> (path: String, fixture: ProgrammeFixture) {
        let path = folder.path("programme.sqlite")
        let fixture = try ProgrammeFixture(
            store: try AdvocacyStore.open(atPath: path, create: true, now: { ProgrammeFixture.now }))
        for (url, author, reactions) in logged(fixture) {
            try fixture.programme.logAction(
                try fixture.draft(
                    url, by: author, date: fixture.today.adding(days: -10),
                    metrics: try reactions.map { try MetricsUpdate(reactions: $0) }), by: author)
        }
        try fixture.store.writer.write { db in
            for (now, then) in planted {
                try db.execute(
                    sql: "UPDATE action SET url = ?, urlHash = advocacy_url_hash(?), title = COALESCE(?, title) WHERE url = ?",
                    arguments: [then, then, title, now])
            }
        }
        return (path, fixture)
    }

    @Test func storedFormsAreRewrittenMergedOrLeftApart() throws {
        let folder = try TemporaryFolder()
        // What the earlier rules stored for these posts.
        let (path, fixture) = try Self.olderFile(
            folder,
            logged: {
                [
                    ("https://jane.example.org/a", $0.jane, nil), ("https://jane.example.org/b", $0.jane, 40),
                    ("https://jane.example.org/c", $0.jane, nil), ("https://paul.example.org/d", $0.paul, nil),
                    ("https://jane.example.org/e", $0.jane, nil),
                ]
            },
            planted: [
                ("https://jane.example.org/a", "https://linkedin.com/posts/jane-doe_kafka-activity-7258194261025673216-ab3x"),
                ("https://jane.example.org/b", Self.activity),
                ("https://jane.example.org/c", "https://youtube.com/watch?v=AbC123xyz_9"),
                ("https://paul.example.org/d", "https://youtube.com/shorts/AbC123xyz_9"),
                ("https://jane.example.org/e", "https://medium.com/@jane/kafka-3f9c?source=rss-8a1b------2"),
            ], title: "Jane doe kafka activity 7258194261025673216 ab3x")
        let jane = fixture.jane
        let before = try fixture.count("action")

        // Opened by this version, the file gets the upgrade once.
        let upgraded = try Programme.open(atPath: path, now: { ProgrammeFixture.now })
        let record = try #require(try upgraded.store.appliedDataUpgrades().first { $0.name == "canonical-post-addresses" })
        #expect(
            record.summary.hasPrefix(
                "rewrote 1 address to their canonical form, merged 1 post logged twice by the same person; left 1 apart"),
            "\(record.summary)")
        #expect(record.summary.contains("https://youtube.com/shorts/AbC123xyz_9"))

        let actions = try upgraded.actions()
        #expect(actions.count == before - 1)
        let post = try #require(actions.first { $0.url.string == Self.activity })
        // The first logged is kept, with the figures of the one merged into it, and a title that is no slug.
        #expect(post.email == jane && post.metrics.reactions == 40 && post.title == "LinkedIn post")
        #expect(actions.contains { $0.url.string == "https://medium.com/@jane/kafka-3f9c" })
        // Two people's forms of one video are left as they were.
        #expect(
            actions.filter { $0.url.string.contains("AbC123xyz_9") }.map(\.url.string).sorted() == [
                "https://youtube.com/shorts/AbC123xyz_9", "https://youtube.com/watch?v=AbC123xyz_9",
            ])
        // Logging the post again under another form finds it.
        #expect(throws: StoreError.self) {
            try upgraded.logAction(
                try fixture.draft("https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7258194261025673216", by: jane),
                by: jane)
        }
        // The facts follow: one row per action left.
        #expect(try fixture.count("actionFact") == actions.count)
        // Opening again runs nothing more.
        let again = try Programme.open(atPath: path, now: { ProgrammeFixture.now })
        #expect(try again.store.appliedDataUpgrades().map(\.name) == ["canonical-post-addresses", "x-status-addresses"])
    }

    @Test func anXPostLoggedWithoutItsAccountIsMergedIntoItsAccountsForm() throws {
        let folder = try TemporaryFolder()
        // What earlier versions stored: the form without an account, and a photo page of a post.
        let (path, fixture) = try Self.olderFile(
            folder,
            logged: {
                [
                    ("https://x.com/janedoe/status/1840512345678901234", $0.jane, nil),
                    ("https://jane.example.org/1", $0.jane, 12), ("https://jane.example.org/2", $0.jane, nil),
                    ("https://x.com/pauldoe/status/1840512345678909999", $0.paul, nil),
                    ("https://jane.example.org/3", $0.jane, nil),
                ]
            },
            planted: [
                ("https://jane.example.org/1", "https://x.com/i/web/status/1840512345678901234"),
                ("https://jane.example.org/2", "https://x.com/janedoe/status/1840512345678905555/photo/1"),
                ("https://jane.example.org/3", "https://x.com/i/web/status/1840512345678909999"),
            ])
        let upgraded = try Programme.open(atPath: path, now: { ProgrammeFixture.now })
        let record = try #require(try upgraded.store.appliedDataUpgrades().first { $0.name == "x-status-addresses" })
        #expect(
            record.summary.hasPrefix(
                "rewrote 1 address to their canonical form, merged 1 post logged twice by the same person; left 1 apart"),
            "\(record.summary)")
        let actions = try upgraded.actions()
        #expect(actions.count == 4)
        // The first logged is kept at the address that names the account, with the merged one's figures.
        let post = try #require(actions.first { $0.url.string == "https://x.com/janedoe/status/1840512345678901234" })
        #expect(post.metrics.reactions == 12)
        #expect(actions.contains { $0.url.string == "https://x.com/janedoe/status/1840512345678905555" })
        // Paul's post logged by Jane without its account stays apart, named in the summary.
        #expect(record.summary.contains("https://x.com/i/web/status/1840512345678909999"))
        #expect(try fixture.count("actionFact") == actions.count)
    }

    @Test func anXPostUnderItsOtherFormIsTheSamePostWhenLoggedOrImported() throws {
        let fixture = try ProgrammeFixture()
        let programme = fixture.programme, jane = fixture.jane
        // The form without an account goes on the author's X channel, which an earlier post made.
        try programme.logAction(try fixture.draft("https://x.com/janedoe/status/1840512345678900001", by: jane), by: jane)
        try programme.logAction(try fixture.draft("https://x.com/i/web/status/1840512345678901234", by: jane), by: jane)
        #expect(
            throws: StoreError.duplicateAction(
                CanonicalURL(alreadyCanonical: "https://x.com/i/web/status/1840512345678901234"), owner: jane)
        ) {
            try programme.logAction(
                try fixture.draft("https://twitter.com/JaneDoe/status/1840512345678901234", by: jane), by: jane)
        }
        try programme.logAction(try fixture.draft("https://x.com/janedoe/status/1840512345678907777", by: jane), by: jane)
        #expect(
            throws: StoreError.duplicateAction(
                CanonicalURL(alreadyCanonical: "https://x.com/janedoe/status/1840512345678907777"), owner: jane)
        ) {
            try programme.logAction(try fixture.draft("https://x.com/i/web/status/1840512345678907777", by: jane), by: jane)
        }
        // Another post id is another post.
        try programme.logAction(try fixture.draft("https://x.com/i/web/status/1840512345678907778", by: jane), by: jane)
        #expect(try programme.actions().count == 4)
        // An import row under the other form updates the post logged under the first.
        let csv = """
            email,url,date,reactions
            jane@corp.fr,https://x.com/i/web/status/1840512345678907777,2026-11-20,31
            jane@corp.fr,https://mobile.twitter.com/JaneDoe/status/1840512345678901234/photo/1,2026-11-20,8
            """
        let summary = try programme.importTable(
            try ImportTable(.bytes(Data(csv.utf8), name: "x.csv"), kind: .actions), mode: .allOrNothing,
            today: fixture.today, by: jane)
        #expect(summary.inserted == 0 && summary.updated == 2, "\(summary)")
        let actions = try programme.actions()
        #expect(actions.count == 4)
        #expect(actions.first { $0.url.string == "https://x.com/janedoe/status/1840512345678907777" }?.metrics.reactions == 31)
        #expect(actions.first { $0.url.string == "https://x.com/i/web/status/1840512345678901234" }?.metrics.reactions == 8)
    }
}
