import Foundation

/// A copy an import reads instead of its source (a pipe read whole, a table
/// taken out of an archive): a new file in the temporary folder, mode 0600,
/// which the caller removes once read.
enum TemporaryCopy {
    /// Creates the copy, `named` after what it holds, fills it with `fill`,
    /// and returns its path. When `fill` throws, the copy is removed and the
    /// error goes on.
    ///
    /// - Throws: ``KitError/unreadableSource(_:reason:)`` naming `source`
    ///   when no file can be made.
    static func make(named name: String, of source: String, _ fill: (FileHandle) throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("advocacy-import-\(UUID().uuidString)-\(name)")
            .path
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let output = FileHandle(forWritingAtPath: path)
        else {
            throw KitError.unreadableSource(source, reason: "no temporary copy could be made in \(NSTemporaryDirectory())")
        }
        do {
            defer { try? output.close() }
            try fill(output)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return path
    }
}
