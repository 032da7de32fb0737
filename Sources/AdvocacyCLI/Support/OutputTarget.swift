import AdvocacyCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command writes a file it was given (`--output`, `--export-actions`),
/// decided before the command changes or writes anything.
///
/// - `-` is the command's standard output.
/// - A regular file is written atomically (``AtomicFile``); one that exists
///   is replaced only with `--force`.
/// - A character device, a FIFO or a socket is a stream: written in place
///   (opened for writing, never truncated, renamed over or turned into a
///   regular file), with or without `--force`.
/// - A symbolic link is followed, and these rules apply to what it points to:
///   `/dev/stdout` and `/dev/fd/N` are links, and a link to a report kept
///   elsewhere should update that report, not become a copy beside it. A link
///   to nothing is refused.
/// - A folder, a path whose folder does not exist, a block device (a disk),
///   and the database with its `-wal`, `-shm` and `-journal` files (by real
///   path or inode, see ``DatabaseFiles``) are refused.
enum OutputTarget: Equatable {
    /// `-`: the command's standard output.
    case standardOutput
    /// A character device, a FIFO or a socket, written in place.
    case stream(path: String)
    /// A regular file, new or to be replaced, written atomically.
    case file(path: String, replacing: Bool)

    /// Decides what `path` is. `force` allows replacing an existing regular
    /// file; `database` is the programme's database, which is never a target;
    /// `option` names the option in messages.
    init(_ path: String, force: Bool, database: String, option: String = "--output") throws {
        func refuse(_ reason: String) -> CLIError { .cannotWrite(path: path, reason: reason) }
        if path == "-" {
            self = .standardOutput
            return
        }
        if path.trimmingCharacters(in: .whitespaces).isEmpty { throw refuse("the path is empty: expected a file path") }
        if path.hasSuffix("/") { throw refuse("it is a folder: expected a file path") }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var info = stat()
        guard stat(folder, &info) == 0 else {
            guard errno == ENOENT || errno == ENOTDIR else { throw refuse(String(cString: strerror(errno))) }
            throw refuse("the folder \(folder) does not exist")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw refuse("\(folder) is not a folder") }
        if DatabaseFiles.contain(path, database: database) {
            throw refuse("it is the database itself or one of its -wal, -shm or -journal files: choose another path")
        }
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw refuse(String(cString: strerror(errno))) }
            self = .file(path: path, replacing: false)
            return
        }
        if info.st_mode & S_IFMT == S_IFLNK, stat(path, &info) != 0 {
            throw refuse("it is a symbolic link to a file that does not exist: give the file's own path")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard force else { throw CLIError.outputExists(path: path, option: option) }
            self = .file(path: path, replacing: true)
        case S_IFCHR, S_IFIFO, S_IFSOCK:
            self = .stream(path: path)
        case S_IFDIR:
            throw refuse("it is a folder: expected a file path")
        case S_IFBLK:
            throw refuse("it is a block device (a disk): expected a file path")
        default:
            throw refuse("it is not a file: expected a file path")
        }
    }

    /// Writes `data` to the target.
    func write(_ data: Data, in context: CommandContext) throws {
        try write(in: context) { write in try write([UInt8](data)) }
    }

    /// Writes the target through `body`, which hands its pieces to the
    /// `write` closure it is given, in order.
    func write(in context: CommandContext, _ body: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        switch self {
        case .standardOutput:
            try body { context.standardOutput.write(bytes: $0) }
        case .stream(let path):
            let stream = try Stream(path)
            try body { try stream.write($0) }
            try stream.close()
        case .file(let path, let replacing):
            try AtomicFile.write(to: path, replacing: replacing) { handle in
                try body { try handle.write(contentsOf: $0) }
            }
        }
    }

    /// The path a message names: the one given, or "standard output".
    var name: String {
        switch self {
        case .standardOutput: "standard output"
        case .stream(let path), .file(let path, _): path
        }
    }

    /// A device, FIFO or socket open for writing in place.
    final class Stream {
        let path: String
        private var descriptor: Int32

        /// Opens `path` without creating or truncating anything; a FIFO waits
        /// here for its reader.
        init(_ path: String) throws {
            self.path = path
            var descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            if descriptor < 0 && errno == ENXIO {
                // A socket cannot be opened, only connected to.
                descriptor = Self.connect(toSocket: path)
            }
            guard descriptor >= 0 else {
                throw CLIError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            self.descriptor = descriptor
            // Writing in place is only right for a stream: if a regular file took the name meanwhile, leave it alone.
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFDIR else {
                throw CLIError.cannotWrite(path: path, reason: "it became a regular file while being opened: run again")
            }
        }

        func write(_ bytes: [UInt8]) throws {
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { buffer in
                    Glibc.write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw CLIError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
                }
                written += count
            }
        }

        /// Closes the stream; a device is not synced (many refuse it), nor is a FIFO.
        func close() throws {
            let descriptor = self.descriptor
            self.descriptor = -1
            guard Glibc.close(descriptor) == 0 || errno == EINTR else {
                throw CLIError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        }

        deinit {
            if descriptor >= 0 { _ = Glibc.close(descriptor) }
        }

        /// A stream connection to the Unix socket at `path`; -1 (and errno) when refused.
        static func connect(toSocket path: String) -> Int32 {
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let name = Array(path.utf8)
            guard name.count < MemoryLayout.size(ofValue: address.sun_path) else {
                errno = ENAMETOOLONG
                return -1
            }
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: name) }
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { return -1 }
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard connected == 0 else {
                let failure = errno
                _ = Glibc.close(descriptor)
                errno = failure
                return -1
            }
            return descriptor
        }
    }
}
