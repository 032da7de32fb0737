import AdvocacyTestSupport
import Foundation
import Testing

@testable import AdvocacyKit

/// The feed download against a real server on 127.0.0.1: each way it can
/// fail is named in words for a person.
@Suite("Feed download")
struct FeedFetcherTests {
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
            if case .failure(let failure) = FeedFetcher().fetch(server.url(path), timeout: 10) { return failure.reason }
            return nil
        }
        #expect(try FeedFetcher().fetch(server.url("/feed.xml"), timeout: 10).get() == Data("<rss/>".utf8))
        #expect(try FeedFetcher().fetch(server.url("/moved"), timeout: 10).get() == Data("<rss/>".utf8))
        #expect(try FeedFetcher().fetch(server.url("/limit"), timeout: 10).get().count == FeedFetcher.sizeLimit)
        #expect(failure("/huge") == "the feed is over 20 MB")
        #expect(failure("/missing") == "the server answered 404 not found")
        #expect(failure("/loop") == "too many redirects")
        if case .failure(let failure) = FeedFetcher().fetch("ftp://127.0.0.1/feed.xml", timeout: 10) {
            #expect(failure.reason == "'ftp://127.0.0.1/feed.xml' is not an http(s) address")
        } else {
            Issue.record("an ftp address was fetched")
        }
        let address = server.url("/feed.xml")
        server.stop()
        if case .failure(let failure) = FeedFetcher().fetch(address, timeout: 10) {
            #expect(failure.reason == "could not connect to the server")
        } else {
            Issue.record("a stopped server answered")
        }
    }
}
