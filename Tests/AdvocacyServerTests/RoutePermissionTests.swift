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
