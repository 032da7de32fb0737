import AdvocacyCore
import AdvocacyStore
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI

/// Issue 22, item 2: an import that changes an action leaves the row
/// before and after in the audit trail, and no action leaves a period whose
/// rewards are settled.
@Suite("Every change leaves its trace")
struct TracedImportCLITests {
    let jane = "jane@corp.fr"

    static func actions(_ rows: [(day: String, hours: String)]) -> String {
        "email,url,date,title,hours\n"
            + rows.enumerated().map { index, row in
                "jane@corp.fr,https://jane.example.org/2026/post-\(index + 1),\(row.day),Post \(index + 1),\(row.hours)"
            }.joined(separator: "\n") + "\n"
    }

    @Test func reDatingPastWorkByImportIsInTheTrailBeforeAndAfter() throws {
        let cli = try CLIHarness.withProgramme()
        let summer = (1...8).map { (day: "2026-08-1\($0)", hours: "2") }
        try cli.expectSuccess("import", "actions", try cli.file("q3.csv", Self.actions(summer)), as: jane)
        let november = (1...8).map { (day: "2026-11-1\($0)", hours: "40") }
        let moved = try cli.expectSuccess("import", "actions", try cli.file("q4.csv", Self.actions(november)), as: jane)
        #expect(moved.output.contains("updated 8"), "\(moved.output)")

        let entries = try GRDBProbe.rows(
            cli,
            """
            SELECT actorEmail, json_extract(before, '$.publishedOn'), json_extract(after, '$.publishedOn'),
                json_extract(before, '$.effortHours'), json_extract(after, '$.effortHours'), json_extract(after, '$.url')
            FROM auditEntry WHERE operation = 'update' AND entity = 'action' ORDER BY id
            """)
        #expect(entries.count == 8)
        for (index, entry) in entries.enumerated() {
            #expect(entry[0] == jane)
            #expect(entry[1] == "2026-08-1\(index + 1)" && entry[2] == "2026-11-1\(index + 1)", "\(entry)")
            #expect(entry[3] == "2.0" && entry[4] == "40.0", "\(entry)")
            #expect(entry[5] == "https://jane.example.org/2026/post-\(index + 1)")
        }
        // The trail as people read it shows the move.
        let audit = try cli.expectSuccess("audit", "--format", "json", as: "admin@corp.fr").output
        #expect(audit.contains("2026-08-11") && audit.contains("2026-11-11"))
        // Importing the same file again changes nothing, and writes nothing to the trail.
        let before = try GRDBProbe.value(cli, "SELECT COUNT(*) FROM auditEntry") ?? 0
        try cli.expectSuccess("import", "actions", try cli.file("q4-again.csv", Self.actions(november)), as: jane)
        #expect(try GRDBProbe.value(cli, "SELECT COUNT(*) FROM auditEntry") == before)
    }

    @Test func anActionOfAPeriodWhoseRewardsAreApprovedKeepsItsPeriod() throws {
        let (cli, admin, cio, hr) = try RewardsCLITests.demo()
        let proposals = try RewardsCLITests.proposals(cli, as: hr, "--period", "2026-Q4")
        let decided = try #require(proposals.first { $0["email"] as? String != cio })
        try cli.expectSuccess("rewards", "approve", "\(try #require(decided["id"] as? Int))", as: cio)
        // A staff member's own action of 2026-Q4, moved into 2026-Q3 by an import.
        let staff = try RewardsCLITests.staff(cli, admin: admin)
        let listed = try #require(
            try cli.json(try cli.expectSuccess("action", "list", "--employee", staff, "--format", "json", as: staff))
                as? [[String: Any]])
        let action = try #require(listed.first { ($0["date"] as? String ?? "") >= "2026-10-01" })
        let url = try #require(action["url"] as? String)
        let file = try cli.file("moved.csv", "email,url,date\n\(staff),\(url),2026-09-15\n")
        let refused = cli.run("import", "actions", file, as: staff)
        #expect(refused.status == 1)
        #expect(refused.error.contains("moved.csv:2: "), "\(refused.error)")
        #expect(refused.error.contains("in 2026-Q4, whose rewards are approved: its date stays within 2026-Q4"))
        #expect(cli.run("import", "actions", file, as: admin).status == 1)
        // Within the period, a correction of the day is fine.
        let within = try cli.file("within.csv", "email,url,date\n\(staff),\(url),2026-10-02\n")
        #expect(try cli.expectSuccess("import", "actions", within, as: staff).output.contains("updated 1"))
    }
}
