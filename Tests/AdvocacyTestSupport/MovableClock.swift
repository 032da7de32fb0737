import Foundation

/// A clock a test sets, for what happens at different moments (a policy
/// version set during one quarter and another during the next).
public final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment: Date

    public init(_ moment: Date = FixedClock.now) {
        self.moment = moment
    }

    /// What the clock reads now.
    public var now: Date { lock.withLock { moment } }

    /// Moves the clock to noon (UTC) of `day`, written YYYY-MM-DD.
    public func set(_ day: String) {
        let parsed = present(try? Date("\(day)T12:00:00Z", strategy: .iso8601))
        lock.withLock { moment = parsed }
    }
}
