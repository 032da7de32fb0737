import Foundation
import Testing

/// `action update`: a logged action corrected, audited before and after,
/// the ranking following, under the review and reward rules.
@Suite("Correcting a logged action")
struct ActionUpdateCLITests {
    static let post = "https://jane.example.org/erp-notes"

    func programme() throws -> CLIHarness {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess(
            "project", "add", "DATA-2027", "--name", "Plateforme de données", "--weight", "1", as: "admin@corp.fr")
        try cli.expectSuccess(
            "log", Self.post, "--title", "Notes ERP", "--project", "ERP-2027", "--kind", "article", "--date", "2026-11-10",
            "--reactions", "40", as: "jane@corp.fr")
        try cli.expectSuccess("review", "accept", Self.post, as: "cio@corp.fr")
        return cli
    }

    func janesScore(_ cli: CLIHarness, project: String) throws -> String {
        try cli.expectSuccess("rank", "--project", project, "--format", "csv", as: "cio@corp.fr").output
    }

    @Test("A new title and project: printed before and after, audited, and the ranking by project follows")
    func titleAndProject() throws {
        let cli = try programme()
        #expect(try janesScore(cli, project: "ERP-2027").contains("jane@corp.fr"))
        #expect(!(try janesScore(cli, project: "DATA-2027").contains("jane@corp.fr")))
        let updated = try cli.expectSuccess(
            "action", "update", Self.post, "--title", "Notes sur la plateforme", "--project", "DATA-2027", as: "jane@corp.fr")
        #expect(updated.output.contains("title: Notes ERP → Notes sur la plateforme"))
        #expect(updated.output.contains("projects: ERP-2027 → DATA-2027"))
        #expect(!(try janesScore(cli, project: "ERP-2027").contains("jane@corp.fr")))
        #expect(try janesScore(cli, project: "DATA-2027").contains("jane@corp.fr"))
        // A title and projects are not the person's word on the work: the review stands.
        #expect(!updated.output.contains("review:"))
        let trail = try cli.expectSuccess("audit", "--entity", "action", "--format", "json", as: "cio@corp.fr").output
        #expect(trail.contains("Notes ERP") && trail.contains("Notes sur la plateforme"))
    }

    @Test("New effort sends it back to review; a colleague may not correct it; nothing to change is an error")
    func reviewAndRefusals() throws {
        let cli = try programme()
        let effort = try cli.expectSuccess("action", "update", Self.post, "--effort", "12", as: "jane@corp.fr")
        #expect(effort.output.contains("effort: (none) → 12 h") && effort.output.contains("review: accepted → pending"))
        let colleague = cli.run("action", "update", Self.post, "--title", "Mine now", as: "paul@corp.fr")
        #expect(colleague.status == 77 && colleague.errorLines.count == 1)
        let nothing = cli.run("action", "update", Self.post, as: "jane@corp.fr")
        #expect(nothing.status != 0 && nothing.error.contains("expected at least one of --title"))
        let future = cli.run("action", "update", Self.post, "--date", "2027-01-01", as: "jane@corp.fr")
        #expect(future.status != 0 && future.error.contains("2027-01-01"))
        let unknown = cli.run("action", "update", Self.post, "--project", "ERP-2026", as: "jane@corp.fr")
        #expect(unknown.status != 0 && unknown.error.contains("did you mean ERP-2027?"))
        // An admin may correct anyone's.
        try cli.expectSuccess("action", "update", Self.post, "--kind", "post", as: "admin@corp.fr")
    }
}
