import AdvocacyTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("LocalHTTPServer")
struct LocalHTTPServerTests {
    /// What a fetch ended with, as a value the test can compare.
    enum Outcome: Equatable {
        case response(status: Int, body: String, url: String?)
        case failure(URLError.Code)
    }

    static func fetch(_ address: String, with session: URLSession) async throws -> Outcome {
        let url = try #require(URL(string: address))
        do {
            let (data, response) = try await session.data(from: url)
            let http = try #require(response as? HTTPURLResponse)
            return .response(status: http.statusCode, body: String(decoding: data, as: UTF8.self), url: http.url?.absoluteString)
        } catch let error as URLError {
            return .failure(error.code)
        }
    }

    /// Sends the request now; the outcome arrives on the stream.
    static func start(_ address: String, with session: URLSession) throws -> AsyncStream<Outcome> {
        let url = try #require(URL(string: address))
        let (outcomes, continuation) = AsyncStream.makeStream(of: Outcome.self)
        session.dataTask(with: url) { data, response, error in
            if let http = response as? HTTPURLResponse {
                let body = String(decoding: data ?? Data(), as: UTF8.self)
                continuation.yield(.response(status: http.statusCode, body: body, url: http.url?.absoluteString))
            } else {
                continuation.yield(.failure((error as? URLError)?.code ?? .unknown))
            }
            continuation.finish()
        }.resume()
        return outcomes
    }

    /// A session that gives up after `timeout` seconds without an answer.
    static func session(timeout: TimeInterval) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        return URLSession(configuration: configuration)
    }

    @Test func servesBodiesMissingPagesRedirectsAndSlowAnswersConcurrently() async throws {
        // The slow route would answer after a minute; stop() abandons it, so the test never waits that long.
        let server = try LocalHTTPServer(routes: [
            "/feed.xml": .init(status: 200, headers: ["Content-Type": "application/rss+xml"], body: Data("<rss/>".utf8)),
            "/old-feed": .init(status: 301, headers: ["Location": "/feed.xml"]),
            "/slow": .init(status: 200, body: Data("too late".utf8), delay: 60),
        ])
        defer { server.stop() }
        let impatient = Self.session(timeout: 1), patient = Self.session(timeout: 10)

        // The slow request goes first and the server holds it while the others are served: a server
        // that answered one connection at a time would make them wait past their 10 s timeout.
        // No wall-clock assertions on the awaits: when the whole suite runs, synchronous tests can keep the
        // concurrency pool busy for seconds. For the same reason the slow request is sent from this thread,
        // not from a Task that might not have run yet.
        let slow = try Self.start(server.url("/slow"), with: impatient)
        let started = Date()
        while server.requests.isEmpty && Date().timeIntervalSince(started) < 30 {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(server.requests == ["/slow"])

        #expect(
            try await Self.fetch(server.url("/feed.xml"), with: patient)
                == .response(status: 200, body: "<rss/>", url: server.url("/feed.xml")))
        #expect(
            try await Self.fetch(server.url("/missing?page=2"), with: patient)
                == .response(status: 404, body: "not found\n", url: server.url("/missing?page=2")))
        // The redirect is followed: the client ends on the target and reports its address.
        #expect(
            try await Self.fetch(server.url("/old-feed"), with: patient)
                == .response(status: 200, body: "<rss/>", url: server.url("/feed.xml")))
        #expect(await slow.first { _ in true } == .failure(.timedOut))
        #expect(server.requests == ["/slow", "/feed.xml", "/missing?page=2", "/old-feed", "/feed.xml"])

        // The slow route is still waiting to answer; stopping must not wait for it (stop() gives up after 2 s).
        let stopping = Date()
        server.stop()
        #expect(Date().timeIntervalSince(stopping) < 1.5)
        #expect(try await Self.fetch(server.url("/feed.xml"), with: patient) == .failure(.cannotConnectToHost))
    }

    @Test func stopsWhenReleased() async throws {
        var server: LocalHTTPServer? = try LocalHTTPServer(routes: ["/": .init(status: 200)])
        let address = try #require(server?.url("/"))
        let session = URLSession(configuration: .ephemeral)
        #expect(try await Self.fetch(address, with: session) == .response(status: 200, body: "", url: address))
        server = nil
        #expect(try await Self.fetch(address, with: session) == .failure(.cannotConnectToHost))
    }
}
