import AdvocacyCore
import Foundation
import Testing

@testable import AdvocacyCLI

/// Issue 22, item 4: a person who hid (`privacy hide`) is nowhere in what a
/// colleague on staff can list, not even as a row their team, tier and
/// counts would single out; HR, the cio and admins still see what they need.
@Suite("Hiding that hides")
struct HidingCLITests {
    let jane = "jane@corp.fr", paul = "paul@corp.fr", admin = "admin@corp.fr"

    /// Jane, alone in Data, with an HR id, two channels and three actions, hidden.
    func programme() throws -> CLIHarness {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("employee", "update", jane, "--hr-id", "HR-JANE-7731", as: admin)
        try cli.expectSuccess("channel", "add", jane, "https://x.com/janedoe", "--followers", "1200", as: jane)
        try cli.expectSuccess("channel", "add", jane, "https://jane-doe.example.org", "--kind", "blog", as: jane)
        for (index, url) in [
            "https://x.com/janedoe/status/1", "https://x.com/janedoe/status/2", "https://jane-doe.example.org/kafka",
        ]
        .enumerated() {
            try cli.expectSuccess("log", url, "--project", "ERP-2027", "--reactions", "\(10 + index)", as: jane)
        }
        try cli.expectSuccess("log", "https://x.com/paulmartin/status/9", "--project", "ERP-2027", as: paul)
        try cli.expectSuccess("privacy", "hide", as: jane)
        return cli
    }

    @Test func noListingAStaffMemberMayRunShowsAHiddenColleague() throws {
        let cli = try programme()
        var listings: [[String]] = [
            ["employee", "list"], ["employee", "show", paul], ["channel", "list"], ["channel", "list", paul],
            ["action", "list"], ["action", "list", "--project", "ERP-2027"], ["project", "list"],
            ["project", "show", "ERP-2027"],
            ["rank"], ["rank", "--by", "team"], ["rank", "--project", "ERP-2027"], ["rewards", "list"], ["policy", "show"],
            ["privacy", "export", paul], ["explain", paul],
        ]
        for listing in listings where !["privacy", "explain", "policy"].contains(listing[0]) {
            for format in ["csv", "json"] { listings.append(listing + ["--format", format]) }
        }
        let traces = ["jane@corp.fr", "Jane Doe", "HR-JANE-7731", "x.com/janedoe", "jane-doe.example.org", "janedoe"]
        for listing in listings {
            let result = try cli.expectSuccess(listing, as: paul)
            for trace in traces {
                #expect(!result.output.localizedCaseInsensitiveContains(trace), "\(listing.joined(separator: " ")): \(trace)")
            }
            // Jane is the only one in Data: no row of hers by team, tier and counts either.
            let rows = result.output.split(whereSeparator: \.isNewline)
            #expect(
                !rows.contains { $0.contains("Data") && ($0.contains("micro") || $0.contains("nano")) },
                "\(listing.joined(separator: " ")): \(result.output)")
        }
        // Her place in the ranking stays, as a placeholder.
        let csv = try cli.expectSuccess("rank", "--format", "csv", as: paul).output.split(whereSeparator: \.isNewline)
        #expect(csv.contains { $0.hasSuffix(",hidden-1,(hidden),,,,,,,,,,,,,,") }, "\(csv)")
        // Asked for by name, she is refused, with why.
        for request in [
            ["employee", "show", jane], ["channel", "list", jane], ["action", "list", "--employee", jane],
            ["action", "show", "https://x.com/janedoe/status/1"],
        ] {
            let refused = cli.run(request, as: paul)
            #expect(refused.status == ExitStatus.permissionRefused, "\(request)")
            #expect(refused.error.contains("who chose not to appear to colleagues"), "\(refused.error)")
        }
        // Trying to log her post or take her channel is refused without naming her.
        for attempt in [
            ["log", "https://x.com/janedoe/status/1"], ["log", "https://x.com/janedoe/status/77"],
            ["log", "https://jane-doe.example.org/new-post"], ["channel", "add", paul, "https://x.com/janedoe"],
            ["channel", "add", paul, "https://jane-doe.example.org/about", "--kind", "blog"],
        ] {
            let refused = cli.run(attempt, as: paul)
            #expect(refused.status == 1, "\(attempt)")
            #expect(refused.error.contains("is a colleague's, who chose not to appear"), "\(attempt): \(refused.error)")
            #expect(!refused.error.contains(jane), "\(attempt): \(refused.error)")
        }
        // Nor does a row of his own file that holds her post.
        let file = try cli.file("mine.csv", "email,url,date\npaul@corp.fr,https://x.com/janedoe/status/2,2026-11-20\n")
        let imported = cli.run("import", "actions", file, as: paul)
        #expect(imported.status == 1 && imported.error.contains("mine.csv:2: "), "\(imported.error)")
        #expect(imported.error.contains("is a colleague's, who chose not to appear") && !imported.error.contains(jane))
        // A small team shows staff no leader.
        let teams = try cli.expectSuccess("rank", "--by", "team", "--format", "json", as: paul).output
        #expect(!teams.contains("paul@corp.fr") && teams.contains("\"leader\" : null"), "\(teams)")
    }

    @Test func hrTheCioAndAdminsStillSeeWhatTheyNeedAndSheSeesHerself() throws {
        let cli = try programme()
        // HR decides rewards by name; admins run the programme; the cio reviews her work.
        for viewer in ["hr@corp.fr", admin] {
            #expect(try cli.expectSuccess("employee", "show", jane, as: viewer).output.contains("Jane Doe"))
            #expect(try cli.expectSuccess("action", "list", "--employee", jane, as: viewer).output.contains("x.com/janedoe"))
        }
        #expect(try cli.expectSuccess("rank", "--format", "csv", as: "hr@corp.fr").output.contains("Jane Doe"))
        let cio = try cli.expectSuccess("rank", "--format", "csv", as: "cio@corp.fr").output
        #expect(cio.contains("hidden-1,(hidden),Data,") && !cio.contains("Jane Doe"), "\(cio)")
        #expect(try cli.expectSuccess("action", "list", "--employee", jane, as: "cio@corp.fr").output.contains("janedoe"))
        #expect(try cli.expectSuccess("rank", as: jane).output.contains("Jane Doe"))
        #expect(try cli.expectSuccess("action", "list", as: jane).output.contains("x.com/janedoe"))
    }
}
