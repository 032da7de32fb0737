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
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            guard let handle = createPrivate(temporary.path) else { throw CocoaError(.fileWriteNoPermission) }
            defer { try? handle.close() }
            try body(handle)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError.cannotWrite(path: path, reason: "the folder is not writable or the disk is full")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError.cannotWrite(path: path, reason: reason)
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
