import AdvocacyCore
import AdvocacyFixtures
import AdvocacyServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The main jobs, end to end over HTTP: a staff member logs a post and sees
/// it; HR decides and downloads the export.
@Suite("Pages and API, end to end")
struct PageFlowTests {
    @Test("Logging through the form: redirected, listed, explained, audited as the person")
    func logThroughTheForm() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let token = try await client.formToken(as: harness.jane)
            let answer = try await client.submit(
                "/log", as: harness.jane,
                fields: [
                    ("url", "https://jane.example/blog/lakehouse"), ("project", "ERP-2027"), ("title", "Notre lakehouse"),
                    ("date", "2026-11-20"), ("reactions", "12"), ("csrf", token),
                ])
            #expect(answer.status == .seeOther)
            #expect(answer.headers[.location]?.hasPrefix("/log?done=Logged") == true)
            let list = try await client.call(.get, "/me/actions", as: harness.jane).text
            #expect(list.contains("Notre lakehouse"))
            #expect(list.contains("ERP-2027"))
            let score = try await client.call(.get, "/me/score?period=2026-Q4", as: harness.jane)
            #expect(score.status == .ok)
            #expect(score.text.contains("Notre lakehouse"))
            let figures = try await client.submit(
                "/me/actions/metrics", as: harness.jane,
                fields: [("url", "https://jane.example/blog/lakehouse"), ("reactions", "30"), ("comments", "4"), ("csrf", token)])
            #expect(figures.status == .seeOther)
            let typo = try await client.submit(
                "/me/actions/metrics", as: harness.jane,
                fields: [("url", "https://jane.example/blog/lakehouse"), ("reactions", "trente"), ("csrf", token)])
            #expect(typo.status == .badRequest)
            #expect(typo.text.contains("reactions is &#39;trente&#39;") || typo.text.contains("reactions is 'trente'"))
            let api = try await client.api(.get, "/api/v1/me/explanation?period=2026-Q4", as: harness.jane)
            #expect(api.status == .ok)
            #expect(api.text.contains("https://jane.example/blog/lakehouse"))
        }
        let action = try harness.programme.action(harness.fixture.url("https://jane.example/blog/lakehouse"))
        #expect(action.email == harness.jane)
        #expect(action.metrics.reactions == 30)
        #expect(action.metrics.comments == 4)
        let trail = try harness.programme.auditEntries(by: harness.admin)
        #expect(trail.contains { $0.actorEmail == harness.jane.value && $0.entity == "action" && $0.operation == "insert" })
    }

    @Test("A refused post shows the form again with the reason and what was typed")
    func refusedPostKeepsTheForm() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let token = try await client.formToken(as: harness.jane)
            let answer = try await client.submit(
                "/log", as: harness.jane,
                fields: [("url", "https://jane.example/blog/x"), ("date", "2030-01-01"), ("title", "Plus tard"), ("csrf", token)])
            #expect(answer.status == .badRequest)
            #expect(answer.text.contains("2030-01-01"))
            #expect(answer.text.contains("value=\"Plus tard\""))
        }
        #expect(try harness.programme.actions().isEmpty)
    }

    @Test("A staff member may not take a colleague's post through the API either")
    func colleaguesPost() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let paul = try await client.api(
                .post, "/api/v1/actions", as: harness.paul, json: #"{"url":"https://x.com/paulm/status/1"}"#)
            #expect(paul.status == .created, "\(paul.text)")
            let jane = try await client.api(
                .post, "/api/v1/actions", as: harness.jane, json: #"{"url":"https://x.com/paulm/status/2"}"#)
            #expect(jane.status == .badRequest)
            #expect(jane.errorMessage.contains("paul@corp.fr"))
        }
    }

    @Test("HR previews, proposes, approves and downloads the export as the CLI writes it")
    func hrJourney() async throws {
        let harness = try ServerHarness()
        try Self.seedAccepted(harness)
        try await harness.serve { client in
            let token = try await client.formToken(as: harness.hr, page: "/rewards?period=2026-Q4")
            let preview = try await client.submit(
                "/rewards/propose?period=2026-Q4", as: harness.hr,
                fields: [("period", "2026-Q4"), ("step", "preview"), ("csrf", token)])
            #expect(preview.status == .ok)
            #expect(preview.text.contains("nothing is written yet"), "\(preview.text.suffix(3000))")
            #expect(try harness.programme.rewardProposals(by: harness.hr).isEmpty)
            let written = try await client.submit(
                "/rewards/propose?period=2026-Q4", as: harness.hr,
                fields: [("period", "2026-Q4"), ("step", "write"), ("csrf", token)])
            #expect(written.status == .seeOther, "\(written.text.suffix(1500))")
            let proposals = try harness.programme.rewardProposals(by: harness.hr)
            #expect(!proposals.isEmpty)
            let decided = try await client.submit(
                "/rewards/decide?period=2026-Q4", as: harness.hr,
                fields: proposals.map { ("id", String($0.id)) } + [("decision", "approve"), ("note", "Bravo"), ("csrf", token)])
            #expect(decided.status == .seeOther)
            let export = try await client.call(.get, "/rewards/export?period=2026-Q4&format=csv", as: harness.hr)
            #expect(export.status == .ok)
            #expect(export.headers[.contentDisposition]?.contains("rewards-2026-Q4.csv") == true)
            #expect(export.text.hasPrefix("period,hrId,email"))
            #expect(export.text.contains("jane@corp.fr"))
        }
        #expect(try harness.programme.rewardProposals(by: harness.hr).allSatisfy { $0.status == .approved })
    }

    @Test("Pages follow Accept-Language, and the switch sets the language")
    func languages() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let french = try await client.call(
                .get, "/log", as: harness.jane, headers: [.acceptLanguage: "fr-FR,fr;q=0.9,en;q=0.8"])
            #expect(french.text.contains("<html lang=\"fr\">"))
            #expect(french.text.contains("Déclarer une publication"))
            let english = try await client.call(.get, "/log", as: harness.jane, headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains("Log a post"))
            let switched = try await client.call(.get, "/language?to=fr&back=/me/actions", as: harness.jane)
            #expect(switched.status == .seeOther)
            #expect(switched.headers[.location] == "/me/actions")
            #expect(switched.headers[.setCookie]?.contains("lang=fr") == true)
            let away = try await client.call(.get, "/language?to=fr&back=//evil.example", as: harness.jane)
            #expect(away.headers[.location] == "/")
        }
    }

    /// Four accepted articles each for Jane and Paul, a book in stock and a budget for the quarter.
    static func seedAccepted(_ harness: ServerHarness) throws {
        let fixture = harness.fixture
        for index in 1...4 {
            let figures = try MetricsUpdate(reactions: 80, comments: 20, shares: 10)
            try fixture.logAccepted(
                try fixture.draft(
                    "https://jane.example/blog/a\(index)", kind: .article, projects: [fixture.erp], metrics: figures))
            try fixture.logAccepted(
                try fixture.draft(
                    "https://paul.example/blog/b\(index)", by: fixture.paul, kind: .article, projects: [fixture.erp],
                    metrics: figures))
        }
        try harness.programme.addRewardItem(
            RewardItem(code: try RewardCode("BOOK"), name: "Un livre", category: .book, costCents: 3_000, stock: 10),
            by: harness.hr)
        _ = try harness.programme.setRewardBudget(.quarter(year: 2026, quarter: 4), cents: 100_000, by: harness.hr)
    }

    /// The same, with the quarter's proposals written.
    static func seedProposals(_ harness: ServerHarness) throws {
        try seedAccepted(harness)
        _ = try harness.programme.proposeRewards(
            period: .quarter(year: 2026, quarter: 4), today: harness.fixture.today, by: harness.hr)
    }

    @Test(
        "My privacy: hiding my name hides it from colleagues' ranking; my data downloads as JSON; the admin's backup is a database"
    )
    func privacyAndBackup() async throws {
        let harness = try ServerHarness()
        try Self.seedAccepted(harness)
        try await harness.serve { client in
            #expect(try await client.call(.get, "/ranking?period=2026-Q4", as: harness.paul).text.contains("Jane Doe"))
            let token = try await client.formToken(as: harness.jane, page: "/me/privacy")
            let hidden = try await client.submit("/me/privacy", as: harness.jane, fields: [("hidden", "yes"), ("csrf", token)])
            #expect(hidden.status == .seeOther)
            let ranking = try await client.call(.get, "/ranking?period=2026-Q4", as: harness.paul).text
            #expect(!ranking.contains("Jane Doe"))
            #expect(ranking.contains("(hidden)"))
            let data = try await client.call(.get, "/me/data", as: harness.jane)
            #expect(data.headers[.contentDisposition]?.contains("my-data.json") == true)
            #expect(data.text.contains("jane@corp.fr"))
            let backupToken = try await client.formToken(as: harness.admin, page: "/backup")
            #expect(try await client.submit("/backup", as: harness.admin, fields: []).status == .forbidden, "no token")
            let backup = try await client.submit("/backup", as: harness.admin, fields: [("csrf", backupToken)])
            #expect(backup.status == .ok)
            #expect(backup.text.hasPrefix("SQLite format 3"))
            #expect(Int(backup.headers[.contentLength] ?? "") == backup.body.readableBytes)
        }
        #expect(try harness.programme.isHidden(harness.jane))
    }

    @Test("My channels: added with its audience; a colleague's is refused with why; my wishes added and removed")
    func channelsAndWishes() async throws {
        let harness = try ServerHarness()
        try Self.seedAccepted(harness)
        try harness.programme.addChannel(
            try NewChannel(
                owner: harness.paul, url: try CanonicalURL("https://x.com/paulm"), followersDate: harness.fixture.today),
            by: harness.paul)
        try await harness.serve { client in
            let token = try await client.formToken(as: harness.jane, page: "/me/channels")
            let added = try await client.submit(
                "/me/channels", as: harness.jane, fields: [("url", "@janedoe"), ("followers", "1 200"), ("csrf", token)])
            #expect(added.status == .seeOther, "\(added.text.suffix(800))")
            let page = try await client.call(.get, "/me/channels", as: harness.jane).text
            #expect(page.contains("https://x.com/janedoe"))
            #expect(page.contains("1,200"))
            let taken = try await client.submit("/me/channels", as: harness.jane, fields: [("url", "@paulm"), ("csrf", token)])
            #expect(taken.status == .badRequest)
            #expect(taken.text.contains("paul@corp.fr"))
            let wished = try await client.submit(
                "/me/wishes", as: harness.jane, fields: [("code", "BOOK"), ("rank", "1"), ("step", "add"), ("csrf", token)])
            #expect(wished.status == .seeOther)
            #expect(try harness.programme.wishes(of: harness.jane, by: harness.jane).map(\.code.value) == ["BOOK"])
            let removed = try await client.submit(
                "/me/wishes", as: harness.jane, fields: [("code", "BOOK"), ("step", "remove"), ("csrf", token)])
            #expect(removed.status == .seeOther)
            #expect(try harness.programme.wishes(of: harness.jane, by: harness.jane).isEmpty)
        }
    }

    @Test("The CIO accepts a pending action with a note; a reject needs a reason")
    func reviewQueue() async throws {
        let harness = try ServerHarness()
        let fixture = harness.fixture
        try harness.programme.logAction(try fixture.draft("https://jane.example/blog/pending"), by: harness.jane)
        try harness.programme.logAction(try fixture.draft("https://paul.example/blog/other", by: harness.paul), by: harness.paul)
        try await harness.serve { client in
            let queue = try await client.call(.get, "/review", as: harness.cio).text
            #expect(queue.contains("https://jane.example/blog/pending"))
            let token = try await client.formToken(as: harness.cio, page: "/review")
            let noReason = try await client.submit(
                "/review", as: harness.cio,
                fields: [("url", "https://paul.example/blog/other"), ("decision", "reject"), ("csrf", token)])
            #expect(noReason.status == .badRequest)
            let accepted = try await client.submit(
                "/review", as: harness.cio,
                fields: [("url", "https://jane.example/blog/pending"), ("decision", "accept"), ("note", "vu"), ("csrf", token)])
            #expect(accepted.status == .seeOther, "\(accepted.text.suffix(600))")
        }
        #expect(try harness.programme.action(fixture.url("https://jane.example/blog/pending")).review == .accepted)
        #expect(try harness.programme.action(fixture.url("https://paul.example/blog/other")).review == .pending)
    }

    @Test("The admin adds a person and a project; a duplicate is shown again with why")
    func adminPeopleAndProjects() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let token = try await client.formToken(as: harness.admin, page: "/admin/people")
            let added = try await client.submit(
                "/admin/people", as: harness.admin,
                fields: [("email", "nina@corp.fr"), ("name", "Nina Roux"), ("team", "Data"), ("role", "staff"), ("csrf", token)])
            #expect(added.status == .seeOther, "\(added.text.suffix(600))")
            let again = try await client.submit(
                "/admin/people", as: harness.admin, fields: [("email", "nina@corp.fr"), ("name", "Nina"), ("csrf", token)])
            #expect(again.status == .badRequest)
            #expect(again.text.contains("nina@corp.fr"))
            let project = try await client.submit(
                "/admin/projects", as: harness.admin,
                fields: [("code", "CRM-2027"), ("name", "Nouveau CRM"), ("weight", "3"), ("csrf", token)])
            #expect(project.status == .seeOther, "\(project.text.suffix(600))")
        }
        #expect(try harness.programme.employee(try EmailAddress("nina@corp.fr")).team == "Data")
        #expect(try harness.programme.project(try ProjectCode("CRM-2027")).project.weight == 3)
    }
}
