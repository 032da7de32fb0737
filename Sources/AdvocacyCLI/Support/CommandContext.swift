import AdvocacyPresentation
import Foundation

/// Where a command writes text: the process's streams, or a buffer in tests.
public protocol TextOutput: Sendable {
    func write(_ text: String)
    /// Writes UTF-8 bytes (the pieces of a long output); by default as text.
    func write(bytes: [UInt8])
    /// Whether a person is watching: progress lines are drawn only then.
    var isTerminal: Bool { get }
    /// The terminal's width in characters, when it is one that says.
    var columns: Int? { get }
}

extension TextOutput {
    public var isTerminal: Bool { false }
    public var columns: Int? { nil }

    public func write(bytes: [UInt8]) { write(String(decoding: bytes, as: UTF8.self)) }
}

/// Writes to a file handle such as standard output.
public struct FileHandleOutput: TextOutput {
    let handle: FileHandle

    public init(_ handle: FileHandle) {
        self.handle = handle
    }

    public func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    /// Straight to the handle: a string made of the bytes first would copy them twice more.
    public func write(bytes: [UInt8]) {
        handle.write(Data(bytes))
    }

    public var isTerminal: Bool { isatty(handle.fileDescriptor) != 0 }

    public var columns: Int? {
        var size = winsize()
        guard ioctl(handle.fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

/// Collects what a command prints, for tests.
public final class BufferedOutput: TextOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    /// A terminal this many characters wide, as tests pretend; nil for a pipe.
    public let terminalColumns: Int?

    public init(terminalColumns: Int? = nil) {
        self.terminalColumns = terminalColumns
    }

    public var isTerminal: Bool { terminalColumns != nil }
    public var columns: Int? { terminalColumns }

    public func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        buffer += text
    }

    /// Everything written so far.
    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }
}

/// What a command runs against: its environment, clock and output streams.
/// The live context uses the process's; tests pass their own so they can run
/// any command in-process and read what it printed.
public struct CommandContext: Sendable {
    public var environment: [String: String]
    public var now: @Sendable () -> Date
    public var timeZone: TimeZone
    public var standardOutput: any TextOutput
    public var standardError: any TextOutput
    /// Replaces this process with another program (`advocacy serve` runs the
    /// server so); tests pass one that records the call instead.
    public var replaceProcess: @Sendable (_ program: String, _ arguments: [String]) throws -> Void

    public init(
        environment: [String: String], now: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = .current,
        standardOutput: any TextOutput, standardError: any TextOutput,
        replaceProcess: @escaping @Sendable (_ program: String, _ arguments: [String]) throws -> Void = { program, _ in
            throw CLIError.serverUnavailable(path: program, reason: "this context starts no other program")
        }
    ) {
        self.environment = environment
        self.now = now
        self.timeZone = timeZone
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.replaceProcess = replaceProcess
    }

    /// The process's own environment, clock and streams.
    public static var live: CommandContext {
        CommandContext(
            environment: ProcessInfo.processInfo.environment, standardOutput: FileHandleOutput(.standardOutput),
            standardError: FileHandleOutput(.standardError), replaceProcess: ServeCommand.execute)
    }

    /// Prints a line of data to standard output, control characters shown
    /// as escapes (``TerminalText``). CSV, whose cells keep their bytes, is
    /// written to `standardOutput` directly.
    func print(_ line: String = "") { standardOutput.write(TerminalText.visible(line) + "\n") }

    /// Prints a line of news (progress, notices) to standard error, control characters shown as escapes.
    func note(_ line: String) { standardError.write(TerminalText.visible(line) + "\n") }
}
