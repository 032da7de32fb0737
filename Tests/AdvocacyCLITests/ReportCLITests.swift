import AdvocacyCore
import Foundation
import Testing

@testable import AdvocacyCLI

@Suite("report on the command line")
struct ReportCLITests {
    @Test func theCIOWritesTheHTMLReportToAFile() throws {
        let (cli, cio, _) = try ScoringCLITests.demo()
        let path = cli.folder.appendingPathComponent("rapport.html").path
        let result = try cli.expectSuccess("report", "--output", path, "--lang", "fr", as: cio)
        #expect(result.output.isEmpty)
        #expect(result.errorLines == ["Wrote the report on 2026-Q4 (compared with 2026-Q3) to \(path)"])
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(html.contains("T4 2026, au 21 novembre 2026 (52 jours sur 92)"))
        #expect(html.contains("comparaison\u{00A0}: T3 2026"))
        // Readable by its owner only, like the database it comes from.
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test(arguments: [
        ("report.md", "# IT department advocacy programme\n"), ("report.txt", "IT department advocacy programme\n"),
        ("report.html", "<!DOCTYPE html>\n"), ("report.htm", "<!DOCTYPE html>\n"), ("REPORT.MD", "# IT department"),
    ])
    func theFormatFollowsTheFileName(name: String, expected: String) throws {
        let (cli, cio, _) = try ScoringCLITests.demo()
        let path = cli.folder.appendingPathComponent(name).path
        try cli.expectSuccess("report", "--output", path, "--lang", "en", as: cio)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(expected))
    }

    @Test func standardOutputGetsTheTerminalVersionInTheLanguageOfLANG() throws {
        let (cli, cio, _) = try ScoringCLITests.demo()
        cli.environment["LANG"] = "fr_FR.UTF-8"
        let french = try cli.expectSuccess("report", as: cio).output
        #expect(french.hasPrefix("Programme d'influence de la DSI\nT4 2026"))
        cli.environment["LANG"] = "en_US.UTF-8"
        let english = try cli.expectSuccess("report", "--period", "2026-Q3", as: cio).output
        #expect(english.hasPrefix("IT department advocacy programme\nQ3 2026 · compared with: Q2 2026"))
        let markdown = try cli.expectSuccess("report", "--format", "markdown", "--compare", "2026-06", as: cio).output
        #expect(markdown.contains("compared with: June 2026"))
    }

    @Test func hrAndAdminMayReadItStaffMayNot() throws {
        let (cli, cio, admin) = try ScoringCLITests.demo()
        try cli.expectSuccess("employee", "add", "new.hire@dsi.example.fr", "--name", "New Hire", as: admin)
        let roster = try cli.expectSuccess("employee", "list", "--format", "csv").output.split(whereSeparator: \.isNewline)
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let hr = try #require(roster.first { $0.count > 3 && $0[3] == "hr" }?.first)
        try cli.expectSuccess("report", as: admin)
        try cli.expectSuccess("report", as: cio)
        try cli.expectSuccess("report", as: String(hr))
        let refused = cli.run("report", as: "new.hire@dsi.example.fr")
        #expect(refused.status == 77)
        #expect(refused.errorLines.count == 1)
        #expect(refused.output.isEmpty)
    }

    @Test(arguments: [
        (["report", "--lang", "de"], "expected fr or en"),
        (["report", "--format", "pdf"], "expected html, markdown or text"),
        (["report", "--compare", "2026-Q5"], "2026-Q5"),
        (["report", "--output", " "], "--output is empty"),
        (["report", "--period", "2027-Q1"], "2027-Q1"),
        (["report", "--output", "/no/such/folder/report.html"], "/no/such/folder"),
    ])
    func badInputGetsOneLineAndNoFile(arguments: [String], message: String) throws {
        let (cli, cio, _) = try ScoringCLITests.demo()
        let before = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted()
        let result = cli.run(arguments, as: cio)
        #expect(result.status != 0)
        #expect(result.errorLines.count == 1, "\(result.error)")
        #expect(result.error.contains(message), "\(result.error)")
        #expect(result.output.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted() == before)
    }
}
