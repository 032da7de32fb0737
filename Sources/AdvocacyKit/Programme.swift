import AdvocacyCore
import AdvocacyStore
import Foundation

/// The programme: every use case of `advocacy`, called by a front end (the
/// command line, the server) with the person acting.
///
/// A use case is one method, named after what the person wants done, that
/// runs as one transaction and checks inside it that the person may do it:
/// a front end parses its input, calls one method and presents the result.
/// The database behind it is the ``AdvocacyStore``; no front end reaches it
/// any other way.
public struct Programme: Sendable {
    package let store: AdvocacyStore
    /// Where the programme runs: the day a moment falls on (when a policy
    /// version came into force) is a day here.
    public let timeZone: TimeZone

    package init(store: AdvocacyStore, timeZone: TimeZone = .current) {
        self.store = store
        self.timeZone = timeZone
    }

    /// Opens the programme's database file, creating it (and its folder) when
    /// `create` is true, and brings its schema up to date.
    public static func open(
        atPath path: String, create: Bool = false, now: @escaping @Sendable () -> Date = { Date() },
        timeZone: TimeZone = .current
    ) throws -> Programme {
        Programme(
            store: try AdvocacyStore.open(atPath: path, create: create, now: now, dataUpgrades: dataUpgrades),
            timeZone: timeZone)
    }

    /// A private programme in memory, for tests and previews.
    public static func inMemory(now: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = .current) throws
        -> Programme
    {
        Programme(store: try AdvocacyStore.inMemory(now: now, dataUpgrades: dataUpgrades), timeZone: timeZone)
    }

    /// Where the database file is, for messages; `:memory:` in memory.
    public var path: String { store.path }

    /// The copy written beside the file before this open upgraded its
    /// schema; `nil` when nothing was upgraded.
    public var upgradeBackupPath: String? { store.upgradeBackupPath }

    /// Shares the database with a team: the file (and its -wal and -shm
    /// files) belong to `group`, readable and writable by its members (0660).
    public func share(withGroup group: String) throws {
        try store.share(withGroup: group)
    }

    /// How long a writer waits for another process's transaction.
    public static var busyTimeout: TimeInterval { AdvocacyStore.busyTimeout }
}

extension Programme {
    /// The data upgrades of this version, in order: each applies a changed
    /// rule to data stored before it, once per file, when the file is
    /// opened (see ``DataUpgrade``). Numbers are never reused.
    static let dataUpgrades: [DataUpgrade] = [canonicalPostAddresses, xStatusAddresses]
}
