import AdvocacyCore
import Foundation

/// Downloads feeds: HTTP behind a protocol, so that a test or another front
/// end can answer in its place.
public protocol FeedFetching: Sendable {
    /// The feed's bytes, or why they could not be had, in words for a person.
    /// Every address connected to, redirects included, must be one `policy`
    /// permits.
    func fetch(_ address: String, timeout: TimeInterval, policy: FetchPolicy) -> Result<Data, FetchFailure>
}

/// Downloads a feed over HTTP(S), following redirects, within a time limit.
public struct FeedFetcher: FeedFetching {
    /// The largest feed accepted; a blog's feed is a few hundred kilobytes.
    public static let sizeLimit = 20 << 20

    public init() {}

    /// The feed's bytes, or why they could not be had, in words for a person.
    /// On Linux, libcurl asks `policy` about each address it has resolved and
    /// connected to, before it sends anything, redirects included.
    public func fetch(_ address: String, timeout: TimeInterval, policy: FetchPolicy) -> Result<Data, FetchFailure> {
        guard let url = URL(string: address), ["http", "https"].contains(url.scheme?.lowercased()) else {
            return .failure(FetchFailure(reason: "'\(address)' is not an http(s) address"))
        }
        let accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"
        #if os(Linux)
            return Curl.shared.flatMap { curl in
                curl.get(
                    url.absoluteString, headers: ["Accept: " + accept], userAgent: Self.userAgent, timeout: timeout,
                    sizeLimit: Self.sizeLimit, policy: policy)
            }
        #else
            var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
            request.setValue(Self.userAgent, forHTTPHeaderField: "User-Agent")
            request.setValue(accept, forHTTPHeaderField: "Accept")
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = timeout
            configuration.timeoutIntervalForResource = timeout * 3
            let session = URLSession(configuration: configuration)
            defer { session.finishTasksAndInvalidate() }

            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            session.dataTask(with: request) { data, response, error in
                outcome.set(Self.result(data: data, response: response, error: error, timeout: timeout))
                done.signal()
            }.resume()
            done.wait()
            return outcome.value ?? .failure(FetchFailure(reason: "no answer"))
        #endif
    }

    static let userAgent = "advocacy (feed sync)"

    #if !os(Linux)
        private static func result(data: Data?, response: URLResponse?, error: (any Error)?, timeout: TimeInterval) -> Result<
            Data, FetchFailure
        > {
            if let error {
                let code = (error as? URLError)?.code
                let reason =
                    switch code {
                    case .timedOut: "no answer within \(Int(timeout)) s"
                    case .cannotFindHost, .dnsLookupFailed: "the host name is not known"
                    case .cannotConnectToHost: "could not connect to the server"
                    case .httpTooManyRedirects: "too many redirects"
                    case .notConnectedToInternet, .networkConnectionLost: "the network is unreachable"
                    default: error.localizedDescription
                    }
                return .failure(FetchFailure(reason: reason))
            }
            guard let http = response as? HTTPURLResponse else { return .failure(FetchFailure(reason: "the answer is not HTTP")) }
            guard http.statusCode == 200 else {
                return .failure(.answered(http.statusCode))
            }
            guard let data else { return .failure(FetchFailure(reason: "the answer is empty")) }
            guard data.count <= sizeLimit else { return .failure(FetchFailure(reason: "the feed is over \(sizeLimit >> 20) MB")) }
            return .success(data)
        }

        /// The completion handler's result, handed across threads.
        private final class Outcome: @unchecked Sendable {
            private let lock = NSLock()
            private var stored: Result<Data, FetchFailure>?
            func set(_ value: Result<Data, FetchFailure>) { lock.withLock { stored = value } }
            var value: Result<Data, FetchFailure>? { lock.withLock { stored } }
        }
    #endif
}

/// Why a feed could not be downloaded.
public struct FetchFailure: Error, Equatable, Sendable {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    /// A server that answered something other than 200.
    public static func answered(_ status: Int) -> FetchFailure {
        FetchFailure(reason: "the server answered \(status)" + (HTTPStatus.phrase(status).map { " \($0)" } ?? ""))
    }
}
