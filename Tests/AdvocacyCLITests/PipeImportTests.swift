import AdvocacyCore
import AdvocacyStore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An import from a pipe never holds the programme's write lock while it
/// waits for the other end: it reads the pipe whole before it begins.
@Suite("Importing from a pipe")
struct PipeImportTests {
    @Test func aPipeKeptOpenBlocksNoOtherWriter() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", "jane@corp.fr", "https://blog.jane.example", "--kind", "blog", as: "jane@corp.fr")
        let fifo = cli.folder.appendingPathComponent("actions.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)

        let child = Process()
        child.executableURL = try KilledImportTests.executable()
        child.arguments = ["import", "actions", fifo]
        // Its own temporary folder, to see that the copy of the pipe goes.
        let temporary = cli.folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        child.environment = [
            "ADVOCACY_DB": cli.databasePath, "ADVOCACY_USER": "jane@corp.fr", "HOME": cli.folder.path, "TMPDIR": temporary.path,
        ]
        let output = Pipe()
        child.standardOutput = output
        child.standardError = output
        try child.run()
        // The writer end: the header and one row, then it stays open.
        let writer = try #require(FileHandle(forWritingAtPath: fifo))
        writer.write(Data("email,url,date\njane@corp.fr,https://blog.jane.example/from-a-pipe,2026-11-02\n".utf8))
        usleep(300_000)

        // Meanwhile someone logs their work: it must not wait for the pipe.
        let started = Date()
        try cli.expectSuccess("log", "https://blog.jane.example/meanwhile", as: "jane@corp.fr")
        #expect(Date().timeIntervalSince(started) < 5, "the log waited for the import's pipe")
        #expect(child.isRunning, "the import ended before its pipe was closed")

        writer.write(Data("jane@corp.fr,https://blog.jane.example/last,2026-11-03\n".utf8))
        try writer.close()
        child.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(child.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("inserted 2"), "\(printed)")
        let addresses = try AdvocacyStore.open(atPath: cli.databasePath).actions().map(\.url.string).sorted()
        #expect(
            addresses == [
                "https://blog.jane.example/from-a-pipe", "https://blog.jane.example/last", "https://blog.jane.example/meanwhile",
            ])
        // The copy of the pipe is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }
}
