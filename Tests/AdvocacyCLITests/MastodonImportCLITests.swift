import AdvocacyCore
import AdvocacyStore
import Foundation
import Testing

@testable import AdvocacyCLI

/// `import mastodon` with an outbox.json shaped like a Mastodon archive's
/// (written by hand in that shape).
@Suite("Mastodon's archive")
struct MastodonImportCLITests {
    let jane = "jane@corp.fr"

    @Test func publicPostsAndRepliesImportAndBoostsAndDirectMessagesDoNot() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("mastodon-outbox.json")
        let result = try cli.expectSuccess("import", "mastodon", file, as: jane)
        #expect(result.output.contains("inserted 4, updated 0, unchanged 0, rejected 0"), "\(result.output) \(result.error)")
        #expect(result.error.contains("left out 1 boost of others' posts and 1 direct message"), "\(result.error)")
        let actions = try AdvocacyStore.open(atPath: cli.databasePath).actions().sorted { $0.date < $1.date }
        #expect(actions.map(\.kind) == [.post, .comment, .post, .post])
        #expect(actions.allSatisfy { $0.channel.string == "https://mastodon.social/@janedoe" })
        #expect(actions[0].url.string == "https://mastodon.social/@janedoe/113245678901230001")
        #expect(actions[0].title == "Notre migration #Kafka est terminée !")
        #expect(actions[0].date.description == "2026-10-02")
        // A content warning is what a reader sees first.
        #expect(actions[3].title == "Retour d'incident & leçons")
        #expect(!actions.contains { $0.title.contains("Rendez-vous") })
        #expect(try cli.expectSuccess("import", "mastodon", file, as: jane).output.contains("unchanged 4"))
    }

    @Test func theArchiveAsDownloadedImportsItsOutbox() throws {
        let cli = try CLIHarness.withProgramme()
        let archive = try cli.fixture("mastodon-archive.zip")
        let result = try cli.expectSuccess("import", "mastodon", archive, as: jane)
        #expect(result.output.contains("inserted 4, updated 0, unchanged 0, rejected 0"), "\(result.output) \(result.error)")
        // The outbox inside it holds the same posts.
        #expect(
            try cli.expectSuccess("import", "mastodon", cli.fixture("mastodon-outbox.json"), as: jane).output.contains(
                "unchanged 4"))
        let other = cli.run("import", "mastodon", try cli.fixture("linkedin-export.zip"), as: jane)
        #expect(other.status == 1 && other.error.contains("a ZIP archive without outbox.json"), "\(other.error)")
    }

    @Test func aFileThatIsNotAnOutboxIsRefusedOnce() throws {
        let cli = try CLIHarness.withProgramme()
        let file = cli.folder.appendingPathComponent("outbox.json").path
        try "{\"type\": \"Person\"}".write(toFile: file, atomically: true, encoding: .utf8)
        let result = cli.run("import", "mastodon", file, as: jane)
        #expect(result.status == 1 && result.errorLines.count == 1, "\(result.error)")
        #expect(result.error.contains("it has no orderedItems"), "\(result.error)")
        let csv = try cli.fixture("x-posts.csv")
        #expect(cli.run("import", "mastodon", csv, as: jane).error.contains("it is not JSON"))
    }
}
