import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The pages that run the programme: the CIO's policy and flags, the
/// ranking's filters, HR's catalogue and budgets, the admin's imports.
@Suite("Pages for the CIO, HR and the admin")
struct ManagementPageTests {
    @Test("The CIO edits the policy: a bad key is shown again with its name, a good file makes a new version")
    func policyEdit() async throws {
        let harness = try ServerHarness()
        try PageFlowTests.seedAccepted(harness)
        let current = try harness.programme.currentPolicy().policy.document.renderTOML()
        let edited = current.replacingOccurrences(of: "commentWeight = 2\n", with: "commentWeight = 4\n")
        #expect(edited != current, "the default policy writes commentWeight = 2")
        try await harness.serve { client in
            let staffPage = try await client.call(.get, "/policy", as: harness.jane).text
            #expect(staffPage.contains("commentWeight = 2") && !staffPage.contains("<textarea"))
            let token = try await client.formToken(as: harness.cio, page: "/policy")
            let typo = edited.replacingOccurrences(of: "commentWeight = 4", with: "commentWieght = 4")
            let refused = try await client.submit("/policy", as: harness.cio, fields: [("policy", typo), ("csrf", token)])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("commentWieght"), "the unknown key is named")
            #expect(refused.text.contains("commentWieght = 4"), "what was typed is shown again")
            let byStaff = try await client.submit(
                "/policy", as: harness.jane,
                fields: [("policy", edited), ("csrf", try await client.formToken(as: harness.jane))])
            #expect(byStaff.status == .forbidden)
            let saved = try await client.submit("/policy", as: harness.cio, fields: [("policy", edited), ("csrf", token)])
            #expect(saved.status == .ok, "\(saved.text.suffix(600))")
            #expect(saved.text.contains("version 2"))
            #expect(saved.text.contains("engagement.commentWeight: 2 → 4"))
            let again = try await client.submit("/policy", as: harness.cio, fields: [("policy", edited), ("csrf", token)])
            #expect(again.text.contains("already in force"))
            // A page opened on version 1, submitted after version 2 came in: refused, the text kept.
            let stale = try await client.submit(
                "/policy", as: harness.cio, fields: [("policy", current), ("version", "1"), ("csrf", token)])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("version 2 is in force now") && stale.text.contains("commentWeight = 2"))
        }
        let (version, policy) = try harness.programme.currentPolicy()
        #expect(version == 2)
        #expect(policy.scoring.commentWeight == 4)
    }

    @Test("The CIO sees a flag for gaming on the review page, clears one and confirms another")
    func flags() async throws {
        let harness = try ServerHarness()
        let fixture = harness.fixture
        for index in 1...6 {
            try harness.programme.logAction(try fixture.draft("https://jane.example/blog/busy-\(index)"), by: harness.jane)
            try harness.programme.logAction(
                try fixture.draft("https://paul.example/blog/busy-\(index)", by: harness.paul), by: harness.paul)
        }
        try await harness.serve { client in
            let page = try await client.call(.get, "/review?period=2026-Q4", as: harness.cio).text
            #expect(page.contains("busy-day"))
            #expect(page.contains("jane@corp.fr") && page.contains("paul@corp.fr"))
            #expect(try await client.call(.get, "/review", as: harness.jane).status == .forbidden)
            func settle(_ email: EmailAddress, _ decision: String, note: String, as person: EmailAddress) async throws
                -> TestResponse
            {
                let csrf = try await client.formToken(as: person)
                return try await client.submit(
                    "/review/flags", as: person,
                    fields: [
                        ("email", email.value), ("flag", "busy-day"), ("period", "2026-Q4"), ("decision", decision),
                        ("note", note), ("csrf", csrf),
                    ])
            }
            #expect(try await settle(harness.jane, "clear", note: "", as: harness.cio).status == .badRequest)
            #expect(try await settle(harness.jane, "clear", note: "a hackathon", as: harness.jane).status == .forbidden)
            let cleared = try await settle(harness.jane, "clear", note: "a hackathon", as: harness.cio)
            #expect(cleared.status == .seeOther, "\(cleared.text.suffix(600))")
            let confirmed = try await settle(harness.paul, "confirm", note: "copies of one post", as: harness.cio)
            #expect(confirmed.status == .seeOther, "\(confirmed.text.suffix(600))")
            let after = try await client.call(.get, "/review?period=2026-Q4", as: harness.cio).text
            #expect(!after.contains("busy-day"))
        }
        let janes = try harness.programme.actions(ActionFilter(author: harness.jane))
        #expect(janes.count == 6 && janes.allSatisfy { $0.review == .pending })
        let pauls = try harness.programme.actions(ActionFilter(author: harness.paul))
        #expect(pauls.count == 6 && pauls.allSatisfy { $0.review == .rejected })
    }

    @Test("The ranking filters by project, channel kind and tier as rank does; a bad value is named")
    func rankingFilters() async throws {
        let harness = try ServerHarness()
        try PageFlowTests.seedAccepted(harness)
        let fixture = harness.fixture
        let other = try ProjectCode("DATA-2027")
        _ = try harness.programme.addProject(
            try Project.validated(code: other, name: "Data platform", weight: 2), by: harness.admin)
        try fixture.logAccepted(
            try fixture.draft("https://hr.example/blog/data", by: harness.hr, kind: .article, projects: [other]))
        try await harness.serve { client in
            let all = try await client.call(.get, "/ranking?period=2026-Q4", as: harness.cio).text
            #expect(all.contains("Jane Doe") && all.contains("Hugo RH"))
            let data = try await client.call(.get, "/ranking?period=2026-Q4&project=DATA-2027", as: harness.cio).text
            #expect(data.contains("Hugo RH") && !data.contains("Jane Doe"))
            let blogs = try await client.call(.get, "/ranking?period=2026-Q4&channel=youtube", as: harness.cio).text
            #expect(!blogs.contains("Jane Doe") && !blogs.contains("Hugo RH"))
            let bad = try await client.call(.get, "/ranking?period=2026-Q4&tier=giant", as: harness.cio)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("giant"))
        }
    }

    @Test("HR adds a reward typed the French way and sets a budget; staff read the catalogue and change nothing")
    func catalogueAndBudget() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let token = try await client.formToken(as: harness.hr, page: "/rewards/catalogue")
            let added = try await client.submit(
                "/rewards/catalogue", as: harness.hr,
                fields: [
                    ("code", "CERT-AWS"), ("name", "Certification AWS"), ("category", "certification"), ("cost", "380,50"),
                    ("stock", "4"), ("maxPerPerson", ""), ("minTier", ""), ("project", ""), ("csrf", token),
                ])
            #expect(added.status == .seeOther, "\(added.text.suffix(600))")
            let badCost = try await client.submit(
                "/rewards/catalogue", as: harness.hr,
                fields: [("code", "BOOK"), ("name", "Livre"), ("category", "book"), ("cost", "trente"), ("csrf", token)])
            #expect(badCost.status == .badRequest)
            #expect(badCost.text.contains("trente"))
            let staffView = try await client.call(.get, "/rewards/catalogue", as: harness.jane).text
            #expect(staffView.contains("Certification AWS") && !staffView.contains("name=\"cost\""))
            let byStaff = try await client.submit(
                "/rewards/catalogue/remove", as: harness.jane,
                fields: [("code", "CERT-AWS"), ("csrf", try await client.formToken(as: harness.jane))])
            #expect(byStaff.status == .forbidden)
            // As the French page writes amounts: a no-break space between thousands, the currency after.
            let budget = try await client.submit(
                "/rewards/budget", as: harness.hr,
                fields: [("period", "2026-Q4"), ("amount", "6\u{00A0}000,00 €"), ("csrf", token)])
            #expect(budget.status == .seeOther, "\(budget.text.suffix(600))")
            #expect(try await client.call(.get, "/rewards/budget", as: harness.jane).status == .forbidden)
            #expect(try await client.call(.get, "/rewards/budget", as: harness.cio).text.contains("2026-Q4"))
        }
        let item = try #require(try harness.programme.rewardCatalogue(by: harness.hr).first)
        #expect(item.item.code.value == "CERT-AWS" && item.item.costCents == 38_050 && item.item.stock == 4)
        #expect(try harness.programme.rewardBudgets(by: harness.hr).map(\.amountCents) == [600_000])
    }

    @Test("The admin uploads a roster: all or nothing, with the refused line numbered; staff may not")
    func rosterUpload() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let token = try await client.formToken(as: harness.admin, page: "/admin/import")
            func upload(_ text: String, as person: EmailAddress, token: String) async throws -> TestResponse {
                let (type, body) = UploadTests.multipart(
                    fields: [("csrf", token), ("kind", "employees")], file: (field: "file", name: "annuaire.csv", text: text))
                return try await client.call(
                    .post, "/admin/import", as: person, headers: [.contentType: type, .origin: "http://localhost"], body: body)
            }
            let bad = "courriel;nom;équipe\r\nnina@corp.fr;Nina Roux;Data\r\nnot-an-email;Léo Petit;Data\r\n"
            let refused = try await upload(bad, as: harness.admin, token: token)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("annuaire.csv:3:"))
            #expect(refused.text.contains("not-an-email"))
            let good = "courriel;nom;équipe\r\nnina@corp.fr;Nina Roux;Data\r\nleo@corp.fr;Léo Petit;Data\r\n"
            let byStaff = try await upload(good, as: harness.jane, token: try await client.formToken(as: harness.jane))
            #expect(byStaff.status == .forbidden)
            let imported = try await upload(good, as: harness.admin, token: token)
            #expect(imported.status == .ok, "\(imported.text.suffix(600))")
            #expect(imported.text.contains("2 added"))
        }
        #expect(try harness.programme.employee(try EmailAddress("leo@corp.fr")).name == "Léo Petit")
        #expect(try harness.programme.employee(try EmailAddress("nina@corp.fr")).team == "Data")
    }

    @Test("Deactivating someone asks first, changes nothing until confirmed, and can be undone")
    func deactivateAsksFirst() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let token = try await client.formToken(as: harness.admin, page: "/admin/people")
            let asked = try await client.submit(
                "/admin/people/deactivate", as: harness.admin, fields: [("email", "paul@corp.fr"), ("csrf", token)])
            #expect(asked.status == .ok)
            #expect(asked.text.contains("Deactivate Paul Martin?") && asked.text.contains("value=\"confirm\""))
            #expect(try harness.programme.employee(harness.paul).isActive)
            let done = try await client.submit(
                "/admin/people/deactivate", as: harness.admin,
                fields: [("email", "paul@corp.fr"), ("step", "confirm"), ("csrf", token)])
            #expect(done.status == .seeOther)
            #expect(try harness.programme.employee(harness.paul).isActive == false)
            let back = try await client.submit(
                "/admin/people/reactivate", as: harness.admin, fields: [("email", "paul@corp.fr"), ("csrf", token)])
            #expect(back.status == .seeOther)
        }
        #expect(try harness.programme.employee(harness.paul).isActive)
    }
}
