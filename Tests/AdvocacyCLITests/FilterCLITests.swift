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

    @Test("rank --by project and --by channel rank each as a team is, on its own actions")
    func byProjectAndChannel() throws {
        let cli = try CLIHarness()
        try cli.expectSuccess("demo")
        let json = try cli.expectSuccess("rank", "--by", "project", "--period", "2026", "--format", "json", as: Self.cio)
        let items = try #require((try cli.json(json) as? [String: Any])?["items"] as? [[String: Any]])
        #expect(!items.isEmpty)
        #expect(items.map { $0["rank"] as? Int } == Array(1...items.count).map { Optional($0) })
        let scores = items.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        // A project's advocates are the people its own ranking holds.
        let first = try #require(items.first?["project"] as? String)
        let people = try cli.expectSuccess("rank", "--project", first, "--period", "2026", "--format", "csv", as: Self.cio)
        #expect(items.first?["advocates"] as? Int == people.output.split(whereSeparator: \.isNewline).count - 1)
        let channels = try cli.expectSuccess("rank", "--by", "channel", "--period", "2026", as: Self.cio).output
        #expect(channels.contains("kinds of channel ranked") || channels.contains("kind of channel ranked"))
        #expect(channels.split(separator: "\n")[1].hasPrefix("rank  channel"))
    }
}
