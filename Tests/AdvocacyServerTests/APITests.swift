import AdvocacyCore
import AdvocacyKit
import AdvocacyServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The JSON API's use cases beyond logging: each route does its job for the
/// role it is for (the state changes, the JSON holds the right values) and
/// is refused, with the use case's words, to the others.
@Suite("JSON API")
struct APITests {
    @Test("Ranking: the CLI's filters (team, project, channel, tier, by, top), and a bad one named")
    func rankingFilters() async throws {
        let harness = try ServerHarness()
        try PageFlowTests.seedAccepted(harness)
        try await harness.serve { client in
            func ranking(_ query: String) async throws -> [String: Any] {
                let answer = try await client.api(.get, "/api/v1/ranking?period=2026-Q4&" + query, as: harness.cio)
                #expect(answer.status == .ok, "\(query): \(answer.text)")
                return try #require(try answer.json() as? [String: Any])
            }
            func emails(_ report: [String: Any]) -> [String] {
                (report["items"] as? [[String: Any]] ?? []).compactMap { $0["email"] as? String }
            }
            #expect(Set(emails(try await ranking(""))) == ["jane@corp.fr", "paul@corp.fr"])
            #expect(emails(try await ranking("team=Data")) == ["jane@corp.fr"])
            #expect(emails(try await ranking("top=1")).count == 1)
            #expect(emails(try await ranking("project=ERP-2027")).count == 2)
            #expect(emails(try await ranking("channel=linkedin")).isEmpty)
            #expect(emails(try await ranking("tier=mega")).isEmpty)
            let teams = try await ranking("by=team")
            #expect(teams["by"] as? String == "team")
            #expect(Set((teams["items"] as? [[String: Any]] ?? []).compactMap { $0["team"] as? String }) == ["Data", "Sécurité"])
            for (query, named) in [("by=group", "by"), ("top=0", "top"), ("tier=giant", "giant"), ("channel=fax", "fax")] {
                let refused = try await client.api(.get, "/api/v1/ranking?" + query, as: harness.jane)
                #expect(refused.status == .badRequest, "\(query)")
                #expect(refused.errorMessage.contains(named), "\(query): \(refused.errorMessage)")
            }
        }
    }

    @Test("Review: the cio lists the queue and accepts or rejects; staff are refused; no one reviews their own")
    func review() async throws {
        let harness = try ServerHarness()
        try harness.programme.logAction(try harness.fixture.draft("https://jane.example/blog/pending"), by: harness.jane)
        try harness.programme.logAction(
            try harness.fixture.draft("https://jane.example/blog/other", kind: .article), by: harness.jane)
        try await harness.serve { client in
            let queue = try await client.api(.get, "/api/v1/review", as: harness.cio)
            #expect(queue.status == .ok, "\(queue.text)")
            let urls = (try queue.json() as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
            #expect(urls.sorted() == ["https://jane.example/blog/other", "https://jane.example/blog/pending"])
            #expect(try await client.api(.get, "/api/v1/review", as: harness.jane).status == .forbidden)
            #expect(try await client.api(.get, "/api/v1/review", as: harness.hr).status == .forbidden)
            let byStaff = try await client.api(
                .post, "/api/v1/review/decisions", as: harness.paul,
                json: #"{"decision":"accept","urls":["https://jane.example/blog/pending"]}"#)
            #expect(byStaff.status == .forbidden)
            let accepted = try await client.api(
                .post, "/api/v1/review/decisions", as: harness.cio,
                json: #"{"decision":"accept","urls":["https://jane.example/blog/pending"],"note":"vu"}"#)
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect((try accepted.json() as? [[String: Any]])?.first?["review"] as? String == "accepted")
            let rejected = try await client.api(
                .post, "/api/v1/review/decisions", as: harness.admin,
                json: #"{"decision":"reject","urls":["https://jane.example/blog/other"],"note":"not ours"}"#)
            #expect(rejected.status == .ok, "\(rejected.text)")
            let unknown = try await client.api(
                .post, "/api/v1/review/decisions", as: harness.cio, json: #"{"decision":"maybe","urls":["https://a.example/x"]}"#)
            #expect(unknown.status == .badRequest)
            #expect(unknown.errorMessage.contains("accept or reject"))
            let left = try await client.api(.get, "/api/v1/review", as: harness.cio)
            #expect((try left.json() as? [Any])?.isEmpty == true)
            _ = try await client.api(.post, "/api/v1/actions", as: harness.cio, json: #"{"url":"https://cio.example/blog/mine"}"#)
            let own = try await client.api(
                .post, "/api/v1/review/decisions", as: harness.cio,
                json: #"{"decision":"accept","urls":["https://cio.example/blog/mine"]}"#)
            #expect(own.status == .forbidden, "\(own.text)")
        }
        #expect(try harness.programme.action(harness.fixture.url("https://jane.example/blog/pending")).review == .accepted)
        #expect(try harness.programme.action(harness.fixture.url("https://jane.example/blog/other")).review == .rejected)
    }

    @Test("Flags: staff may not clear one; a flag not raised, or not a flag for gaming, is named in a 400")
    func flags() async throws {
        let harness = try ServerHarness()
        try PageFlowTests.seedAccepted(harness)
        try await harness.serve { client in
            let body = #"{"decision":"clear","email":"jane@corp.fr","flag":"busy-day","period":"2026-Q4","note":"checked"}"#
            #expect(try await client.api(.post, "/api/v1/flags/decisions", as: harness.paul, json: body).status == .forbidden)
            let none = try await client.api(.post, "/api/v1/flags/decisions", as: harness.cio, json: body)
            #expect(none.status == .badRequest, "\(none.text)")
            #expect(none.errorMessage.contains("busy-day"), "\(none.errorMessage)")
            let own = try await client.api(
                .post, "/api/v1/flags/decisions", as: harness.cio,
                json: #"{"decision":"confirm","email":"cio@corp.fr","flag":"busy-day","note":"x"}"#)
            #expect(own.status == .forbidden, "\(own.text)")
            let notGaming = try await client.api(
                .post, "/api/v1/flags/decisions", as: harness.cio,
                json: #"{"decision":"clear","email":"jane@corp.fr","flag":"follower-spike","note":"x"}"#)
            #expect(notGaming.status == .badRequest)
            #expect(notGaming.errorMessage.contains("high-engagement"))
            let noNote = try await client.api(
                .post, "/api/v1/flags/decisions", as: harness.cio,
                json: #"{"decision":"clear","email":"jane@corp.fr","flag":"busy-day","note":" "}"#)
            #expect(noNote.status == .badRequest)
        }
    }

    @Test("My channels and wishes: added, listed and withdrawn through the API, each person's own")
    func channelsAndWishes() async throws {
        let harness = try ServerHarness()
        try PageFlowTests.seedAccepted(harness)
        try await harness.serve { client in
            let added = try await client.api(
                .post, "/api/v1/me/channels", as: harness.paul,
                json: #"{"url":"https://www.linkedin.com/in/paul-martin","followers":1200}"#)
            #expect(added.status == .created, "\(added.text)")
            let channel = try #require(try added.json() as? [String: Any])
            #expect(channel["kind"] as? String == "linkedin")
            #expect(channel["followers"] as? Int == 1200)
            #expect(channel["email"] as? String == "paul@corp.fr")
            let mine = try await client.api(.get, "/api/v1/me/channels", as: harness.paul)
            #expect(
                (try mine.json() as? [[String: Any]] ?? []).contains {
                    ($0["url"] as? String)?.hasSuffix("/in/paul-martin") == true
                },
                "\(mine.text)")
            let janes = try await client.api(.get, "/api/v1/me/channels", as: harness.jane)
            #expect(!janes.text.contains("paul-martin"))
            let taken = try await client.api(
                .post, "/api/v1/me/channels", as: harness.jane, json: #"{"url":"https://www.linkedin.com/in/paul-martin"}"#)
            #expect(taken.status == .conflict, "\(taken.text)")

            let wished = try await client.api(.post, "/api/v1/me/wishes", as: harness.jane, json: #"{"code":"BOOK","rank":2}"#)
            #expect(wished.status == .ok, "\(wished.text)")
            let wishes = try #require(try wished.json() as? [[String: Any]])
            #expect(wishes.count == 1)
            #expect(wishes.first?["code"] as? String == "BOOK")
            #expect(wishes.first?["rank"] as? Int == 2)
            let badRank = try await client.api(.post, "/api/v1/me/wishes", as: harness.jane, json: #"{"code":"BOOK","rank":4}"#)
            #expect(badRank.status == .badRequest)
            #expect(badRank.errorMessage.contains("4"))
            let unknown = try await client.api(.post, "/api/v1/me/wishes", as: harness.jane, json: #"{"code":"YACHT"}"#)
            #expect(unknown.status == .notFound, "\(unknown.text)")
            let removed = try await client.api(.delete, "/api/v1/me/wishes?code=BOOK", as: harness.jane)
            #expect(removed.status == .ok, "\(removed.text)")
            #expect((try removed.json() as? [Any])?.isEmpty == true)
        }
        #expect(try harness.programme.wishes(of: harness.jane, by: harness.jane).isEmpty)
        #expect(try harness.programme.channels(owner: harness.paul).contains { $0.kind == .linkedin })
    }

    @Test("My privacy: hide and show my name, give and withdraw consent, download my data")
    func privacy() async throws {
        let harness = try ServerHarness()
        try PageFlowTests.seedAccepted(harness)
        try await harness.serve { client in
            let hidden = try await client.api(.post, "/api/v1/me/privacy", as: harness.jane, json: #"{"hidden":true}"#)
            #expect(hidden.status == .ok, "\(hidden.text)")
            #expect((try hidden.json() as? [String: Any])?["hidden"] as? Bool == true)
            let ranking = try await client.api(.get, "/api/v1/ranking?period=2026-Q4", as: harness.paul)
            #expect(!ranking.text.contains("Jane Doe"))
            let withdrawn = try await client.api(.post, "/api/v1/me/privacy", as: harness.jane, json: #"{"consent":"withdraw"}"#)
            #expect((try withdrawn.json() as? [String: Any])?["consent"] as? String == "withdrawn")
            let shown = try await client.api(
                .post, "/api/v1/me/privacy", as: harness.jane, json: #"{"hidden":false,"consent":"give"}"#)
            let state = try #require(try shown.json() as? [String: Any])
            #expect(state["hidden"] as? Bool == false)
            #expect(state["consent"] as? String == "granted")
            let read = try await client.api(.get, "/api/v1/me/privacy", as: harness.jane)
            #expect((try read.json() as? [String: Any])?["consent"] as? String == "granted")
            let wrong = try await client.api(.post, "/api/v1/me/privacy", as: harness.jane, json: #"{"consent":"perhaps"}"#)
            #expect(wrong.status == .badRequest)
            #expect(wrong.errorMessage.contains("give or withdraw"))
            #expect(try await client.api(.post, "/api/v1/me/privacy", as: harness.jane, json: "{}").status == .badRequest)
            let data = try await client.api(.get, "/api/v1/me/data", as: harness.jane)
            #expect(data.headers[.contentType]?.hasPrefix("application/json") == true)
            let person = (try data.json() as? [String: Any])?["person"] as? [String: Any]
            #expect(person?["email"] as? String == "jane@corp.fr")
            #expect(try await client.api(.get, "/api/v1/me/data", as: nil).status == .unauthorized)
        }
        #expect(try harness.programme.isHidden(harness.jane) == false)
        #expect(try harness.programme.consentState(of: harness.jane) == .granted)
    }

    @Test("Policy: everyone reads it with its version; the cio puts a new one in force; staff are refused; a bad one is named")
    func policy() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let shown = try await client.api(.get, "/api/v1/policy", as: harness.jane)
            #expect(shown.status == .ok)
            let answer = try #require(try shown.json() as? [String: Any])
            #expect(answer["version"] as? Int == 1)
            var policy = try #require(answer["policy"] as? [String: Any])
            var rewards = try #require(policy["rewards"] as? [String: Any])
            rewards["currency"] = "CHF"
            policy["rewards"] = rewards
            let document = String(decoding: try JSONSerialization.data(withJSONObject: policy), as: UTF8.self)
            #expect(try await client.api(.put, "/api/v1/policy", as: harness.jane, json: document).status == .forbidden)
            #expect(try await client.api(.put, "/api/v1/policy", as: harness.hr, json: document).status == .forbidden)
            let set = try await client.api(.put, "/api/v1/policy", as: harness.cio, json: document)
            #expect(set.status == .ok, "\(set.text)")
            let update = try #require(try set.json() as? [String: Any])
            #expect(update["version"] as? Int == 2)
            #expect(update["changed"] as? Bool == true)
            #expect((update["changes"] as? [[String: Any]])?.first?["key"] as? String == "rewards.currency")
            let again = try await client.api(.put, "/api/v1/policy", as: harness.cio, json: document)
            #expect((try again.json() as? [String: Any])?["changed"] as? Bool == false)
            // A partial document is refused, naming what is missing; a complete one with a wrong value, naming it.
            let partial = try await client.api(.put, "/api/v1/policy", as: harness.cio, json: #"{"rewards":{"currency":"EUR"}}"#)
            #expect(partial.status == .badRequest, "\(partial.text)")
            #expect(partial.errorMessage.contains("tiers"), "\(partial.errorMessage)")
            rewards["currency"] = 12
            policy["rewards"] = rewards
            let wrong = String(decoding: try JSONSerialization.data(withJSONObject: policy), as: UTF8.self)
            let bad = try await client.api(.put, "/api/v1/policy", as: harness.cio, json: wrong)
            #expect(bad.status == .badRequest, "\(bad.text)")
            #expect(bad.errorMessage.contains("currency"), "\(bad.errorMessage)")
            let history = try await client.api(.get, "/api/v1/policy/history", as: harness.jane)
            let versions = (try history.json() as? [[String: Any]] ?? []).compactMap { $0["version"] as? Int }
            #expect(versions == [1, 2])
            let plain = try await client.call(
                .put, "/api/v1/policy", as: harness.cio, headers: [.contentType: "text/plain"], body: document)
            #expect(plain.status == .unsupportedMediaType)
        }
        #expect(try harness.programme.currentPolicy().version == 2)
    }

    @Test("Rewards: HR keeps the catalogue and budget, previews and makes proposals, exports; others are refused")
    func rewards() async throws {
        let harness = try ServerHarness()
        try PageFlowTests.seedAccepted(harness)
        try await harness.serve { client in
            let item = #"{"code":"CONF","name":"Une conférence","category":"conference","costCents":45000,"stock":2}"#
            #expect(try await client.api(.post, "/api/v1/rewards/catalogue", as: harness.jane, json: item).status == .forbidden)
            #expect(try await client.api(.post, "/api/v1/rewards/catalogue", as: harness.cio, json: item).status == .forbidden)
            let added = try await client.api(.post, "/api/v1/rewards/catalogue", as: harness.hr, json: item)
            #expect(added.status == .created, "\(added.text)")
            #expect((try added.json() as? [String: Any])?["costCents"] as? Int == 45_000)
            let catalogue = try await client.api(.get, "/api/v1/rewards/catalogue", as: harness.jane)
            #expect(
                Set((try catalogue.json() as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }) == ["BOOK", "CONF"])
            let badCategory = try await client.api(
                .post, "/api/v1/rewards/catalogue", as: harness.hr,
                json: #"{"code":"X1","name":"x","category":"yacht","costCents":1}"#)
            #expect(badCategory.status == .badRequest)
            #expect(badCategory.errorMessage.contains("yacht"))
            #expect(try await client.api(.delete, "/api/v1/rewards/catalogue?code=CONF", as: harness.jane).status == .forbidden)
            let removed = try await client.api(.delete, "/api/v1/rewards/catalogue?code=CONF", as: harness.hr)
            #expect((try removed.json() as? [String: Any])?["retired"] as? Bool == false, "\(removed.text)")

            let budget = #"{"period":"2026-Q4","amountCents":250000}"#
            #expect(try await client.api(.put, "/api/v1/rewards/budgets", as: harness.cio, json: budget).status == .forbidden)
            let set = try await client.api(.put, "/api/v1/rewards/budgets", as: harness.hr, json: budget)
            #expect((try set.json() as? [String: Any])?["amountCents"] as? Int == 250_000, "\(set.text)")
            let budgets = try await client.api(.get, "/api/v1/rewards/budgets?period=2026-Q4", as: harness.cio)
            #expect((try budgets.json() as? [[String: Any]])?.first?["amountCents"] as? Int == 250_000)
            #expect(try await client.api(.get, "/api/v1/rewards/budgets", as: harness.jane).status == .forbidden)

            let preview = try await client.api(
                .post, "/api/v1/rewards/proposals", as: harness.hr, json: #"{"period":"2026-Q4","dryRun":true}"#)
            #expect(preview.status == .ok, "\(preview.text)")
            #expect((try preview.json() as? [String: Any])?["dryRun"] as? Bool == true)
            #expect(try harness.programme.rewardProposals(by: harness.hr).isEmpty)
            #expect(
                try await client.api(.post, "/api/v1/rewards/proposals", as: harness.cio, json: #"{"period":"2026-Q4"}"#).status
                    == .forbidden)
            let made = try await client.api(.post, "/api/v1/rewards/proposals", as: harness.hr, json: #"{"period":"2026-Q4"}"#)
            #expect(made.status == .created, "\(made.text)")
            let proposals = try #require((try made.json() as? [String: Any])?["proposals"] as? [[String: Any]])
            #expect(!proposals.isEmpty)
            let ids = try harness.programme.rewardProposals(by: harness.hr).map(\.id)
            #expect(ids.count == proposals.count)
            _ = try harness.programme.approveRewards(ids, by: harness.cio)
            let export = try await client.api(.get, "/api/v1/rewards/export?period=2026-Q4", as: harness.hr)
            let rows = try #require(try export.json() as? [[String: Any]], "\(export.text)")
            #expect(rows.count == ids.count)
            #expect(rows.allSatisfy { $0["status"] as? String == "approved" })
            #expect(try await client.api(.get, "/api/v1/rewards/export?period=2026-Q4", as: harness.cio).status == .forbidden)
            let noPeriod = try await client.api(.get, "/api/v1/rewards/export", as: harness.hr)
            #expect(noPeriod.status == .badRequest)
            #expect(noPeriod.errorMessage.contains("period"))
        }
    }

    @Test("Admin: people and projects added by an admin only; projects listed for all; the audit trail with filters and a limit")
    func admin() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let person = #"{"email":"new@corp.fr","name":"Nina Nouvelle","team":"Data","role":"hr"}"#
            #expect(try await client.api(.post, "/api/v1/employees", as: harness.hr, json: person).status == .forbidden)
            let added = try await client.api(.post, "/api/v1/employees", as: harness.admin, json: person)
            #expect(added.status == .created, "\(added.text)")
            #expect((try added.json() as? [String: Any])?["role"] as? String == "hr")
            let again = try await client.api(.post, "/api/v1/employees", as: harness.admin, json: person)
            #expect(again.status == .conflict)
            let roster = try await client.api(.get, "/api/v1/employees?team=Data", as: harness.admin)
            #expect(
                Set((try roster.json() as? [[String: Any]] ?? []).compactMap { $0["email"] as? String })
                    == ["jane@corp.fr", "new@corp.fr"])
            #expect(try await client.api(.get, "/api/v1/employees", as: harness.hr).status == .forbidden)

            let project = #"{"code":"CLOUD-2027","name":"Cloud","weight":2,"start":"2027-01-01"}"#
            #expect(try await client.api(.post, "/api/v1/projects", as: harness.cio, json: project).status == .forbidden)
            let created = try await client.api(.post, "/api/v1/projects", as: harness.admin, json: project)
            #expect(created.status == .created, "\(created.text)")
            let badWeight = try await client.api(
                .post, "/api/v1/projects", as: harness.admin, json: #"{"code":"X-1","name":"x","weight":7}"#)
            #expect(badWeight.status == .badRequest)
            #expect(badWeight.errorMessage.contains("7"))
            let projects = try await client.api(.get, "/api/v1/projects", as: harness.jane)
            #expect(
                Set((try projects.json() as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
                    == ["ERP-2027", "CLOUD-2027"])

            let audit = try await client.api(.get, "/api/v1/audit?entity=project&limit=1", as: harness.cio)
            let entries = try #require(try audit.json() as? [[String: Any]], "\(audit.text)")
            #expect(entries.count == 1)
            #expect(entries.first?["entity"] as? String == "project")
            #expect(entries.first?["actorEmail"] as? String == "admin@corp.fr")
            #expect(try await client.api(.get, "/api/v1/audit", as: harness.jane).status == .forbidden)
            let bogus = try await client.api(.get, "/api/v1/audit?entity=salary", as: harness.cio)
            #expect(bogus.status == .badRequest)
            #expect(bogus.errorMessage.contains("salary"))
        }
        #expect(try harness.programme.projects().map(\.project.code.value).contains("CLOUD-2027"))
    }

    @Test("Imports: a file's bytes with its own type, all or nothing, problems with their line; a form's type is refused")
    func imports() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            func upload(_ kind: String, _ text: String, type: String = "text/csv", as person: EmailAddress) async throws
                -> TestResponse
            {
                try await client.call(
                    .post, "/api/v1/imports/\(kind)?name=mine.csv", as: person, headers: [.contentType: type], body: text)
            }
            let bad =
                "email,url,date,title\njane@corp.fr,https://jane.example/blog/one,2026-11-02,Un\njane@corp.fr,https://jane.example/blog/two,2026-13-45,Deux\n"
            let refused = try await upload("actions", bad, as: harness.jane)
            #expect(refused.status == .unprocessableContent, "\(refused.text)")
            let outcome = try #require((try refused.json() as? [[String: Any]])?.first)
            #expect(outcome["name"] as? String == "mine.csv")
            let summary = try #require(outcome["summary"] as? [String: Any])
            #expect(summary["written"] as? Bool == false)
            #expect((summary["problems"] as? [[String: Any]])?.first?["line"] as? Int == 3)
            #expect(try harness.programme.actions(ActionFilter(author: harness.jane)).isEmpty)

            let good = "email,url,date,title\njane@corp.fr,https://jane.example/blog/one,2026-11-02,Un\n"
            let written = try await upload("actions", good, as: harness.jane)
            #expect(written.status == .ok, "\(written.text)")
            #expect(
                ((try written.json() as? [[String: Any]])?.first?["summary"] as? [String: Any])?["inserted"] as? Int == 1)
            #expect(try harness.programme.actions(ActionFilter(author: harness.jane)).count == 1)

            let asForm = try await upload("actions", good, type: "text/plain", as: harness.jane)
            #expect(asForm.status == .unsupportedMediaType)
            #expect(asForm.errorMessage.contains("text/csv"))
            let unknown = try await upload("myspace", good, as: harness.jane)
            #expect(unknown.status == .badRequest)
            #expect(unknown.errorMessage.contains("myspace"))
            let someoneElses = try await upload(
                "actions", "email,url,date,title\npaul@corp.fr,https://paul.example/blog/p,2026-11-02,P\n", as: harness.jane)
            #expect(someoneElses.status.code >= 400, "\(someoneElses.text)")
        }
        #expect(try harness.programme.actions(ActionFilter(author: harness.paul)).isEmpty)
    }

    @Test("Report: the HTML report for the cio, HR and admins, refused to staff")
    func report() async throws {
        let harness = try ServerHarness()
        try PageFlowTests.seedAccepted(harness)
        try await harness.serve { client in
            let report = try await client.call(.get, "/api/v1/report?period=2026-Q4&lang=fr", as: harness.cio)
            #expect(report.status == .ok)
            #expect(report.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(report.text.contains("<html"))
            #expect(report.text.contains("Jane Doe"))
            let refused = try await client.call(.get, "/api/v1/report", as: harness.jane)
            #expect(refused.status == .forbidden)
            #expect(refused.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    /// Each new write × the four roles: 2xx for the roles it is for, 403 for the others.
    static let writes: [(HTTPRequest.Method, String, String?, Set<RoutePermissionTests.Role>)] = [
        (.post, "/api/v1/rewards/catalogue", #"{"code":"R-ROLE","name":"x","category":"book","costCents":100}"#, [.hr, .admin]),
        (.put, "/api/v1/rewards/budgets", #"{"period":"2026-Q4","amountCents":1000}"#, [.hr, .admin]),
        (.post, "/api/v1/rewards/proposals", #"{"period":"2026-Q4","dryRun":true}"#, [.hr, .admin]),
        (.post, "/api/v1/employees", #"{"email":"role-ROLE@corp.fr","name":"Role Test"}"#, [.admin]),
        (.post, "/api/v1/projects", #"{"code":"P-ROLE","name":"Role project"}"#, [.admin]),
        (.post, "/api/v1/me/privacy", #"{"hidden":false}"#, [.staff, .cio, .hr, .admin]),
        (.post, "/api/v1/me/wishes", #"{"code":"BOOK"}"#, [.staff, .cio, .hr, .admin]),
    ]

    @Test("Writes: each new API write × the four roles")
    func writeMatrix() async throws {
        let harness = try ServerHarness()
        try PageFlowTests.seedAccepted(harness)
        let matrix = RoutePermissionTests()
        try await harness.serve { client in
            for (method, path, body, open) in Self.writes {
                for role in RoutePermissionTests.Role.allCases {
                    let json = body?.replacingOccurrences(of: "ROLE", with: role.rawValue.uppercased())
                    let answer = try await client.api(method, path, as: matrix.email(role, harness), json: json)
                    if open.contains(role) {
                        #expect(answer.status.code < 300, "\(method) \(path) as \(role): \(answer.status) \(answer.text)")
                    } else {
                        #expect(answer.status == .forbidden, "\(method) \(path) as \(role): \(answer.status) \(answer.text)")
                    }
                }
            }
        }
    }

    @Test("The OpenAPI document is JSON and describes every operation the API serves")
    func document() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let answer = try await client.api(.get, "/api/v1/openapi.json", as: nil)
            let document = try #require(try answer.json() as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let expected: [(String, String)] = [
                ("/api/v1/me", "get"), ("/api/v1/actions", "post"), ("/api/v1/actions/metrics", "post"),
                ("/api/v1/me/actions", "get"), ("/api/v1/me/actions", "delete"), ("/api/v1/ranking", "get"),
                ("/api/v1/me/explanation", "get"), ("/api/v1/explanation", "get"), ("/api/v1/rewards/decisions", "post"),
                ("/api/v1/review", "get"), ("/api/v1/review/decisions", "post"), ("/api/v1/flags/decisions", "post"),
                ("/api/v1/me/channels", "get"), ("/api/v1/me/channels", "post"), ("/api/v1/me/wishes", "get"),
                ("/api/v1/me/wishes", "post"), ("/api/v1/me/wishes", "delete"), ("/api/v1/me/privacy", "get"),
                ("/api/v1/me/privacy", "post"), ("/api/v1/me/data", "get"), ("/api/v1/policy", "get"),
                ("/api/v1/policy", "put"), ("/api/v1/policy/history", "get"), ("/api/v1/rewards/catalogue", "get"),
                ("/api/v1/rewards/catalogue", "post"), ("/api/v1/rewards/catalogue", "delete"),
                ("/api/v1/rewards/budgets", "get"), ("/api/v1/rewards/budgets", "put"),
                ("/api/v1/rewards/proposals", "get"), ("/api/v1/rewards/proposals", "post"),
                ("/api/v1/rewards/export", "get"), ("/api/v1/employees", "get"), ("/api/v1/employees", "post"),
                ("/api/v1/projects", "get"), ("/api/v1/projects", "post"), ("/api/v1/audit", "get"),
                ("/api/v1/imports/{kind}", "post"), ("/api/v1/report", "get"),
            ]
            for (path, method) in expected {
                #expect(paths[path]?[method] != nil, "\(method) \(path) is not in the document")
            }
            #expect(
                paths.values.map(\.count).reduce(0, +) == expected.count, "an operation is described that the test does not list")
            let ranking = (paths["/api/v1/ranking"]?["get"] as? [String: Any])?["parameters"] as? [[String: Any]] ?? []
            #expect(Set(ranking.compactMap { $0["name"] as? String }) == ["team", "project", "channel", "tier", "by", "top"])
        }
    }
}
