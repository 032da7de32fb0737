import AdvocacyCore
import AdvocacyServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Forgery, limits and headers: what a CISO checks first.
@Suite("Web security")
struct WebSecurityTests {
    @Test("Every page carries a strict Content-Security-Policy, and no script")
    func contentSecurityPolicy() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            for path in ["/", "/log", "/me/actions", "/ranking", "/healthz", "/api/v1/me", "/nowhere"] {
                let answer = try await client.call(.get, path, as: harness.jane)
                let policy = answer.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'"), "\(path)")
                #expect(policy.contains("script-src 'none'"), "\(path)")
                #expect(policy.contains("frame-ancestors 'none'"), "\(path)")
                #expect(answer.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(!answer.text.contains("<script"), "\(path)")
            }
        }
    }

    @Test("A form without the person's token, or with another's, is refused and changes nothing")
    func forgedForms() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let fields = [("url", "https://jane.example/blog/forged")]
            let none = try await client.submit("/log", as: harness.jane, fields: fields)
            #expect(none.status == .forbidden)
            #expect(none.text.contains("anti-forgery token"))
            let paulsToken = try await client.formToken(as: harness.paul)
            let others = try await client.submit("/log", as: harness.jane, fields: fields + [("csrf", paulsToken)])
            #expect(others.status == .forbidden)
        }
        #expect(try harness.programme.actions().isEmpty)
    }

    @Test("A change from another site is refused, token or not")
    func foreignOrigin() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let token = try await client.formToken(as: harness.jane)
            let answer = try await client.submit(
                "/log", as: harness.jane, fields: [("url", "https://jane.example/blog/x"), ("csrf", token)],
                origin: "https://evil.example")
            #expect(answer.status == .forbidden)
            #expect(answer.text.contains("'https://evil.example'"))
            var headers: HTTPFields = [.contentType: "application/json", .origin: "https://evil.example"]
            headers[.forwardedEmail] = harness.jane.value
            let api = try await client.execute(
                uri: "/api/v1/actions", method: .post, headers: headers, body: .init(string: #"{"url":"https://jane.example/a"}"#)
            )
            #expect(api.status == .forbidden)
        }
        #expect(try harness.programme.actions().isEmpty)
    }

    @Test("An API change sent as a form (what another site's page could send) is refused with 415")
    func simpleContentType() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let answer = try await client.call(
                .post, "/api/v1/actions", as: harness.jane, headers: [.contentType: "text/plain"],
                body: #"{"url":"https://jane.example/blog/a"}"#)
            #expect(answer.status == .unsupportedMediaType)
            #expect(answer.errorMessage.contains("expected application/json"))
        }
        #expect(try harness.programme.actions().isEmpty)
    }

    @Test("Beyond the writes allowed a minute, 429 with Retry-After; other people are not held back")
    func rateLimit() async throws {
        let harness = try ServerHarness { $0.writesPerMinute = 3 }
        try await harness.serve { client in
            for index in 1...3 {
                let answer = try await client.api(
                    .post, "/api/v1/actions", as: harness.jane, json: #"{"url":"https://jane.example/blog/p\#(index)"}"#)
                #expect(answer.status == .created, "\(answer.text)")
            }
            let fourth = try await client.api(
                .post, "/api/v1/actions", as: harness.jane, json: #"{"url":"https://jane.example/blog/p4"}"#)
            #expect(fourth.status == .tooManyRequests)
            #expect(Int(fourth.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(fourth.errorMessage.contains("more than 3 changes in a minute"))
            let paul = try await client.api(
                .post, "/api/v1/actions", as: harness.paul, json: #"{"url":"https://paul.example/blog/p1"}"#)
            #expect(paul.status == .created)
        }
        #expect(try harness.programme.actions().count == 4)
    }

    @Test("A body over the limit is refused with 413")
    func sizeLimit() async throws {
        let harness = try ServerHarness { $0.requestLimitBytes = 1000 }
        try await harness.serve { client in
            let title = String(repeating: "x", count: 2000)
            let answer = try await client.api(
                .post, "/api/v1/actions", as: harness.jane, json: #"{"url":"https://jane.example/a","title":"\#(title)"}"#)
            #expect(answer.status == .contentTooLarge)
            #expect(answer.errorMessage.contains("larger than 1000 bytes"))
        }
    }

    @Test("Text typed by people is escaped on the pages")
    func escaping() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let logged = try await client.api(
                .post, "/api/v1/actions", as: harness.jane,
                json: #"{"url":"https://jane.example/blog/x","title":"<script>alert(1)</script> & co"}"#)
            #expect(logged.status == .created)
            let page = try await client.call(.get, "/me/actions", as: harness.jane).text
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
            #expect(!page.contains("<script>"))
        }
    }

    @Test("A malformed JSON body gets 400 naming what is wrong, never a stack trace")
    func malformedJSON() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let missing = try await client.api(.post, "/api/v1/actions", as: harness.jane, json: #"{"title":"x"}"#)
            #expect(missing.status == .badRequest)
            #expect(missing.errorMessage.contains("'url' is missing"))
            let garbage = try await client.api(.post, "/api/v1/actions", as: harness.jane, json: "{{{")
            #expect(garbage.status == .badRequest)
            let badDate = try await client.api(
                .post, "/api/v1/actions", as: harness.jane, json: #"{"url":"https://jane.example/a","date":"21/11/2026"}"#)
            #expect(badDate.status == .badRequest)
            #expect(badDate.errorMessage.contains("21/11/2026"))
            for answer in [missing, garbage, badDate] {
                #expect(!answer.text.contains(".swift"))
                #expect(!answer.text.contains("SQL"))
            }
        }
    }
}
