import AdvocacyCore
import AdvocacyServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Who is signed in: the proxy's header, believed only from trusted proxies;
/// an email that must be an active employee's.
@Suite("Signing in through the proxy's header")
struct SignInTests {
    @Test("The header from a trusted proxy signs the person in")
    func trustedHeader() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let me = try await client.api(.get, "/api/v1/me", as: harness.jane)
            #expect(me.status == .ok)
            let fields = try #require(try me.json() as? [String: Any])
            #expect(fields["email"] as? String == "jane@corp.fr")
            #expect(fields["role"] as? String == "staff")
            let page = try await client.call(.get, "/", as: harness.cio)
            #expect(page.status == .ok)
            #expect(page.text.contains("Chloé CIO"))
        }
    }

    @Test("The header from a peer that is not a trusted proxy is refused with 401")
    func untrustedPeer() async throws {
        let harness = try ServerHarness { $0.trustedProxies = [try AddressRange("10.0.0.0/8")] }
        try await harness.serve { client in
            let answer = try await client.api(.get, "/api/v1/me", as: harness.admin)
            #expect(answer.status == .unauthorized)
            #expect(answer.errorMessage.contains("X-Forwarded-Email header is accepted only from the sign-in proxy"))
            let page = try await client.call(.get, "/ranking", as: harness.admin)
            #expect(page.status == .unauthorized)
            #expect(page.text.contains("accepted only from the sign-in proxy"))
        }
    }

    @Test("An unknown or a deactivated email gets 403 and whom to ask")
    func unknownAndDeactivated() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let stranger = try EmailAddress("stranger@corp.fr")
            let unknown = try await client.call(.get, "/", as: stranger)
            #expect(unknown.status == .forbidden)
            #expect(unknown.text.contains("stranger@corp.fr is not registered in the advocacy programme: ask a programme admin"))
            let gone = try await client.api(.get, "/api/v1/me", as: harness.gone)
            #expect(gone.status == .forbidden)
            #expect(gone.errorMessage.contains("deactivated"))
        }
    }

    @Test("No identity: the pages and the API say how to sign in; the health checks answer")
    func anonymous() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let page = try await client.call(.get, "/log", as: nil)
            #expect(page.status == .unauthorized)
            #expect(page.text.contains("you are not signed in"))
            let api = try await client.api(.get, "/api/v1/ranking", as: nil)
            #expect(api.status == .unauthorized)
            #expect(api.headers[.wwwAuthenticate] == "Bearer")
            #expect(try await client.call(.get, "/healthz", as: nil).status == .ok)
            #expect(try await client.call(.get, "/readyz", as: nil).status == .ok)
        }
    }

    @Test("A header that holds no email is refused, naming the value")
    func malformedHeader() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let answer = try await client.execute(
                uri: "/api/v1/me", method: .get, headers: [.forwardedEmail: "not an email"])
            #expect(answer.status == .unauthorized)
            #expect(answer.errorMessage.contains("'not an email'"))
        }
    }

    @Test(
        "Trusted proxies are CIDR blocks",
        arguments: [
            ("127.0.0.1/32", "127.0.0.1", true), ("127.0.0.0/8", "127.9.9.9", true), ("10.1.0.0/16", "10.2.0.1", false),
            ("::1/128", "::1", true), ("::1", "::2", false), ("192.168.1.0/24", "::ffff:192.168.1.7", true),
            ("0.0.0.0/0", "8.8.8.8", true), ("10.0.0.0/8", "fe80::1", false),
        ])
    func cidr(block: String, address: String, inside: Bool) throws {
        #expect(try AddressRange(block).contains(address) == inside)
    }

    @Test("A malformed block is refused with the value and an example", arguments: ["10.0.0.0/33", "bob", "10.0.0/8", ""])
    func badCIDR(_ text: String) {
        #expect(throws: ServerError.self) { try AddressRange(text) }
    }
}
