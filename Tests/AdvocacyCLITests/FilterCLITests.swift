import Foundation
import Testing

/// A filter naming a team, project or person the programme does not have
/// is an error that suggests the nearest, never an empty answer.
@Suite("Filters that never fail silently")
struct FilterCLITests {
    static let cio = "lea.lambert@dsi.example.fr"

    @Test("A team typed without its accent ranks that team; a typo is an error naming the right team")
    func teams() throws {
        let cli = try CLIHarness()
        try cli.expectSuccess("demo")
        let accented = try cli.expectSuccess(
            "rank", "--team", "Développement", "--period", "2026", "--format", "csv", as: Self.cio)
        let plain = try cli.expectSuccess("rank", "--team", "developpement", "--period", "2026", "--format", "csv", as: Self.cio)
        #expect(plain.output == accented.output)
        #expect(accented.output.split(whereSeparator: \.isNewline).count > 1, "the team has people ranked")
        let typo = cli.run("rank", "--team", "Datta", as: Self.cio)
        #expect(typo.status != 0)
        #expect(typo.errorLines.count == 1)
        #expect(typo.error.contains("'Datta'") && typo.error.contains("did you mean Data?"))
        let list = cli.run("employee", "list", "--team", "Secu", as: Self.cio)
        #expect(list.status != 0 && list.error.contains("did you mean Sécurité?"))
    }

    @Test("An unknown project or person suggests the nearest code or email")
    func projectsAndPeople() throws {
        let cli = try CLIHarness()
        try cli.expectSuccess("demo")
        let project = cli.run("rank", "--project", "ERP-2026", as: Self.cio)
        #expect(project.status != 0 && project.error.contains("did you mean ERP-2027?"))
        let person = cli.run("action", "list", "--employee", "ines.benali@dsi.example.com", as: Self.cio)
        #expect(person.status != 0 && person.error.contains("did you mean ines.benali@dsi.example.fr?"))
    }
}
