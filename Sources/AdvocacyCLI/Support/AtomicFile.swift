import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file all at once: to a temporary file beside it, then renamed
/// over it, so a reader (or payroll picking the file up) never sees half a
/// file and a failure leaves any previous file as it was.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws {
        try write(to: path) { try $0.write(contentsOf: data) }
    }

    /// Writes the file through `body`, which may write it in pieces.
    static func write(to path: String, _ body: (FileHandle) throws -> Void) throws {
        try requireWritable(path)
        guard let file = Pending(path) else {
            throw CLIError.cannotWrite(path: path, reason: "the folder is not writable or the disk is full")
        }
        do {
            try body(file.handle)
        } catch {
            throw CLIError.cannotWrite(path: path, reason: "the folder is not writable or the disk is full")
        }
        try file.commit(diskFull: "the folder is not writable or the disk is full")
    }

    /// A file being written beside its final path, which ``commit(diskFull:)``
    /// syncs and renames into place. Released uncommitted (given up, or a
    /// write or the commit failed), it removes itself: no error path can
    /// leave a temporary file behind.
    final class Pending {
        let path: String
        let handle: FileHandle
        private let temporary: String
        private var isCommitted = false

        /// Nil when the temporary file cannot be created.
        init?(_ path: String) {
            let target = URL(fileURLWithPath: path)
            temporary =
                target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
                .path
            guard let handle = AtomicFile.createPrivate(temporary) else { return nil }
            self.path = path
            self.handle = handle
        }

        /// Syncs the file to disk, then renames it over `path`. `diskFull`
        /// is the reason given when the sync fails.
        func commit(diskFull: String) throws {
            do {
                try handle.synchronize()
                try handle.close()
            } catch {
                throw CLIError.cannotWrite(path: path, reason: diskFull)
            }
            guard rename(temporary, path) == 0 else {
                throw CLIError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            isCommitted = true
        }

        deinit {
            guard !isCommitted else { return }
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    /// Refuses a path whose folder does not exist or that is a folder, so a
    /// command can say so before it changes anything.
    static func requireWritable(_ path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError.cannotWrite(path: path, reason: "the folder \(folder.path) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CLIError.cannotWrite(path: path, reason: "it is a folder: expected a file path")
        }
    }

    /// Creates a new file readable and writable by its owner only (0600):
    /// what advocacy writes (exports, rejected rows, a person's data) is
    /// personal data, like the database it comes from. Nil when it cannot.
    static func createPrivate(_ path: String) -> FileHandle? {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        return descriptor < 0 ? nil : FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
