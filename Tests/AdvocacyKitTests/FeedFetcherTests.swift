import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import Testing

@testable import AdvocacyKit

/// The feed download against a real server on 127.0.0.1: each way it can
/// fail is named in words for a person.
@Suite("Feed download")
struct FeedFetcherTests {
    /// The test server is on the loopback, which only an allowed host may reach.
    static let local = FetchPolicy(allowedInternalHosts: ["127.0.0.1"])

    @Test func answersAndFailuresAreNamed() throws {
        let server = try LocalHTTPServer(routes: [
            "/feed.xml": .init(status: 200, body: Data("<rss/>".utf8)),
            "/moved": .init(status: 302, headers: ["Location": "/feed.xml"]),
            "/loop": .init(status: 301, headers: ["Location": "/loop"]),
            "/huge": .init(status: 200, body: Data(repeating: UInt8(ascii: "x"), count: FeedFetcher.sizeLimit + 1)),
            "/limit": .init(status: 200, body: Data(repeating: UInt8(ascii: "x"), count: FeedFetcher.sizeLimit)),
        ])
        defer { server.stop() }
        func failure(_ path: String) -> String? {
            if case .failure(let failure) = FeedFetcher().fetch(server.url(path), timeout: 10, policy: Self.local) {
                return failure.reason
            }
            return nil
        }
        #expect(try FeedFetcher().fetch(server.url("/feed.xml"), timeout: 10, policy: Self.local).get() == Data("<rss/>".utf8))
        #expect(try FeedFetcher().fetch(server.url("/moved"), timeout: 10, policy: Self.local).get() == Data("<rss/>".utf8))
        #expect(
            try FeedFetcher().fetch(server.url("/limit"), timeout: 10, policy: Self.local).get().count == FeedFetcher.sizeLimit)
        #expect(failure("/huge") == "the feed is over 20 MB")
        #expect(failure("/missing") == "the server answered 404 not found")
        #expect(failure("/loop") == "too many redirects")
        if case .failure(let failure) = FeedFetcher().fetch("ftp://127.0.0.1/feed.xml", timeout: 10, policy: Self.local) {
            #expect(failure.reason == "'ftp://127.0.0.1/feed.xml' is not an http(s) address")
        } else {
            Issue.record("an ftp address was fetched")
        }
        let address = server.url("/feed.xml")
        server.stop()
        if case .failure(let failure) = FeedFetcher().fetch(address, timeout: 10, policy: Self.local) {
            #expect(failure.reason == "could not connect to the server")
        } else {
            Issue.record("a stopped server answered")
        }
    }

    @Test func internalAddressesAreRefusedOnEveryConnectionRedirectsIncluded() throws {
        let server = try LocalHTTPServer(routes: [
            "/secret": .init(status: 200, body: Data("<rss><channel><title>internal</title></channel></rss>".utf8))
        ])
        defer { server.stop() }
        let port = try #require(URL(string: server.url("/secret"))?.port)
        func reason(_ address: String, _ policy: FetchPolicy) -> String? {
            if case .failure(let failure) = FeedFetcher().fetch(address, timeout: 10, policy: policy) { return failure.reason }
            return nil
        }
        let nothingAllowed = FetchPolicy()
        for address in [
            "http://127.0.0.1:\(port)/secret", "http://0x7f000001:\(port)/secret", "http://2130706433:\(port)/secret",
        ] {
            let refused = reason(address, nothingAllowed)
            #expect(refused?.contains("leads to 127.0.0.1, an internal address") == true, "\(address): \(refused ?? "fetched")")
        }
        // Allowed by name, the host is fetched; a redirect from it to another internal host is not.
        let redirecting = try LocalHTTPServer(routes: [
            "/feed": .init(status: 302, headers: ["Location": "http://127.0.0.1:\(port)/secret"]),
            "/ok": .init(status: 200, body: Data("<rss/>".utf8)),
        ])
        defer { redirecting.stop() }
        let other = try #require(URL(string: redirecting.url("/feed"))?.port)
        let localhostOnly = FetchPolicy(allowedInternalHosts: ["localhost"])
        #expect(
            try FeedFetcher().fetch("http://localhost:\(other)/ok", timeout: 10, policy: localhostOnly).get()
                == Data("<rss/>".utf8))
        let redirected = reason("http://localhost:\(other)/feed", localhostOnly)
        #expect(redirected?.contains("http://127.0.0.1:\(port)/secret leads to 127.0.0.1") == true, "\(redirected ?? "fetched")")
    }
}
