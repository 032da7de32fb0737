import AdvocacyCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a regular file all at once: to a temporary file beside it, then
/// renamed over it, so a reader (or payroll picking the file up) never sees
/// half a file and a failure leaves any previous file as it was.
///
/// Only ever a regular file: a symbolic link is followed (the file it points
/// to is replaced, the link stays), and anything else found at the path at
/// the last moment (a device, a FIFO, a folder) is left alone and refused.
/// ``OutputTarget`` decides beforehand what a path is and writes devices,
/// FIFOs and standard output in place.
enum AtomicFile {
    static let diskFull = "the folder is not writable or the disk is full"

    static func write(_ data: Data, to path: String, replacing: Bool = true, option: String = "--output") throws {
        try write(to: path, replacing: replacing, option: option) { try $0.write(contentsOf: data) }
    }

    /// Writes the file through `body`, which may write it in pieces. Unless
    /// `replacing`, a file that exists at `path` by then is left as it was
    /// and refused (``CLIError/outputExists(path:option:)``).
    static func write(
        to path: String, replacing: Bool = true, option: String = "--output", _ body: (FileHandle) throws -> Void
    ) throws {
        guard let file = Pending(path, replacing: replacing, option: option) else {
            throw CLIError.cannotWrite(path: path, reason: diskFull)
        }
        do {
            try body(file.handle)
        } catch {
            throw CLIError.cannotWrite(path: path, reason: diskFull)
        }
        try file.commit(diskFull: diskFull)
    }

    /// A file being written beside its final path, which ``commit(diskFull:)``
    /// syncs and renames into place. Released uncommitted (given up, or a
    /// write or the commit failed), it removes itself: no error path can
    /// leave a temporary file behind.
    final class Pending {
        /// The path as given, for messages.
        let path: String
        let handle: FileHandle
        /// Where the file goes: `path` with its symbolic links resolved.
        private let destination: String
        private let temporary: String
        private let replacing: Bool
        private let option: String
        private var isCommitted = false

        /// Nil when the temporary file cannot be created.
        init?(_ path: String, replacing: Bool = true, option: String = "--output") {
            let destination = DatabaseFiles.realPath(path) ?? path
            let target = URL(fileURLWithPath: destination)
            temporary =
                target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
                .path
            guard let handle = AtomicFile.createPrivate(temporary) else { return nil }
            self.path = path
            self.destination = destination
            self.handle = handle
            self.replacing = replacing
            self.option = option
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
            var info = stat()
            if lstat(destination, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFREG else {
                    throw CLIError.cannotWrite(
                        path: path,
                        reason: "it is not a regular file (a device, a FIFO, a socket or a folder): it was left as it was")
                }
                guard replacing else { throw CLIError.outputExists(path: path, option: option) }
            }
            if !replacing {
                // A hard link fails when a file took the name meanwhile, where a rename would replace it.
                if link(temporary, destination) == 0 {
                    unlink(temporary)
                    isCommitted = true
                    return
                }
                if errno == EEXIST { throw CLIError.outputExists(path: path, option: option) }
                // A file system without hard links: the check above has to do.
            }
            guard rename(temporary, destination) == 0 else {
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

    /// Creates a new file readable and writable by its owner only (0600):
    /// what advocacy writes (exports, rejected rows, a person's data) is
    /// personal data, like the database it comes from. Nil when it cannot.
    static func createPrivate(_ path: String) -> FileHandle? {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        return descriptor < 0 ? nil : FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
