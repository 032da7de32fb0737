import AdvocacyCore
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// The programme's database: one SQLite file the organisation owns.
///
/// Persistence only: SQL-shaped reads and writes, most of them on a
/// ``StoreTransaction`` that the application layer (AdvocacyKit) opens with
/// ``writing(as:_:)`` or ``reading(_:)`` and in which it checks who may do
/// what (Core's ``AccessRules``), so a use case's check and its writes are
/// one transaction and nothing is half-written. Several processes may use one file at once: the database is in WAL
/// mode, writers take the lock up front (`BEGIN IMMEDIATE`) and wait for
/// each other up to a busy timeout.
public struct AdvocacyStore: Sendable {
    package let writer: any DatabaseWriter
    /// Where the file is, for messages; `:memory:` for in-memory stores.
    public let path: String
    /// The clock for creation timestamps.
    package let now: @Sendable () -> Date
    /// Who is writing, for the audit trail's triggers.
    let audit: AuditContext

    init(writer: any DatabaseWriter, path: String, now: @escaping @Sendable () -> Date, audit: AuditContext) {
        self.writer = writer
        self.path = path
        self.now = now
        self.audit = audit
    }

    /// The connection settings every store uses: foreign keys, and the SQL
    /// functions of the audit trail and of address lookups, which the
    /// schema calls (their values are frozen: ``FrozenSQLFunctions``).
    static func configuration(audit: AuditContext) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let function = audit.function
        configuration.prepareDatabase { db in
            db.add(function: function)
            db.add(function: AddressHash.function)
            // What GRDB's own WAL set-up does, the usual choice in WAL mode:
            // a commit survives a crash of the process; a power cut may lose the last ones.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// The copy written beside the file before this open upgraded its
    /// schema; `nil` when nothing was upgraded.
    public internal(set) var upgradeBackupPath: String? = nil

    /// How long a writer waits for another process's transaction.
    public static let busyTimeout: TimeInterval = 10

    /// Opens the database at `path`, creating it (and its folder) when
    /// `create` is true, and brings its schema up to date, then its data:
    /// the `dataUpgrades` it has not had yet run once each (``DataUpgrade``).
    public static func open(
        atPath path: String, create: Bool = false, now: @escaping @Sendable () -> Date = { Date() },
        dataUpgrades: [DataUpgrade] = []
    ) throws -> AdvocacyStore {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw StoreError.databaseFailure(path: path, reason: "it is a folder: expected the path of a database file")
        }
        if !fileManager.fileExists(atPath: path) {
            guard create else { throw StoreError.databaseMissing(path: path) }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.databaseFailure(path: path, reason: "cannot create the folder \(folder.path)")
            }
            try createPrivateFile(at: path)
        }
        let audit = AuditContext(now: now)
        var configuration = configuration(audit: audit)
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            var store = AdvocacyStore(writer: queue, path: path, now: now, audit: audit)
            store.upgradeBackupPath = try store.prepareSchema()
            let dataBackup = try store.applyDataUpgrades(dataUpgrades, backingUp: store.upgradeBackupPath == nil)
            store.upgradeBackupPath = store.upgradeBackupPath ?? dataBackup
            return store
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }

    /// Creates the empty database file readable and writable by its owner
    /// only (0600), before SQLite writes anything in it: the file holds
    /// personal data, and the operating system is what protects it. SQLite
    /// gives its -wal and -shm files the same permissions.
    static func createPrivateFile(at path: String) throws {
        let descriptor = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else {
            // Another process created it first: it is theirs to have protected.
            if errno == EEXIST { return }
            throw StoreError.databaseFailure(path: path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }

    /// Shares the database with a team: the file (and its -wal and -shm
    /// files) belong to `group`, readable and writable by its members (0660).
    /// Works only for a group the caller belongs to.
    public func share(withGroup group: String) throws {
        guard path != ":memory:" else { return }
        guard let entry = getgrnam(group) else {
            throw StoreError.databaseFailure(
                path: path, reason: "there is no group '\(group)' on this machine: expected an existing group name")
        }
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            guard chown(file, UInt32.max, entry.pointee.gr_gid) == 0, chmod(file, 0o660) == 0 else {
                throw StoreError.databaseFailure(
                    path: path,
                    reason:
                        "cannot give \(file) to the group '\(group)' (\(String(cString: strerror(errno)))): you must own the file and belong to the group"
                )
            }
        }
    }

    /// A private database in memory, for tests and previews.
    public static func inMemory(
        now: @escaping @Sendable () -> Date = { Date() }, dataUpgrades: [DataUpgrade] = []
    ) throws -> AdvocacyStore {
        let audit = AuditContext(now: now)
        let store = AdvocacyStore(
            writer: try DatabaseQueue(configuration: configuration(audit: audit)), path: ":memory:", now: now, audit: audit)
        try store.prepareSchema()
        _ = try store.applyDataUpgrades(dataUpgrades, backingUp: false)
        return store
    }

    /// Refuses a file that is not ours or is newer, then migrates; returns
    /// the copy taken before upgrading an existing programme, if any.
    ///
    /// A file that is current is only read here: opening a command costs
    /// one look at the schema and writes nothing. A refused file is left
    /// byte for byte as it was, since the checks run before any write.
    @discardableResult
    func prepareSchema() throws -> String? {
        let migrator = Migrations.migrator
        let isCurrent = try writer.read { db -> Bool in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            if !tables.isEmpty && !tables.contains("grdb_migrations") {
                throw StoreError.notADatabase(path: path, reason: "it holds another application's tables")
            }
            if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
            let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode")
            return try migrator.hasCompletedMigrations(db) && (journal == "wal" || path == ":memory:")
        }
        guard !isCurrent else { return nil }
        // WAL lets several processes read while one writes. The mode is stored
        // in the file: it is set when the schema is made, and again on a file
        // that lost it (a restored backup is a plain single file). SQLite does
        // not wait out a busy file for this switch (it turns a read lock into
        // a write lock, where waiting could deadlock), so several first runs
        // at once retry it here, and the migrations below, until one deadline:
        // as long as a write would wait.
        let deadline = ProcessInfo.processInfo.systemUptime + Self.busyTimeout
        try retryingWhileBusy(until: deadline, when: { ($0 as? DatabaseError)?.resultCode == .SQLITE_BUSY }) {
            try writer.writeWithoutTransaction { db in
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" || path == ":memory:" else {
                    throw StoreError.databaseFailure(path: path, reason: "SQLite could not switch it to WAL mode")
                }
            }
        }
        let backup = try backupBeforeUpgrade(migrator)
        // Several first runs at once each apply the migrations they found
        // missing, and all but one fail on tables another has just made. A
        // migration that fails after another process moved the schema on is
        // run again from where the schema now stands; a newer version that
        // moved it on is refused as it is on opening.
        var applied = try writer.read(migrator.appliedIdentifiers)
        try retryingWhileBusy(
            until: deadline,
            when: { _ in
                let seenBefore = applied
                applied = (try? writer.read(migrator.appliedIdentifiers)) ?? seenBefore
                return applied != seenBefore
            }
        ) {
            try migrator.migrate(writer)
        }
        if try writer.read(migrator.hasBeenSuperseded) { throw StoreError.newerSchema(path: path) }
        return backup
    }

    /// Runs `body` again, after a short pause, each time it fails with an
    /// error that `isTransient` accepts, until `deadline` (in
    /// `ProcessInfo.systemUptime`, which a clock change does not move).
    func retryingWhileBusy(until deadline: TimeInterval, when isTransient: (any Error) -> Bool, _ body: () throws -> Void) throws
    {
        while true {
            do {
                return try body()
            } catch {
                guard ProcessInfo.processInfo.systemUptime < deadline, isTransient(error) else { throw error }
                usleep(10_000)
            }
        }
    }

    /// Runs `body` in one write transaction, translating database failures
    /// into ``StoreError``s.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }

    /// One IMMEDIATE transaction of many rows (an import, the demo), which
    /// `body` commits or rolls back. For its length, the connection has a
    /// bigger page cache, since the address index is written in random order
    /// and a small cache spills it to disk again and again (32 MB: a million
    /// actions took no longer than with 64 MB, for 35 MB less at the peak), and
    /// keeps statement journals in memory, since each INSERT otherwise copied a
    /// page to a temporary file.
    ///
    /// `referencesChecked`: the caller has made sure every row it writes
    /// names rows that exist (ids it just read or wrote), so SQLite need not
    /// look each foreign key up again: five lookups per imported action were
    /// a tenth of an import. Foreign keys are enforced again afterwards.
    func bulkTransaction(referencesChecked: Bool = false, _ body: (Database) throws -> Database.TransactionCompletion) throws {
        do {
            try writer.writeWithoutTransaction { db in
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                let tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
                try db.execute(sql: "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize); PRAGMA temp_store = \(tempStore)") }
                // Outside the transaction: SQLite ignores the pragma inside one.
                if referencesChecked { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if referencesChecked { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                try db.inTransaction(.immediate) { try body(db) }
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }

    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }

    /// Runs a write on behalf of `email`, handing `body` the resolved actor,
    /// who is named as the author of every audit entry the write makes.
    func write<T>(as email: EmailAddress, _ body: (Database, Actor) throws -> T) throws -> T {
        try write { db in
            let (actor, author) = try Self.resolve(db, email)
            return try audit.acting(as: author) { try body(db, actor) }
        }
    }

    /// The acting employee, and how the audit trail names them, in one query.
    static func resolve(_ db: Database, _ email: EmailAddress) throws -> (actor: Actor, author: AuditContext.Actor) {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT id, role, isActive FROM employee WHERE email = ?", arguments: [email.value])
        else { throw StoreError.unknownActor(email) }
        let actor = Actor(email: email, role: try Self.decode(row["role"]), isActive: row["isActive"])
        return (actor, AuditContext.Actor(id: row["id"], email: email.value, role: actor.role.rawValue))
    }

    static func actor(_ db: Database, _ email: EmailAddress) throws -> Actor {
        try resolve(db, email).actor
    }

    // MARK: Decoding helpers

    static func decode<V: Vocabulary>(_ text: String) throws -> V {
        guard let value = V(rawValue: text) else {
            throw StoreError.constraintViolated("unexpected \(V.vocabularyName) '\(text)'")
        }
        return value
    }

    static func date(_ text: String) throws -> LocalDate {
        do { return try LocalDate(parsing: text) } catch { throw StoreError.constraintViolated("unexpected date '\(text)'") }
    }

    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }

    static func date(fromTimestamp text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0)
    }
}

extension StoreError {
    static func from(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB: .notADatabase(path: path, reason: "the file is not SQLite")
        case .SQLITE_CONSTRAINT: .constraintViolated(error.message ?? "constraint failed")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            .databaseFailure(
                path: path, reason: "another process kept it locked for over \(Int(AdvocacyStore.busyTimeout)) seconds; try again"
            )
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            .databaseFailure(path: path, reason: "it cannot be opened for writing; check the file and folder permissions")
        case .SQLITE_CORRUPT: .databaseFailure(path: path, reason: "the file is damaged; restore it from a backup")
        case .SQLITE_FULL: .databaseFailure(path: path, reason: "the disk is full")
        default: .databaseFailure(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
