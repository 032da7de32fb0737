import AdvocacyCore
import AdvocacyStore
import Foundation
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

    @Test func theZipIsNamedForWhatItIs() throws {
        let cli = try CLIHarness.withProgramme()
        let result = cli.run("import", "linkedin", "Basic_LinkedInDataExport_12-01-2026.zip", as: jane)
        #expect(result.status == 64 && result.error.contains("unzip it and give that file"), "\(result.error)")
    }
}
