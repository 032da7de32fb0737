import Foundation
import Testing

@testable import AdvocacyCLI

#if canImport(Glibc)
    import Glibc
#endif

/// Every command that writes a file it is given (`--output`, `--export-actions`)
/// against every kind of target: a new file, an existing one (with and
/// without --force), /dev/null, a FIFO, a socket, `-`, a folder, a missing
/// folder, the database and its side files, and symbolic links. Nothing but
/// a regular file is ever replaced, and never the database.
@Suite("Output targets")
struct OutputTargetTests {
    /// A command that writes a file, with `path` where the file goes.
    struct Writer: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var arguments: @Sendable (String) -> [String]
        var actor: String?
        /// The demo makes its own programme, in a database that does not exist yet.
        var isDemo = false

        func harness() throws -> CLIHarness { isDemo ? try CLIHarness() : try CLIHarness.withProgramme() }

        func run(_ cli: CLIHarness, _ path: String, force: Bool = false) -> CLIHarness.Result {
            cli.run(arguments(path) + (force ? ["--force"] : []), as: actor)
        }
    }

    static let writers = [
        Writer(testDescription: "report", arguments: { ["report", "--lang", "en", "--output", $0] }, actor: "cio@corp.fr"),
        Writer(
            testDescription: "rewards export", arguments: { ["rewards", "export", "--period", "2026-Q4", "--output", $0] },
            actor: "hr@corp.fr"),
        Writer(
            testDescription: "privacy export", arguments: { ["privacy", "export", "jane@corp.fr", "--output", $0] },
            actor: "jane@corp.fr"),
        Writer(
            testDescription: "demo --export-actions",
            arguments: { ["demo", "--employees", "3", "--actions", "5", "--export-actions", $0] }, actor: nil, isDemo: true),
    ]

    static let privacyExport = writers[2]

    // MARK: Regular files

    @Test(arguments: writers)
    func aNewFileIsWrittenPrivateWithNothingLeftBeside(_ writer: Writer) throws {
        let cli = try writer.harness()
        let path = cli.folder.appendingPathComponent("out.txt").path
        let result = writer.run(cli, path)
        #expect(result.status == 0, "\(result.error)")
        #expect(Self.kind(path) == S_IFREG)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count > 0)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test(arguments: writers)
    func anExistingFileIsReplacedOnlyWithForce(_ writer: Writer) throws {
        let cli = try writer.harness()
        let path = try cli.file("out.txt", "an earlier file\n")
        let refused = writer.run(cli, path)
        #expect(refused.status == 1)
        #expect(
            refused.errorLines == [
                "error: '\(path)' (\(writer.arguments(path).dropLast().last ?? "")) already exists: "
                    + "pass --force to replace it; nothing was written"
            ])
        #expect(refused.output.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "an earlier file\n")
        if writer.isDemo { #expect(!FileManager.default.fileExists(atPath: cli.databasePath)) }

        let replaced = writer.run(cli, path, force: true)
        #expect(replaced.status == 0, "\(replaced.error)")
        #expect(Self.kind(path) == S_IFREG)
        #expect(try String(contentsOfFile: path, encoding: .utf8) != "an earlier file\n")
    }

    // MARK: Streams

    @Test(arguments: writers)
    func devNullStaysACharacterDevice(_ writer: Writer) throws {
        let cli = try writer.harness()
        let result = writer.run(cli, "/dev/null")
        #expect(result.status == 0, "\(result.error)")
        #expect(Self.kind("/dev/null") == S_IFCHR)
        // It says where it wrote (the demo on standard output, the others on standard error).
        #expect((result.output + result.error).contains(" to /dev/null"), "\(result.error)")
    }

    @Test(arguments: writers)
    func aFIFOIsWrittenInPlaceToItsReader(_ writer: Writer) throws {
        let cli = try writer.harness()
        let path = cli.folder.appendingPathComponent("out.fifo").path
        #expect(mkfifo(path, 0o600) == 0)
        let reader = FIFOReader(path)
        let result = writer.run(cli, path)
        let received = try #require(reader.finish(), "the reader got no end of file")
        #expect(result.status == 0, "\(result.error)")
        #expect(Self.kind(path) == S_IFIFO)

        // What the reader got is what a file gets from the same programme.
        let other = try writer.harness()
        let file = other.folder.appendingPathComponent("out.fifo").path
        #expect(writer.run(other, file).status == 0)
        #expect(try received == Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(!received.isEmpty)
    }

    @Test func aSocketIsConnectedToNotReplaced() throws {
        let cli = try Self.privacyExport.harness()
        let path = cli.folder.appendingPathComponent("out.sock").path
        let listener = try SocketListener(path)
        let result = Self.privacyExport.run(cli, path)
        let received = try #require(listener.finish(), "the listener got no end of file")
        #expect(result.status == 0, "\(result.error)")
        #expect(Self.kind(path) == S_IFSOCK)
        #expect(String(decoding: received, as: UTF8.self).contains("\"jane@corp.fr\""))
    }

    @Test(arguments: writers)
    func aDashIsStandardOutput(_ writer: Writer) throws {
        let cli = try writer.harness()
        let result = writer.run(cli, "-")
        #expect(result.status == 0, "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("-").path))
        if writer.isDemo {
            // The actions alone on standard output; what the demo says goes to standard error.
            #expect(result.output.split(whereSeparator: \.isNewline).count == 6, "\(result.output)")
            #expect(result.output.hasPrefix("email,url,"), "\(result.output)")
            #expect(result.error.contains("Wrote its 5 actions to standard output"))
        } else {
            // The same as without --output.
            let plain = cli.run(Array(writer.arguments("-").dropLast(2)), as: writer.actor)
            #expect(!result.output.isEmpty && result.output == plain.output)
        }
    }

    // MARK: Refused

    @Test(arguments: writers)
    func aFolderOrAMissingFolderIsRefusedInOneLine(_ writer: Writer) throws {
        let cli = try writer.harness()
        let before = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted()
        let cases = [
            (cli.folder.path, "it is a folder"), (cli.folder.path + "/", "it is a folder"),
            (cli.folder.appendingPathComponent("no-such-folder/out.txt").path, "no-such-folder does not exist"),
        ]
        for (path, message) in cases {
            let result = writer.run(cli, path, force: true)
            #expect(result.status == 1)
            #expect(result.errorLines.count == 1 && result.error.contains(message), "\(path): \(result.error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted() == before)
    }

    @Test(arguments: writers)
    func theDatabaseIsNeverATarget(_ writer: Writer) throws {
        let cli = try writer.harness()
        let result = writer.run(cli, cli.databasePath, force: true)
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1 && result.error.contains("it is the database itself"), "\(result.error)")
        if writer.isDemo { #expect(!FileManager.default.fileExists(atPath: cli.databasePath)) }
    }

    @Test func theDatabaseAndItsSideFilesAreRefusedWhateverTheirName() throws {
        let cli = try Self.privacyExport.harness()
        let database = cli.databasePath
        let folder = cli.folder.path
        let symbolic = folder + "/link.sqlite", hard = folder + "/hard.sqlite"
        try FileManager.default.createSymbolicLink(atPath: symbolic, withDestinationPath: database)
        try FileManager.default.linkItem(atPath: database, toPath: hard)
        let before = try cli.databaseDump()
        let names = [
            database, database + "-wal", database + "-shm", database + "-journal", folder + "/./programme.sqlite",
            "/" + database, folder + "//programme.sqlite-wal",
            folder + "/../" + cli.folder.lastPathComponent + "/programme.sqlite-shm", symbolic, hard,
        ]
        for name in names {
            let result = Self.privacyExport.run(cli, name, force: true)
            #expect(result.status == 1, "\(name)")
            #expect(
                result.errorLines.count == 1 && result.error.contains("it is the database itself"), "\(name): \(result.error)")
        }
        #expect(try cli.databaseDump() == before)
        #expect(Self.kind(symbolic) == S_IFLNK)
    }

    // MARK: Symbolic links

    @Test func aSymbolicLinkIsFollowedAndStaysALink() throws {
        let cli = try Self.privacyExport.harness()
        let target = try cli.file("target.json", "an earlier file\n")
        let link = cli.folder.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)

        // To a file: the file is what exists, so --force is needed, and the file is replaced, not the link.
        let refused = Self.privacyExport.run(cli, link)
        #expect(refused.status == 1 && refused.error.contains("pass --force"), "\(refused.error)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "an earlier file\n")
        #expect(Self.kind(link) == S_IFLNK)
        #expect(Self.privacyExport.run(cli, link, force: true).status == 0)
        #expect(Self.kind(link) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("\"jane@corp.fr\""))

        // To a device: written in place.
        let device = cli.folder.appendingPathComponent("null").path
        try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/null")
        #expect(Self.privacyExport.run(cli, device).status == 0)
        #expect(Self.kind(device) == S_IFLNK && Self.kind("/dev/null") == S_IFCHR)

        // To nothing: refused, and nothing created.
        let dangling = cli.folder.appendingPathComponent("dangling.json").path
        let missing = cli.folder.appendingPathComponent("missing.json").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: missing)
        let nowhere = Self.privacyExport.run(cli, dangling, force: true)
        #expect(nowhere.status == 1 && nowhere.errorLines.count == 1, "\(nowhere.error)")
        #expect(nowhere.error.contains("symbolic link to a file that does not exist"), "\(nowhere.error)")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    // MARK: backup

    @Test func backupRefusesADeviceAndFollowsALink() throws {
        let cli = try CLIHarness.withProgramme()
        let refused = cli.run(["backup", "/dev/null", "--force"], as: "admin@corp.fr")
        #expect(refused.status == 1 && refused.errorLines.count == 1, "\(refused.error)")
        #expect(refused.error.contains("a device, a FIFO or a socket"), "\(refused.error)")
        #expect(Self.kind("/dev/null") == S_IFCHR)

        let target = try cli.file("copy.sqlite", "an earlier copy")
        let link = cli.folder.appendingPathComponent("latest.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try cli.expectSuccess(["backup", link, "--force"], as: "admin@corp.fr")
        #expect(Self.kind(link) == S_IFLNK)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)).starts(with: Data("SQLite format 3".utf8)))
    }

    // MARK: Helpers

    /// The file type at `path` itself (a link is a link): `S_IFREG`, `S_IFCHR`...; 0 when nothing is there.
    static func kind(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }
}

/// Reads a FIFO to its end on another thread, as `cat fifo` would.
final class FIFOReader: @unchecked Sendable {
    private let path: String
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ path: String) {
        self.path = path
        Thread.detachNewThread { [self] in
            if let handle = FileHandle(forReadingAtPath: path) { data = (try? handle.readToEnd()) ?? Data() }
            done.signal()
        }
    }

    /// What was read, once the writer closed; nil after 30 s. A reader still
    /// waiting for a writer (the command never opened the FIFO) is released
    /// with an empty write end.
    func finish() -> Data? {
        for _ in 0..<300 {
            if done.wait(timeout: .now() + 0.1) == .success { return data }
            let writer = open(path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        return nil
    }
}

/// Listens on a Unix socket and reads one connection to its end, on another thread.
final class SocketListener: @unchecked Sendable {
    private let descriptor: Int32
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8).prefix($0.count - 1)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 1) == 0 else {
            throw CLIHarness.CommandFailed(description: "cannot listen on \(path): \(String(cString: strerror(errno)))")
        }
        Thread.detachNewThread { [self] in
            let connection = accept(descriptor, nil, nil)
            if connection >= 0 {
                data = (try? FileHandle(fileDescriptor: connection, closeOnDealloc: true).readToEnd()) ?? Data()
            }
            done.signal()
        }
    }

    /// What was read, once the writer closed; nil after 30 s.
    func finish() -> Data? {
        defer { shutdown(descriptor, Int32(SHUT_RDWR)) }
        return done.wait(timeout: .now() + 30) == .success ? data : nil
    }

    deinit { close(descriptor) }
}
