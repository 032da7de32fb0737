import AdvocacyKit
import NIOPosix

/// The programme, reached from request handlers: each use case is a
/// blocking GRDB transaction, so it runs on NIO's thread pool, never on an
/// event loop nor on Swift's cooperative threads, and the handler awaits it.
public struct ProgrammeAccess: Sendable {
    public let programme: Programme
    let pool: NIOThreadPool

    public init(_ programme: Programme, pool: NIOThreadPool = .singleton) {
        self.programme = programme
        self.pool = pool
    }

    /// Runs `body` with the programme on the thread pool.
    func run<Result: Sendable>(_ body: @escaping @Sendable (Programme) throws -> Result) async throws -> Result {
        let programme = programme
        return try await pool.runIfActive { try body(programme) }
    }
}
