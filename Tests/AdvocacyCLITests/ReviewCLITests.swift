import AdvocacyCore
import Foundation
import Testing

@testable import AdvocacyCLI

@Suite("review on the command line")
struct ReviewCLITests {
    @Test func aLoggedActionWaitsThenIsAcceptedOrRejectedAndTheAuthorSeesWhy() throws {
        let cli = try CLIHarness.withProgramme()
        let (jane, cio) = ("jane@corp.fr", "cio@corp.fr")
        let (first, second) = ("https://jane.example.org/erp", "https://jane.example.org/sso")
        try cli.expectSuccess("log", first, "--project", "ERP-2027", "--effort", "12", as: jane)
        try cli.expectSuccess("log", second, "--reactions", "500", as: jane)

        let queue = try cli.expectSuccess("review", "list", "--format", "csv", as: cio).output
        #expect(queue.contains(first) && queue.contains(second))
        #expect(try cli.expectSuccess("review", "list", "--figures", "none", "--format", "csv", as: cio).output.contains(first))
        #expect(
            !(try cli.expectSuccess("review", "list", "--figures", "none", "--format", "csv", as: cio).output.contains(second)))

        // Until accepted, the 12 hours Jane typed count as an article's 6.
        let pending = try cli.expectSuccess("explain", jane, as: jane).output
        #expect(pending.contains("its own 12 h held at the article default of 6 h"), "\(pending)")

        let staff = cli.run("review", "accept", first, as: "paul@corp.fr")
        #expect(staff.status == 77)
        let noReason = cli.run("review", "reject", second, "--reason", " ", as: cio)
        #expect(noReason.status != 0 && noReason.error.contains("--reason is empty"))

        #expect(try cli.expectSuccess("review", "accept", first, as: cio).output.hasPrefix("Accepted 1 action:"))
        try cli.expectSuccess("review", "reject", second, "--reason", "nothing at this address", as: cio)

        let mine = try cli.expectSuccess("action", "list", "--employee", jane, "--format", "csv", as: jane).output
        #expect(mine.contains("accepted") && mine.contains("rejected") && mine.contains("nothing at this address"))
        let explained = try cli.expectSuccess("explain", jane, as: jane).output
        #expect(explained.contains("rejected: nothing at this address; it counts for nothing"))
        #expect(explained.contains("12 h (its own estimate)"))
        #expect(try cli.expectSuccess("review", "list", as: cio).output.contains("the queue is empty"))

        // The trail names the reviewer and the reason.
        let audit = try cli.expectSuccess("audit", "--format", "json", as: "admin@corp.fr").output
        #expect(audit.contains("nothing at this address"))
    }

    @Test func noOneReviewsTheirOwnWork() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", "cio@corp.fr", "https://chloe.example.org", as: "cio@corp.fr")
        try cli.expectSuccess("privacy", "consent", "cio@corp.fr", "--grant", as: "cio@corp.fr")
        try cli.expectSuccess("log", "https://chloe.example.org/talk", as: "cio@corp.fr")
        let own = cli.run("review", "accept", "https://chloe.example.org/talk", as: "cio@corp.fr")
        #expect(own.status == 1)
        #expect(
            own.error
                == "error: https://chloe.example.org/talk is your own work: another cio or admin reviews it: no one decides on their own work\n"
        )
        try cli.expectSuccess("review", "accept", "https://chloe.example.org/talk", as: "admin@corp.fr")
    }

    @Test func adjustNeedsACorrectionAndAReason() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("log", "https://jane.example.org/erp", "--reactions", "900", as: "jane@corp.fr")
        let nothing = cli.run("review", "adjust", "https://jane.example.org/erp", "--reason", "why", as: "cio@corp.fr")
        #expect(nothing.status != 0 && nothing.error.contains("nothing to correct"))
        let adjusted = try cli.expectSuccess(
            "review", "adjust", "https://jane.example.org/erp", "--reactions", "90", "--reason", "900 was a typo",
            as: "cio@corp.fr")
        #expect(adjusted.output.hasPrefix("Partly accepted"))
        let shown = try cli.expectSuccess("action", "show", "https://jane.example.org/erp", as: "jane@corp.fr").output
        #expect(shown.contains("partly-accepted") && shown.contains("900 was a typo") && shown.contains("90"))
    }
}
