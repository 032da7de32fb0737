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

    @Test func eightLinksAtElevenPmRaiseFlagsTheCioClearsOrConfirms() throws {
        let cli = try CLIHarness.withProgramme()
        let (jane, cio) = ("jane@corp.fr", "cio@corp.fr")
        for index in 1...8 { try cli.expectSuccess("log", "https://jane.example.org/link-\(index)", as: jane) }

        let rank = try cli.expectSuccess("rank", "--format", "csv", as: cio).output
        let row = try #require(rank.split(separator: "\r\n").first { $0.contains(jane) })
        #expect(row.contains("busy-day links-without-figures"), "\(row)")
        #expect(rank.hasPrefix("rank,") && rank.contains(",pending,"))
        #expect(row.split(separator: ",")[13] == "8", "eight actions await review: \(row)")

        let check = cli.run("check", as: "admin@corp.fr")
        #expect(check.status == 0, "\(check.error)")
        #expect(check.output.contains("warning  gaming-flags") && check.output.contains("jane@corp.fr busy-day"))

        let flagged = try cli.expectSuccess("review", "list", "--flag", "busy-day", "--format", "csv", as: cio).output
        #expect(flagged.split(separator: "\r\n").count == 9, "a header and eight actions")

        let unknown = cli.run("review", "clear", jane, "--flag", "spam", "--note", "x", as: cio)
        #expect(unknown.status != 0 && unknown.error.contains("'spam'") && unknown.error.contains("busy-day"))
        let missing = cli.run("review", "clear", jane, "--flag", "near-duplicate", "--note", "x", as: cio)
        #expect(missing.status == 1 && missing.error.contains("jane@corp.fr has no near-duplicate flag in 2026-Q4"))
        #expect(cli.run("review", "clear", jane, "--flag", "busy-day", "--note", "x", as: "paul@corp.fr").status == 77)

        let cleared = try cli.expectSuccess("review", "clear", jane, "--flag", "busy-day", "--note", "meetup night", as: cio)
        #expect(cleared.output.hasPrefix("Cleared the busy-day flag of jane@corp.fr in 2026-Q4: 8 actions."))
        let confirmed = try cli.expectSuccess(
            "review", "confirm", jane, "--flag", "links-without-figures", "--note", "links to nothing", as: cio)
        #expect(confirmed.output.contains("They are rejected"))
        let mine = try cli.expectSuccess("action", "list", "--employee", jane, "--format", "csv", as: jane).output
        #expect(mine.contains("links-without-figures flag confirmed: links to nothing"))
        #expect(!(try cli.expectSuccess("rank", as: cio).output.contains("busy-day")))
    }

    @Test func importedHistoryIsAcceptedByFilterButTheReviewersOwn() throws {
        let cli = try CLIHarness.withProgramme()
        let admin = "admin@corp.fr"
        try cli.expectSuccess("channel", "add", admin, "https://ada.example.org", as: admin)
        try cli.expectSuccess("privacy", "consent", admin, "--grant", as: admin)
        let file = try cli.file(
            "history.csv",
            """
            email,url,date,title,reactions
            jane@corp.fr,https://jane.example.org/a,2026-10-02,Un,10
            jane@corp.fr,https://jane.example.org/b,2026-10-09,Deux,
            paul@corp.fr,https://paul.example.org/c,2026-10-16,Trois,5
            admin@corp.fr,https://ada.example.org/d,2026-10-20,Quatre,

            """)
        try cli.expectSuccess("import", "actions", file, as: admin)
        let pending = try cli.expectSuccess("review", "list", "--format", "csv", as: admin).output
        #expect(pending.split(separator: "\r\n").count == 5, "\(pending)")

        let jane = try cli.expectSuccess("review", "accept", "--all-pending", "--employee", "jane@corp.fr", as: admin).output
        #expect(jane == "Accepted 2 pending actions.\n")
        let rest = try cli.expectSuccess("review", "accept", "--all-pending", "--period", "2026-Q4", as: admin).output
        #expect(rest == "Accepted 1 pending action.\n1 of your own stays pending: another cio or admin reviews it.\n")
        let left = try cli.expectSuccess("review", "list", "--format", "csv", as: "cio@corp.fr").output
        #expect(left.contains("https://ada.example.org/d") && left.split(separator: "\r\n").count == 2)

        let mixed = cli.run("review", "accept", "https://jane.example.org/a", "--all-pending", as: admin)
        #expect(mixed.status != 0 && mixed.error.contains("not both"))
        let stray = cli.run("review", "accept", "https://jane.example.org/a", "--employee", "jane@corp.fr", as: admin)
        #expect(stray.status != 0 && stray.error.contains("go with --all-pending"))
    }

    @Test func aReimportThatChangesWhatCountsSendsAnAcceptedActionBackToReview() throws {
        let cli = try CLIHarness.withProgramme()
        let (admin, cio) = ("admin@corp.fr", "cio@corp.fr")
        let header = "email,url,date,title,effort\n"
        let first = try cli.file("a.csv", header + "jane@corp.fr,https://jane.example.org/a,2026-10-02,Un,2\n")
        try cli.expectSuccess("import", "actions", first, as: admin)
        try cli.expectSuccess("review", "accept", "https://jane.example.org/a", as: cio)
        try cli.expectSuccess("import", "actions", first, as: admin)  // unchanged: stays accepted
        #expect(try cli.expectSuccess("review", "list", as: cio).output.contains("the queue is empty"))
        let more = try cli.file("b.csv", header + "jane@corp.fr,https://jane.example.org/a,2026-10-02,Un,20\n")
        try cli.expectSuccess("import", "actions", more, as: admin)
        #expect(try cli.expectSuccess("review", "list", "--format", "csv", as: cio).output.contains("https://jane.example.org/a"))
    }

    /// A platform's file accepts a pending action with its own figures
    /// only: a counter the person typed and the file does not give is
    /// dropped, not passed off as the platform's; its day and kind are the
    /// platform's word too.
    @Test func aPlatformsFileAcceptsAnActionWithItsFiguresAlone() throws {
        let cli = try CLIHarness.withProgramme()
        let jane = "jane@corp.fr"
        let post = "https://x.com/janedoe/status/1860000000000000001"
        try cli.expectSuccess("log", post, "--date", "2026-11-01", "--impressions", "10", "--reactions", "5", as: jane)
        let file = try cli.file(
            "tweets.csv",
            """
            Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,retweets,replies,likes
            1860000000000000001,\(post),Bonjour,2026-11-02 10:00 +0000,-,9,-,1,1,7

            """)
        try cli.expectSuccess("import", "x-analytics", file, as: jane)
        let shown = try cli.expectSuccess("action", "show", post, "--format", "json", as: jane)
        let action = try #require(try cli.json(shown) as? [String: Any])
        #expect(action["review"] as? String == "accepted")
        #expect(action["impressions"] is NSNull, "the typed 10 impressions are not the platform's")
        #expect(action["reactions"] as? Int == 7)
        #expect(action["date"] as? String == "2026-11-02")
        #expect(action["figureSource"] as? String == "file")
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
                == "error: https://chloe.example.org/talk is your own work: another cio or admin reviews it, since no one decides on their own work\n"
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
