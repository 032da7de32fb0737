import AdvocacyCore
import AdvocacyStore
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI

/// `import x-analytics` with each of X's files, as X writes them (the
/// fixtures are written by hand in those shapes).
@Suite("X's analytics files")
struct XImportCLITests {
    let jane = "jane@corp.fr"

    static func actions(_ cli: CLIHarness) throws -> [Action] {
        try AdvocacyStore.open(atPath: cli.databasePath).actions().sorted { $0.date < $1.date }
    }

    @Test func theClassicExportWithDecimalCountsImports() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("x-tweet-activity-decimals.csv")
        let result = try cli.expectSuccess("import", "x-analytics", file, as: jane)
        #expect(result.output.contains("inserted 3, updated 0, unchanged 0, rejected 0"), "\(result.error)")
        let posts = try Self.actions(cli)
        #expect(
            posts.map(\.url.string) == [
                "https://x.com/janedoe/status/1831122334455667788", "https://x.com/janedoe/status/1834455667788990011",
                "https://x.com/janedoe/status/1838899001122334455",
            ])
        #expect(posts.map(\.date.description) == ["2026-09-03", "2026-09-12", "2026-09-24"])
        // "1520.0" is 1520; retweets are shares, likes reactions, url clicks clicks.
        #expect(posts[0].metrics == Metrics(impressions: 1520, reactions: 24, comments: 2, shares: 3, clicks: 7))
        #expect(posts[2].metrics == Metrics(impressions: 10480, reactions: 298, comments: 9, shares: 61, clicks: 111))
        #expect(posts[2].title == "Slides de ma conf \"Observabilité sans douleur\" ici : https://t.co/aa11BbCc")
        #expect(try cli.expectSuccess("import", "x-analytics", file, as: jane).output.contains("unchanged 3"))
    }

    @Test func aFractionIsRefusedWithItsLineAndNothingIsWritten() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("x-tweet-activity-fraction.csv")
        let result = cli.run("import", "x-analytics", file, as: jane)
        #expect(result.status == 1)
        #expect(result.error.contains("x-tweet-activity-fraction.csv:3: "), "\(result.error)")
        #expect(result.error.contains("'1.5' is not a whole number of likes"), "\(result.error)")
        #expect(try GRDBProbe.value(cli, "SELECT COUNT(*) FROM action") == 0)
    }

    @Test func todaysContentExportImports() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("x-posts.csv")
        let result = try cli.expectSuccess("import", "x-analytics", file, as: jane)
        #expect(result.output.contains("inserted 3, updated 0, unchanged 0, rejected 0"), "\(result.error)")
        let posts = try Self.actions(cli)
        #expect(posts.map(\.date.description) == ["2026-10-27", "2026-11-04", "2026-11-16"])
        #expect(posts.map(\.channel.string) == Array(repeating: "https://x.com/janedoe", count: 3))
        #expect(posts.allSatisfy { $0.kind == .post })
        // Reposts and shares both count as shares; URL clicks as clicks.
        #expect(posts[2].metrics == Metrics(impressions: 8731, reactions: 143, comments: 12, shares: 33, clicks: 61))
        #expect(posts[2].title == "Retour sur #DevFestNantes : notre plateforme data, du POC à la prod. Le fil complet 🧵")
        #expect(posts[1].title == "Nouvel article : \"Kafka, ZooKeeper et nous\" https://t.co/Qm4Pp2")
        #expect(try cli.expectSuccess("import", "x-analytics", file, as: jane).output.contains("unchanged 3"))
    }

    @Test func theAccountOverviewBecomesFollowerCountsFromAKnownCount() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("x-account-overview.csv")
        let noChannel = cli.run("import", "x-analytics", file, as: jane)
        #expect(noChannel.status == 1 && noChannel.error.contains("jane@corp.fr has no X channel"), "\(noChannel.error)")

        try cli.expectSuccess("channel", "add", jane, "https://x.com/JaneDoe", as: jane)
        let noCount = cli.run("import", "x-analytics", file, as: jane)
        #expect(noCount.status == 1, "\(noCount.output)")
        #expect(noCount.error.contains("no follower count is known for https://x.com/janedoe"), "\(noCount.error)")
        #expect(noCount.errorLines.count == 1, "\(noCount.error)")

        try cli.expectSuccess("channel", "followers", "https://x.com/janedoe", "1200", "--date", "2026-11-16", as: jane)
        let first = try cli.expectSuccess("import", "x-analytics", file, as: jane)
        #expect(first.output.contains("inserted 5, updated 0, unchanged 1, rejected 0"), "\(first.output)")
        // 1,200 on the 16th; later days add their changes, earlier ones take away those after them.
        let counts = try DatabaseQueue(path: cli.databasePath).read { db in
            try Row.fetchAll(db, sql: "SELECT date, followers FROM followerSnapshot ORDER BY date").map {
                "\($0["date"] as String) \($0["followers"] as Int)"
            }
        }
        #expect(
            counts == [
                "2026-11-14 1174", "2026-11-15 1172", "2026-11-16 1200", "2026-11-17 1209", "2026-11-18 1212",
                "2026-11-19 1222",
            ])
        // Counted again from the latest count the first import wrote, the file changes nothing.
        #expect(try cli.expectSuccess("import", "x-analytics", file, as: jane).output.contains("unchanged 6"))
    }

    @Test func aFileOfAnotherShapeIsRefusedNamingTheShapesItCouldBe() throws {
        let cli = try CLIHarness.withProgramme()
        let file = cli.folder.appendingPathComponent("other.csv").path
        try "Date,Views,Watch time\n2026-11-01,12,3\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = cli.run("import", "x-analytics", file, as: jane)
        #expect(result.status == 1)
        #expect(result.error.contains("the file's header (Date, Views, Watch time) is not one this import reads"))
        #expect(result.error.contains("the content export (Post id, Date, Post text, Post Link"), "\(result.error)")
        #expect(result.errorLines.count == 1)
    }
}
