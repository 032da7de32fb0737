import AdvocacyCore
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI

/// Every figure records where it came from, for the review that weighs them.
@Suite("Where each figure came from")
struct FigureSourceCLITests {
    let jane = "jane@corp.fr"

    static func sources(_ cli: CLIHarness, _ table: String) throws -> [String] {
        try DatabaseQueue(path: cli.databasePath).read { db in
            try String.fetchAll(db, sql: "SELECT source FROM \(table) ORDER BY id")
        }
    }

    @Test func typedFiguresAndAPlatformsFileAreToldApart() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", jane, "https://x.com/JaneDoe", "--followers", "1200", as: jane)
        try cli.expectSuccess("log", "https://jane.example.org/typed", "--reactions", "12", as: jane)
        try cli.expectSuccess("metrics", "https://jane.example.org/typed", "--reactions", "15", as: jane)
        #expect(try Self.sources(cli, "metricsSnapshot") == ["typed"])
        try cli.expectSuccess("import", "x-analytics", try cli.fixture("x-posts.csv"), as: jane)
        #expect(try Self.sources(cli, "metricsSnapshot") == ["typed", "file", "file", "file"])

        try cli.expectSuccess("channel", "followers", "https://x.com/janedoe", "1200", "--date", "2026-11-16", as: jane)
        try cli.expectSuccess("import", "x-analytics", try cli.fixture("x-account-overview.csv"), as: jane)
        let followers = try DatabaseQueue(path: cli.databasePath).read { db in
            try Row.fetchAll(db, sql: "SELECT date, source FROM followerSnapshot ORDER BY date").map {
                "\($0["date"] as String) \($0["source"] as String)"
            }
        }
        // The count typed on the 16th stays typed; the days the file gave are the file's.
        #expect(followers.contains("2026-11-16 typed") && followers.contains("2026-11-19 file"), "\(followers)")
        #expect(followers.filter { $0.hasSuffix("file") }.count == 5)
        // The trail says it too.
        let trail = try cli.expectSuccess("audit", "--entity", "metricsSnapshot", "--format", "json", as: "admin@corp.fr")
        #expect(trail.output.contains("source"), "\(trail.output.prefix(400))")
    }
}
