import AdvocacyCore
import AdvocacyServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every route × the four roles: a route open to a role answers it (2xx or
/// a redirect), a route closed to it answers 403, whatever the page would
/// show. The same matrix is in docs/security.md.
@Suite("Permission matrix per route")
struct RoutePermissionTests {
    enum Role: String, CaseIterable { case staff, cio, hr, admin }

    /// Route → the roles it is open to.
    static let reads: [(String, Set<Role>)] = [
        ("/", [.staff, .cio, .hr, .admin]),
        ("/log", [.staff, .cio, .hr, .admin]),
        ("/me/actions", [.staff, .cio, .hr, .admin]),
        ("/me/score", [.staff, .cio, .hr, .admin]),
        ("/ranking", [.staff, .cio, .hr, .admin]),
        ("/ranking?by=team", [.staff, .cio, .hr, .admin]),
        ("/explain", [.cio, .hr, .admin]),
        ("/explain?email=paul@corp.fr", [.cio, .hr, .admin]),
        ("/rewards", [.cio, .hr, .admin]),
        ("/rewards/export?period=2026-Q4", [.hr, .admin]),
        ("/me/privacy", [.staff, .cio, .hr, .admin]),
        ("/me/channels", [.staff, .cio, .hr, .admin]),
        ("/me/import", [.staff, .cio, .hr, .admin]),
        ("/me/wishes", [.staff, .cio, .hr, .admin]),
        ("/me/data", [.staff, .cio, .hr, .admin]),
        ("/report", [.cio, .hr, .admin]),
        ("/audit", [.cio, .hr, .admin]),
        ("/backup", [.admin]),
        ("/admin/people", [.admin]),
        ("/admin/projects", [.admin]),
        ("/review", [.cio, .admin]),
        ("/policy", [.staff, .cio, .hr, .admin]),
        ("/ranking?channel=blog&tier=micro", [.staff, .cio, .hr, .admin]),
        ("/rewards/catalogue", [.staff, .cio, .hr, .admin]),
        ("/rewards/budget", [.cio, .hr, .admin]),
        ("/admin/import", [.admin]),
        ("/api/v1/me", [.staff, .cio, .hr, .admin]),
        ("/api/v1/me/actions", [.staff, .cio, .hr, .admin]),
        ("/api/v1/ranking", [.staff, .cio, .hr, .admin]),
        ("/api/v1/me/explanation", [.staff, .cio, .hr, .admin]),
        ("/api/v1/explanation?email=paul@corp.fr", [.cio, .hr, .admin]),
        ("/api/v1/rewards/proposals", [.staff, .cio, .hr, .admin]),
        // The API's other use cases (APITests tests what each does).
        ("/api/v1/ranking?by=team&top=3&tier=micro", [.staff, .cio, .hr, .admin]),
        ("/api/v1/review", [.cio, .admin]),
        ("/api/v1/me/channels", [.staff, .cio, .hr, .admin]),
        ("/api/v1/me/wishes", [.staff, .cio, .hr, .admin]),
        ("/api/v1/me/privacy", [.staff, .cio, .hr, .admin]),
        ("/api/v1/me/data", [.staff, .cio, .hr, .admin]),
        ("/api/v1/policy", [.staff, .cio, .hr, .admin]),
        ("/api/v1/policy/history", [.staff, .cio, .hr, .admin]),
        ("/api/v1/rewards/catalogue", [.staff, .cio, .hr, .admin]),
        ("/api/v1/rewards/budgets", [.cio, .hr, .admin]),
        ("/api/v1/rewards/export?period=2026-Q4", [.hr, .admin]),
        ("/api/v1/employees", [.admin]),
        ("/api/v1/projects", [.staff, .cio, .hr, .admin]),
        ("/api/v1/audit?limit=5", [.cio, .hr, .admin]),
        ("/api/v1/report", [.cio, .hr, .admin]),
    ]

    func email(_ role: Role, _ harness: ServerHarness) -> EmailAddress {
        switch role {
        case .staff: harness.jane
        case .cio: harness.cio
        case .hr: harness.hr
        case .admin: harness.admin
        }
    }

    @Test("Reads: each route answers the roles it is open to, and 403 to the others")
    func readMatrix() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            for (route, open) in Self.reads {
                for role in Role.allCases {
                    let answer = try await client.call(.get, route, as: email(role, harness))
                    if open.contains(role) {
                        #expect(answer.status.code < 400, "\(route) as \(role): \(answer.status) \(answer.text.prefix(300))")
                    } else {
                        #expect(answer.status == .forbidden, "\(route) as \(role): \(answer.status)")
                    }
                }
            }
        }
    }

    @Test("Writes: every role logs its own post through the form and the API")
    func logMatrix() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            for role in Role.allCases {
                let person = email(role, harness)
                let token = try await client.formToken(as: person)
                let form = try await client.submit(
                    "/log", as: person, fields: [("url", "https://\(role).example/blog/form"), ("csrf", token)])
                #expect(form.status == .seeOther, "\(role): \(form.text.prefix(300))")
                let api = try await client.api(
                    .post, "/api/v1/actions", as: person, json: #"{"url":"https://\#(role).example/blog/api"}"#)
                #expect(api.status == .created, "\(role): \(api.text)")
            }
        }
    }

    /// Form → the roles it is open to, with fields valid for each role (so
    /// a role it is closed to meets the refusal, not a typing mistake).
    static func forms(policy: String) -> [(String, Set<Role>, (Role) -> [(String, String)])] {
        [
            ("/policy", [.cio, .admin], { _ in [("policy", policy)] }),
            (
                "/rewards/catalogue", [.hr, .admin],
                { role in [("code", "ITEM-\(role)"), ("name", "Item"), ("category", "book"), ("cost", "10")] }
            ),
            ("/rewards/catalogue/remove", [.hr, .admin], { _ in [("code", "NOTHING")] }),
            ("/rewards/budget", [.hr, .admin], { _ in [("period", "2026-Q4"), ("amount", "100")] }),
            (
                "/review/flags", [.cio, .admin],
                { _ in
                    [
                        ("email", "paul@corp.fr"), ("flag", "busy-day"), ("period", "2026-Q4"), ("decision", "clear"),
                        ("note", "seen"),
                    ]
                }
            ),
            ("/admin/people", [.admin], { role in [("email", "new-\(role)@corp.fr"), ("name", "New \(role)")] }),
            ("/admin/projects", [.admin], { role in [("code", "P-\(role)"), ("name", "Project \(role)")] }),
            ("/admin/projects/close", [.admin], { _ in [("code", "ERP-2027"), ("step", "confirm")] }),
            ("/backup", [.admin], { _ in [] }),
            // Last: the admin, the last role tried, deactivates Paul for good.
            ("/admin/people/deactivate", [.admin], { _ in [("email", "paul@corp.fr"), ("step", "confirm")] }),
        ]
    }

    @Test("Forms that run the programme: each answers the roles it is open to, and 403 to the others")
    func formMatrix() async throws {
        let harness = try ServerHarness()
        let policy = try harness.programme.currentPolicy().policy.document.renderTOML()
        try await harness.serve { client in
            for (route, open, fields) in Self.forms(policy: policy) {
                for role in Role.allCases {
                    let person = email(role, harness)
                    let token = try await client.formToken(as: person)
                    let answer = try await client.submit(route, as: person, fields: fields(role) + [("csrf", token)])
                    if open.contains(role) {
                        #expect(answer.status != .forbidden, "\(route) as \(role): \(answer.text.suffix(300))")
                    } else {
                        #expect(answer.status == .forbidden, "\(route) as \(role): \(answer.status)")
                    }
                }
            }
        }
        let codes = try harness.programme.rewardCatalogue(by: harness.hr).map(\.item.code.value)
        #expect(Set(codes) == ["ITEM-HR", "ITEM-ADMIN"], "codes are kept in capitals")
        #expect(try harness.programme.employee(harness.paul).isActive == false)
        #expect(try harness.programme.project(harness.fixture.erp).project.status == .closed)
    }

    @Test("Rewards: staff never decide, nor anyone on their own; the cio and HR approve, HR grants, an admin only with a note")
    func decisionMatrix() async throws {
        let harness = try ServerHarness()
        try PageFlowTests.seedProposals(harness)
        let ids = try harness.programme.rewardProposals(by: harness.hr).map(\.id)
        let list = ids.map(String.init).joined(separator: ",")
        try await harness.serve { client in
            func decide(_ decision: String, as person: EmailAddress) async throws -> TestResponse {
                try await client.api(
                    .post, "/api/v1/rewards/decisions", as: person, json: #"{"decision":"\#(decision)","ids":[\#(list)]}"#)
            }
            #expect(try await decide("approve", as: harness.jane).status == .forbidden)
            #expect(try await decide("approve", as: harness.admin).status == .forbidden)
            #expect(try await decide("grant", as: harness.cio).status == .forbidden)
            let approved = try await decide("approve", as: harness.cio)
            #expect(approved.status == .ok, "\(approved.text)")
            let granted = try await decide("grant", as: harness.hr)
            #expect(granted.status == .ok, "\(granted.text)")
        }
        #expect(try harness.programme.rewardProposals(by: harness.hr).allSatisfy { $0.status == .granted })
    }
}
