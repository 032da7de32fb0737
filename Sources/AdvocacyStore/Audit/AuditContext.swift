import Foundation
import GRDB

/// Who is writing, as the audit triggers see it.
///
/// The triggers that append to `auditEntry` run inside SQLite, which does not
/// know who acts: they ask this connection-wide value through the SQL
/// function `advocacy_audit(key)`, registered on every connection the store
/// opens. A write sets the actor for the length of its transaction
/// (``AdvocacyStore/write(as:_:)``); writes with no actor (creating the
/// database, loading the demo) are the system's. Because the function exists
/// only in advocacy's own connections, a write to an audited table from any
/// other program (the `sqlite3` shell, a script) fails with "no such
/// function": nothing changes the programme without leaving a trace.
final class AuditContext: @unchecked Sendable {
    struct Actor {
        var id: Int64
        var email: String
        var role: String
    }

    private let lock = NSLock()
    private var actor: Actor?
    /// Off during bulk loads, which record one summary entry instead of a row per row.
    private var isRecording = true
    /// On only while `privacy erase` rewrites the trail.
    private var isErasing = false
    let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The SQL function the triggers call: `advocacy_audit('actorId')`,
    /// `'actorEmail'`, `'actorRole'`, `'now'`, `'recording'` or `'erasing'`.
    var function: DatabaseFunction {
        DatabaseFunction("advocacy_audit", argumentCount: 1, pure: false) { [self] values in
            lock.lock()
            defer { lock.unlock() }
            switch String.fromDatabaseValue(values[0]) {
            case "actorId": return actor?.id
            case "actorEmail": return actor?.email
            case "actorRole": return actor?.role
            case "now": return FrozenSQLFunctions.auditTimestamp(now())
            case "recording": return isRecording
            case "erasing": return isErasing
            default: return nil
            }
        }
    }

    /// Runs `body` with `actor` named as the author of its writes.
    func acting<T>(as actor: Actor?, _ body: () throws -> T) rethrows -> T {
        let previous = swap { $0.actor = actor }
        defer { swap { $0.actor = previous.actor } }
        return try body()
    }

    /// Runs a bulk load without an entry per row.
    func withoutRecording<T>(_ body: () throws -> T) rethrows -> T {
        let previous = swap { $0.isRecording = false }
        defer { swap { $0.isRecording = previous.isRecording } }
        return try body()
    }

    /// Runs the anonymisation of the trail, the one rewrite its triggers allow.
    func erasing<T>(_ body: () throws -> T) rethrows -> T {
        let previous = swap { $0.isErasing = true }
        defer { swap { $0.isErasing = previous.isErasing } }
        return try body()
    }

    /// Changes the state under the lock and returns what it was.
    @discardableResult
    private func swap(_ change: (AuditContext) -> Void) -> (actor: Actor?, isRecording: Bool, isErasing: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let previous = (actor, isRecording, isErasing)
        change(self)
        return previous
    }
}
