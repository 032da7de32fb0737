import AdvocacyPresentation
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The main tables on a real pseudo-terminal: they fit 80 and 100 columns
/// (`COLUMNS`, or the terminal's own size), and piped they keep every
/// column whatever `COLUMNS` says, so scripts see no change.
@Suite("Tables that fit the terminal")
struct TerminalWidthTests {
    static let cio = "lea.lambert@dsi.example.fr"
    static let hr = "julien.thomas@dsi.example.fr"

    /// The commands of the issue, each as who may run it.
    static let commands: [(arguments: [String], actor: String)] = [
        (["rank"], cio), (["action", "list"], cio), (["explain", "ines.benali@dsi.example.fr"], cio), (["audit"], cio),
        (["rewards", "list"], hr),
    ]

    /// What `arguments` prints on a pseudo-terminal `columns` wide, with
    /// `COLUMNS` set to `environmentColumns` when given; carriage returns removed.
    static func onTerminal(_ cli: CLIHarness, _ arguments: [String], as actor: String, columns: Int, environmentColumns: Int?)
        throws -> String
    {
        let master = PseudoTerminal.open(O_RDWR | O_NOCTTY)
        #expect(master >= 0 && PseudoTerminal.grant(master) == 0 && PseudoTerminal.unlock(master) == 0)
        defer { close(master) }
        var size = winsize(ws_row: 50, ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        #expect(ioctl(master, UInt(TIOCSWINSZ), &size) == 0)
        let slave = open(String(cString: try #require(PseudoTerminal.name(master))), O_RDWR | O_NOCTTY)
        #expect(slave >= 0)
        let child = Process()
        child.executableURL = try KilledImportTests.executable()
        child.arguments = arguments
        var environment = ["ADVOCACY_DB": cli.databasePath, "ADVOCACY_USER": actor, "HOME": cli.folder.path, "TERM": "xterm"]
        if let environmentColumns { environment["COLUMNS"] = String(environmentColumns) }
        child.environment = environment
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        child.standardOutput = terminal
        child.standardError = terminal
        try child.run()
        try terminal.close()
        // Read until the child's end of the terminal closes (EIO), so a long table never blocks it.
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        child.waitUntilExit()
        #expect(child.terminationStatus == 0, "\(arguments): \(String(decoding: bytes, as: UTF8.self))")
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
    }

    /// What `arguments` prints into a pipe, with `COLUMNS` given or not.
    static func piped(_ cli: CLIHarness, _ arguments: [String], as actor: String, environmentColumns: Int?) throws -> String {
        let child = Process()
        child.executableURL = try KilledImportTests.executable()
        child.arguments = arguments
        var environment = ["ADVOCACY_DB": cli.databasePath, "ADVOCACY_USER": actor, "HOME": cli.folder.path]
        if let environmentColumns { environment["COLUMNS"] = String(environmentColumns) }
        child.environment = environment
        let pipe = Pipe()
        child.standardOutput = pipe
        try child.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        #expect(child.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    static func widest(_ text: String) -> Int {
        // Colours take no room on screen: their escapes are left out of the count.
        text.replacing(/\x{1B}\[[0-9;]*m/, with: "").split(separator: "\n").map { TerminalText.width(String($0)) }.max() ?? 0
    }

    @Test("rank, action list, explain, audit and rewards list fit 80 and 100 columns on a terminal")
    func fitsTheTerminal() throws {
        let cli = try CLIHarness()
        try cli.expectSuccess("demo")
        for (arguments, actor) in Self.commands {
            let wide = try Self.piped(cli, arguments, as: actor, environmentColumns: nil)
            #expect(Self.widest(wide) > 100, "\(arguments) is wider than 100 columns when piped")
            for columns in [80, 100] {
                // Once through COLUMNS (on a terminal of another size), once through the terminal's own size.
                for (terminal, variable) in [(200, Optional(columns)), (columns, nil)] {
                    let text = try Self.onTerminal(cli, arguments, as: actor, columns: terminal, environmentColumns: variable)
                    #expect(Self.widest(text) <= columns, "\(arguments) at \(columns):\n\(text.prefix(2_000))")
                    #expect(text.split(separator: "\n").count >= 3, "\(arguments) printed its table: \(text.prefix(500))")
                }
            }
        }
        let rank = try Self.onTerminal(cli, ["rank"], as: Self.cio, columns: 80, environmentColumns: nil)
        #expect(rank.contains("left out to fit 80 columns: --wide shows them"))
        let everything = try Self.onTerminal(cli, ["rank", "--wide"], as: Self.cio, columns: 80, environmentColumns: nil)
        #expect(everything.contains("tFactor") && Self.widest(everything) > 80)
        #expect(everything.contains("tFactor: the largest t such that"), "the abbreviated column is explained")
    }

    @Test("Piped, the tables keep every column whatever COLUMNS says")
    func pipedIsUnchanged() throws {
        let cli = try CLIHarness()
        try cli.expectSuccess("demo")
        for (arguments, actor) in Self.commands {
            let plain = try Self.piped(cli, arguments, as: actor, environmentColumns: nil)
            let narrow = try Self.piped(cli, arguments, as: actor, environmentColumns: 80)
            #expect(plain == narrow, "\(arguments)")
            #expect(!plain.contains("left out to fit"))
        }
    }
}

/// glibc's pseudo-terminal calls, which its Swift module leaves out (they
/// need _XOPEN_SOURCE), looked up in the C library at run time.
enum PseudoTerminal {
    private static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
            fatalError("the C library has no \(name)")
        }
        return unsafeBitCast(symbol, to: type)
    }

    static let open = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grant = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlock = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let name = function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
}
