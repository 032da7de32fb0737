import AdvocacyCore
import AdvocacyStore
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI

/// `import linkedin` with Shares.csv as LinkedIn writes it (the fixture is
/// written by hand in that shape, its ids made from their moments).
@Suite("LinkedIn's data export")
struct LinkedInImportCLITests {
    let jane = "jane@corp.fr"
    /// The third post's activity id, as the links people copy carry it: made 0.4 s after its ugcPost id.
    static let activity = "https://www.linkedin.com/posts/jane-doe_kafka-activity-7523296662404464647-Zq9w"

    static func actions(_ cli: CLIHarness) throws -> [Action] {
        try AdvocacyStore.open(atPath: cli.databasePath).actions().sorted { $0.date < $1.date }
    }

    @Test func sharesImportAndAPostLoggedUnderItsActivityLinkIsRecognised() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("linkedin-Shares.csv")
        let noChannel = cli.run("import", "linkedin", file, as: jane)
        #expect(noChannel.status == 1 && noChannel.errorLines.count == 1, "\(noChannel.error)")
        #expect(noChannel.error.contains("jane@corp.fr has no LinkedIn channel"), "\(noChannel.error)")

        try cli.expectSuccess("channel", "add", jane, "https://www.linkedin.com/in/jane-doe", as: jane)
        // Logged by hand first, under the link people share.
        try cli.expectSuccess("log", Self.activity, "--title", "Kafka à l'échelle", as: jane)
        let result = try cli.expectSuccess("import", "linkedin", file, as: jane)
        #expect(result.output.contains("inserted 2, updated 1, unchanged 0, rejected 0"), "\(result.output) \(result.error)")
        let actions = try Self.actions(cli)
        #expect(actions.count == 3)
        #expect(actions.map(\.kind) == [.post, .share, .post])
        #expect(actions.allSatisfy { $0.channel.string == "https://linkedin.com/in/jane-doe" })
        #expect(actions[0].title == "Notre plateforme data passe en production 🎉")
        #expect(actions[0].url.string == "https://linkedin.com/feed/update/urn:li:ugcPost:7515315610318800082")
        #expect(actions[1].title == "LinkedIn post")
        // The third row is the post logged by hand: one action, under its activity address.
        #expect(actions[2].url.string == "https://linkedin.com/feed/update/urn:li:activity:7523296662404464647")
        #expect(actions[2].date.description == "2026-11-03")
        #expect(try cli.expectSuccess("import", "linkedin", file, as: jane).output.contains("unchanged 3"))
        // The first post, logged again under its activity link (made 0.2 s after its ugcPost id), is already there.
        let again = cli.run(["log", "https://www.linkedin.com/feed/update/urn:li:activity:7515315611157659653"], as: jane)
        #expect(again.status == 1 && again.error.contains("ugcPost:7515315610318800082"), "\(again.error)")
    }

    @Test func twoLoggedPostsWithinSecondsAreNeverMergedButReported() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", jane, "https://www.linkedin.com/in/jane-doe", as: jane)
        try cli.expectSuccess("log", Self.activity, as: jane)
        // Another activity two seconds later: either could be the export's row.
        try cli.expectSuccess("log", "https://www.linkedin.com/feed/update/urn:li:activity:7523296669094379523", as: jane)
        let file = try cli.fixture("linkedin-Shares.csv")
        let result = cli.run("import", "linkedin", file, "--skip-invalid", as: jane)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("inserted 2, updated 0, unchanged 0, rejected 1"), "\(result.output)")
        #expect(result.error.contains(":6: "), "\(result.error)")
        #expect(result.error.contains("could be any of"), "\(result.error)")
        #expect(try Self.actions(cli).count == 4)
    }

    @Test func theExportsZipAsDownloadedImportsItsShares() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", jane, "https://www.linkedin.com/in/jane-doe", as: jane)
        let zip = try cli.fixture("linkedin-export.zip")
        let result = try cli.expectSuccess("import", "linkedin", zip, as: jane)
        #expect(result.output.contains("inserted 3, updated 0, unchanged 0, rejected 0"), "\(result.output) \(result.error)")
        // The same rows as the Shares.csv inside it: importing that next changes nothing.
        let csv = try cli.fixture("linkedin-Shares.csv")
        #expect(try cli.expectSuccess("import", "linkedin", csv, as: jane).output.contains("unchanged 3"))
        #expect(try Self.actions(cli).map(\.kind) == [.post, .share, .post])
        // The copy taken out of the archive is removed.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("advocacy-import-") && $0.hasSuffix("Shares.csv") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aZipWithoutSharesSaysWhatItNeeds() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", jane, "https://www.linkedin.com/in/jane-doe", as: jane)
        let result = cli.run("import", "linkedin", try cli.fixture("mastodon-archive.zip"), as: jane)
        #expect(result.status == 1 && result.errorLines.count == 1, "\(result.error)")
        #expect(result.error.contains("a ZIP archive without Shares.csv"), "\(result.error)")
    }

    /// The followers each day of the workbook's FOLLOWERS sheet, as stored.
    static func followers(_ cli: CLIHarness) throws -> [String: Int] {
        try DatabaseQueue(path: cli.databasePath).read { db in
            try Row.fetchAll(db, sql: "SELECT date, followers FROM followerSnapshot").reduce(into: [:]) {
                $0[$1["date"] as String] = $1["followers"] as Int
            }
        }
    }

    @Test func theCreatorAnalyticsWorkbookGivesFiguresAndTheAudience() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", jane, "https://www.linkedin.com/in/jane-doe", as: jane)
        try cli.expectSuccess("import", "linkedin", try cli.fixture("linkedin-export.zip"), as: jane)
        let workbook = try cli.fixture("linkedin-analytics.xlsx")
        let result = try cli.expectSuccess("import", "linkedin", workbook, as: jane)
        // Two posts of the data export get their figures (one under its other id), two are new.
        #expect(result.output.contains("(TOP POSTS): inserted 2, updated 2, unchanged 0, rejected 0"), "\(result.output)")
        #expect(result.output.contains("(FOLLOWERS): inserted 30, updated 0"), "\(result.output)")
        let actions = try Self.actions(cli)
        #expect(actions.count == 5)
        let production = try #require(actions.first { $0.url.string.hasSuffix("ugcPost:7515315610318800082") })
        #expect(production.metrics == Metrics(impressions: 4410, reactions: 98))
        let kafka = try #require(actions.first { $0.url.string.hasSuffix("ugcPost:7523296660705772519") })
        #expect(kafka.metrics == Metrics(impressions: 12877, reactions: 412))
        // In the impressions table only.
        let meetup = try #require(actions.first { $0.date.description == "2026-11-19" })
        #expect(meetup.metrics == Metrics(impressions: 1930, reactions: 0))
        #expect(meetup.title == "LinkedIn post" && meetup.channel.string == "https://linkedin.com/in/jane-doe")
        // 1,482 on the 20th, the total the sheet gives; each earlier day takes away the new followers after it.
        let followers = try Self.followers(cli)
        #expect(followers.count == 30)
        #expect(followers["2026-11-20"] == 1482 && followers["2026-11-19"] == 1479 && followers["2026-10-22"] == 1371)
        let source = try DatabaseQueue(path: cli.databasePath).read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT source FROM followerSnapshot")
        }
        #expect(source == ["file"])

        #expect(try cli.expectSuccess("import", "linkedin", workbook, as: jane).output.contains("unchanged 4"))
        // The same workbook opened and saved again by LibreOffice Calc reads the same.
        let resaved = try cli.expectSuccess("import", "linkedin", try cli.fixture("linkedin-analytics-resaved.xlsx"), as: jane)
        #expect(resaved.output.contains("(TOP POSTS): inserted 0, updated 0, unchanged 4"), "\(resaved.output)")
        #expect(resaved.output.contains("(FOLLOWERS): inserted 0, updated 0, unchanged 30"), "\(resaved.output)")
    }

    @Test(arguments: [
        ("linkedin-analytics-bomb.xlsx", "inflates to more than 16 MB"),
        ("linkedin-analytics-bomb-lying.xlsx", "inflates to more than 16 MB"),
        ("linkedin-analytics-million-rows.xlsx", "goes past row 100,000"),
        ("linkedin-not-a-zip.xlsx", "not a ZIP archive that can be read"),
    ])
    func aHostileWorkbookIsRefusedAndNothingIsWritten(file: String, message: String) throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", jane, "https://www.linkedin.com/in/jane-doe", as: jane)
        let before = try cli.databaseDump()
        let result = cli.run("import", "linkedin", try cli.fixture(file), as: jane)
        #expect(result.status == 1 && result.errorLines.count == 1, "\(result.error)")
        #expect(result.error.contains(message) && result.error.contains("nothing was imported"), "\(result.error)")
        #expect(try cli.databaseDump() == before)
    }
}
