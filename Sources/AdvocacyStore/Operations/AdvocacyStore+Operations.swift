import AdvocacyCore
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension AdvocacyStore {
    // MARK: Backup

    /// Copies the database to `target` with SQLite's online backup API (admin).
    ///
    /// The copy is the database as it was at one moment, even while other
    /// processes write: it is read on one snapshot, and in WAL mode writers
    /// carry on meanwhile. It is written beside `target` under a temporary
    /// name, made a single self-contained file (no `-wal` beside it),
    /// readable by its owner only (mode 0600), opened again and checked with
    /// `PRAGMA integrity_check`, and only then renamed to `target`: a half or
    /// damaged copy never exists under that name. An existing `target` is
    /// refused unless `replacing`.
    @discardableResult
    public func backup(toPath target: String, replacing: Bool = false) throws -> BackupSummary {
        try Self.copyDatabase(writer, at: path, toPath: target, replacing: replacing)
    }

    /// Copies the database read by `source` to `target`, atomically (see ``backup(toPath:replacing:)``).
    static func copyDatabase(_ source: any DatabaseReader, at sourcePath: String, toPath target: String, replacing: Bool) throws
        -> BackupSummary
    {
        func failure(_ reason: String) -> StoreError { .backupFailed(path: target, reason: reason) }
        let fileManager = FileManager.default
        // A symbolic link is followed: the copy replaces the file it points to, and the link stays.
        let targetURL = URL(fileURLWithPath: DatabaseFiles.realPath(target) ?? target).standardizedFileURL
        let folder = targetURL.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw failure("the folder \(folder.path) does not exist")
        }
        if fileManager.fileExists(atPath: targetURL.path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw failure("it is a folder: expected the path of a file") }
            var info = stat()
            if stat(targetURL.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                // Renaming the copy over a device or a FIFO would replace it with a regular file.
                throw failure("it is a device, a FIFO or a socket, not a file: a backup is a database file, choose a file path")
            }
            guard replacing else { throw StoreError.backupExists(path: target) }
        }
        if DatabaseFiles.contain(targetURL.path, database: sourcePath) {
            throw failure("it is the database itself or one of its -wal, -shm or -journal files: choose another path")
        }

        let temporary = folder.appendingPathComponent(".\(targetURL.lastPathComponent).\(UUID().uuidString).tmp").path
        func removeTemporary() {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? fileManager.removeItem(atPath: temporary + suffix) }
        }
        do {
            // Created empty with its final mode, so no one else can open the
            // copy even for a moment; SQLite gives its journal the same mode.
            let descriptor = openFile(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw failure("the folder is not writable (\(String(cString: strerror(errno))))") }
            close(descriptor)

            let destination = try DatabaseQueue(path: temporary)
            try source.backup(to: destination)
            // The copy carries the source's WAL flag; a backup is better as
            // one self-contained file, and opening it in advocacy turns WAL on again.
            _ = try destination.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
            try destination.close()

            let contents = try verifiedCopy(atPath: temporary, target: target)
            guard chmod(temporary, 0o600) == 0, rename(temporary, targetURL.path) == 0 else {
                throw failure(String(cString: strerror(errno)))
            }
            syncFolder(folder.path)
            let bytes = (try? fileManager.attributesOfItem(atPath: targetURL.path)[.size] as? Int) ?? 0
            return BackupSummary(path: target, bytes: bytes, employees: contents.employees, actions: contents.actions)
        } catch let error as StoreError {
            removeTemporary()
            throw error
        } catch let error as DatabaseError {
            removeTemporary()
            if error.resultCode == .SQLITE_FULL { throw failure("the disk is full") }
            if error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
                throw failure("the database is damaged (\(error.message ?? "corrupt")): run 'advocacy check'")
            }
            throw failure(error.message ?? "\(error.resultCode)")
        } catch {
            removeTemporary()
            throw failure(error.localizedDescription)
        }
    }

    /// Opens the copy read-only, runs SQLite's integrity check on it and
    /// counts what it holds.
    static func verifiedCopy(atPath path: String, target: String) throws -> (employees: Int, actions: Int) {
        var configuration = Configuration()
        configuration.readonly = true
        let copy = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? copy.close() }
        return try copy.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(10)")
            guard integrity == ["ok"] else {
                throw StoreError.backupFailed(
                    path: target,
                    reason:
                        "the copy fails SQLite's integrity check (\(integrity.prefix(3).joined(separator: "; "))): run 'advocacy check' on the database"
                )
            }
            return (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employee") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action") ?? 0
            )
        }
    }

    /// Makes a rename durable: the folder's entry is on disk, not only the file.
    static func syncFolder(_ path: String) {
        let descriptor = openFile(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    // MARK: Before an upgrade

    /// Before the migrator upgrades a file that already holds a programme,
    /// copies it beside itself as `FILE.before-<last migration>-<yyyyMMdd-HHmmss>.sqlite`
    /// (UTC, from the store's clock) and returns the copy's path.
    ///
    /// A file holds a programme when it has completed migrations and someone
    /// registered. A new file, one whose schema another process is creating
    /// right now (several first runs at once), one with nobody in it, an
    /// up-to-date file and a database in memory get no copy (`nil`): they
    /// have nothing to lose. When the copy cannot be written, nothing is upgraded.
    func backupBeforeUpgrade(_ migrator: DatabaseMigrator) throws -> String? {
        guard path != ":memory:", !path.isEmpty else { return nil }
        let last = try writer.read { db -> String? in
            guard !(try migrator.hasCompletedMigrations(db)), let last = try migrator.completedMigrations(db).last,
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM employee)") == true
            else { return nil }
            return last
        }
        guard let last else { return nil }
        let target = "\(path).before-\(last)-\(Self.fileStamp(now())).sqlite"
        do {
            _ = try Self.copyDatabase(writer, at: path, toPath: target, replacing: true)
        } catch let error as StoreError {
            let reason = if case .backupFailed(_, let reason) = error { reason } else { error.localizedDescription }
            throw StoreError.databaseFailure(
                path: path,
                reason: "it needs an upgrade to this version, and the copy kept from before the upgrade could not be written to "
                    + "\(target) (\(reason)); nothing was upgraded: free some space or make the folder writable, then run the command again"
            )
        }
        return target
    }

    /// `20261121-120000` for 2026-11-21T12:00:00Z.
    static func fileStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02d-%02d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0,
            parts.second ?? 0)
    }
}

/// POSIX `open`, which the store's own `open(atPath:)` hides inside the extension.
private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    open(path, flags, mode)
}
