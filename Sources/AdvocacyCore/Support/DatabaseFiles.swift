import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files a database at a path is made of: the file itself and the
/// `-wal`, `-shm` and `-journal` files SQLite keeps beside it. Anything that
/// writes a file (`backup`, the CLI's `--output`) refuses these, whatever
/// name they are reached by: replacing one loses the programme.
public enum DatabaseFiles {
    /// The suffixes SQLite adds to the database's path for its side files.
    public static let suffixes = ["", "-wal", "-shm", "-journal"]

    /// Whether `path` is the database at `databasePath` or one of its side
    /// files, compared by real path (symbolic links, `.`, `..` and doubled
    /// slashes resolved) and, for files that exist, by device and inode, so
    /// a hard link or another spelling of the same file is caught too.
    public static func contain(_ path: String, database databasePath: String) -> Bool {
        guard databasePath != ":memory:", let database = realPath(databasePath), let candidate = realPath(path) else {
            return false
        }
        let files = suffixes.map { database + $0 }
        if files.contains(candidate) { return true }
        var target = stat()
        guard stat(candidate, &target) == 0 else { return false }
        return files.contains { file in
            var info = stat()
            return stat(file, &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino
        }
    }

    /// `path` made absolute with every symbolic link, `.`, `..` and doubled
    /// slash resolved. For a path that does not exist (yet), its folder is
    /// resolved and its name kept; nil when the folder does not exist either.
    public static func realPath(_ path: String) -> String? {
        if let resolved = resolve(path) { return resolved }
        let url = URL(fileURLWithPath: path)
        guard let folder = resolve(url.deletingLastPathComponent().path) else { return nil }
        return folder == "/" ? "/" + url.lastPathComponent : folder + "/" + url.lastPathComponent
    }

    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
