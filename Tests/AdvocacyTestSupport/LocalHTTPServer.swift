import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real HTTP/1.1 server on 127.0.0.1, for testing code that fetches with
/// `URLSession` against actual sockets: status codes, redirects, slow answers
/// and timeouts behave as they do on the network, which a stubbed
/// `URLProtocol` cannot show (FoundationNetworking goes through libcurl).
///
/// Each connection gets its own thread and one response, then is closed
/// (`Connection: close`), so a slow route never holds up the others.
public final class LocalHTTPServer: @unchecked Sendable {
    /// What the server answers on a path.
    public struct Response: Sendable {
        public var status: Int
        /// Sent as given; `Content-Length` and `Connection: close` are added
        /// unless given. A redirect is a 301 with a `Location` (a path such as
        /// `/new` is enough: the port is not known before the server starts).
        public var headers: [String: String] = [:]
        public var body = Data()
        /// Seconds to wait before answering, to make a client time out.
        public var delay: TimeInterval = 0

        public init(status: Int, headers: [String: String] = [:], body: Data = Data(), delay: TimeInterval = 0) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }
    }

    /// Why the server could not start.
    public struct SocketError: Error, CustomStringConvertible {
        var call: String
        var code: Int32
        public var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    /// The port the system chose.
    public let port: Int
    // The threads hold the core, not the server, so dropping the server runs deinit and stops them.
    private let core: Core

    /// Starts listening on a free port; a path missing from `routes` gets a 404.
    public init(routes: [String: Response]) throws {
        let listener = socket(AF_INET, Self.streamSocket, 0)
        guard listener >= 0 else { throw SocketError(call: "socket", code: errno) }
        do {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian  // 127.0.0.1: never reachable from outside.
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
            }
            guard bound == 0 else { throw SocketError(call: "bind", code: errno) }
            guard listen(listener, 64) == 0 else { throw SocketError(call: "listen", code: errno) }
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
            }
            guard named == 0 else { throw SocketError(call: "getsockname", code: errno) }
            port = Int(UInt16(bigEndian: address.sin_port))
        } catch {
            close(listener)
            throw error
        }
        core = Core(listener: listener, routes: routes)
        core.start()
    }

    deinit { core.stop() }

    /// `http://127.0.0.1:PORT/path`.
    public func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)" + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// The request targets received so far (path and query, as sent), in the order they arrived.
    public var requests: [String] { core.requests }

    /// Answers with `routes` from now on: for answers that name the server's
    /// own address, known once it listens, or that change between requests.
    public func set(routes: [String: Response]) { core.set(routes: routes) }

    /// Closes the listener and every open connection (a delayed answer is
    /// abandoned), then waits up to two seconds for the threads to end.
    /// Calling it again does nothing.
    public func stop() { core.stop() }

    #if canImport(Glibc)
        private static let streamSocket = Int32(SOCK_STREAM.rawValue)
        /// A client that gave up (a timeout) must not kill the test run with SIGPIPE.
        fileprivate static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
        private static let streamSocket = SOCK_STREAM
        fileprivate static let sendFlags: Int32 = 0
    #endif
}

/// The state the threads share, behind one `NSCondition` that is both the lock
/// and the signal that wakes a delayed answer when the server stops.
private final class Core: @unchecked Sendable {
    private let listener: Int32
    private var routes: [String: LocalHTTPServer.Response]
    private let condition = NSCondition()
    private var stopped = false
    /// Connections still open. A thread closes its socket only after removing
    /// it here (under the lock), so `stop()` never shuts down a number the
    /// system has already given to another file.
    private var connections: Set<Int32> = []
    private var threads = 0
    private var received: [String] = []

    init(listener: Int32, routes: [String: LocalHTTPServer.Response]) {
        self.listener = listener
        self.routes = routes
    }

    var requests: [String] {
        condition.lock()
        defer { condition.unlock() }
        return received
    }

    func set(routes: [String: LocalHTTPServer.Response]) {
        condition.lock()
        self.routes = routes
        condition.unlock()
    }

    func start() {
        condition.lock()
        threads += 1
        condition.unlock()
        Thread { [self] in acceptLoop() }.start()
    }

    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        // Wakes a thread blocked reading a request; one sleeping on a delay is woken by the broadcast.
        for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
        condition.broadcast()
        let deadline = Date(timeIntervalSinceNow: 2)
        while threads > 0 && condition.wait(until: deadline) {}
    }

    private var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    private func acceptLoop() {
        // Polls rather than blocking in accept(): shutting down a listening
        // socket wakes accept() on Linux but not on Darwin.
        var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        while !isStopped {
            guard poll(&waiting, 1, 50) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            #if canImport(Darwin)
                var one: Int32 = 1
                setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            condition.lock()
            if stopped {
                condition.unlock()
                close(connection)
                break
            }
            connections.insert(connection)
            threads += 1
            condition.unlock()
            Thread { [self] in serve(connection) }.start()
        }
        close(listener)
        finishThread()
    }

    private func finishThread(closing connection: Int32? = nil) {
        condition.lock()
        if let connection {
            connections.remove(connection)
            close(connection)
        }
        threads -= 1
        condition.broadcast()
        condition.unlock()
    }

    private func serve(_ connection: Int32) {
        defer { finishThread(closing: connection) }
        // A client that connects and says nothing must not keep the thread forever.
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let target = readRequestTarget(connection) else { return }
        condition.lock()
        received.append(target)
        let routes = self.routes
        condition.unlock()

        let path = String(target.prefix { $0 != "?" })
        let response =
            routes[target] ?? routes[path]
            ?? LocalHTTPServer.Response(status: 404, headers: ["Content-Type": "text/plain"], body: Data("not found\n".utf8))
        if response.delay > 0 {
            let deadline = Date(timeIntervalSinceNow: response.delay)
            condition.lock()
            while !stopped && condition.wait(until: deadline) {}
            let abandoned = stopped
            condition.unlock()
            if abandoned { return }
        }
        write(Self.encode(response), to: connection)
    }

    /// The target of the request line (`GET /feed.xml HTTP/1.1` → `/feed.xml`),
    /// once the whole head has arrived; `nil` if the client sends no valid head.
    private func readRequestTarget(_ connection: Int32) -> String? {
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while !head.containsSequence(end) {
            guard head.count < 65_536 else { return nil }
            let count = recv(connection, &chunk, chunk.count, 0)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            head.append(contentsOf: chunk[0..<count])
        }
        let requestLine = head.prefix { $0 != UInt8(ascii: "\r") }
        let parts = String(decoding: requestLine, as: UTF8.self).split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/") else { return nil }
        return String(parts[1])
    }

    private static func encode(_ response: LocalHTTPServer.Response) -> Data {
        var headers = response.headers
        let names = Set(headers.keys.map { $0.lowercased() })
        if !names.contains("content-length") { headers["Content-Length"] = String(response.body.count) }
        if !names.contains("connection") { headers["Connection"] = "close" }
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        return Data(head.utf8) + response.body
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    private func write(_ data: Data, to connection: Int32) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var sent = 0
            while sent < raw.count {
                let count = send(connection, base + sent, raw.count - sent, LocalHTTPServer.sendFlags)
                if count < 0 && errno == EINTR { continue }
                // The client went away (it timed out): nothing more to do.
                guard count > 0 else { return }
                sent += count
            }
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func containsSequence(_ needle: [UInt8]) -> Bool {
        guard count >= needle.count else { return false }
        return (0...(count - needle.count)).contains { start in self[start..<(start + needle.count)].elementsEqual(needle) }
    }
}
