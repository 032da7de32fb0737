import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import ArgumentParser
import Foundation

/// A subcommand that runs against a ``CommandContext``, so tests can run it
/// in-process and read what it printed.
protocol ContextCommand: ParsableCommand {
    func run(in context: CommandContext) throws
}

extension ContextCommand {
    mutating func run() throws { try run(in: .live) }
}

/// The process exit codes (sysexits where one fits).
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    /// The command line itself is wrong: unknown option, malformed value.
    public static let usage: Int32 = 64
    /// The acting user's role does not allow the change.
    public static let permissionRefused: Int32 = 77
}

/// Runs `advocacy` command lines.
public enum AdvocacyCLI {
    /// Parses and runs one command line, printing results to the context's
    /// standard output and one line per error to its standard error.
    /// Returns the exit status; never crashes on bad input.
    public static func run(arguments: [String], context: CommandContext) -> Int32 {
        let arguments = hoistingGlobalOptions(arguments)
        let command: any ParsableCommand
        do {
            command = try AdvocacyCommand.parseAsRoot(arguments)
        } catch {
            return reportParseError(error, arguments: arguments, context: context)
        }
        do {
            if let contextual = command as? any ContextCommand {
                try contextual.run(in: context)
            } else {
                var plain = command
                try plain.run()
            }
            return ExitStatus.success
        } catch {
            guard let status = failureStatus(for: error) else {
                return reportParseError(error, arguments: arguments, context: context)
            }
            context.error(errorLine(error.localizedDescription))
            return status
        }
    }

    /// The exit status of a domain failure; `nil` for the argument parser's
    /// own errors (help requests, usage errors raised in `validate()`).
    static func failureStatus(for error: any Error) -> Int32? {
        switch error {
        case CoreError.permissionDenied, CoreError.inactiveActor: ExitStatus.permissionRefused
        case is any ProgrammeFailure: ExitStatus.failure
        default: nil
        }
    }

    /// Help goes to standard output; usage errors become one line naming the
    /// bad value, with a pointer to the command's help.
    static func reportParseError(_ error: any Error, arguments: [String], context: CommandContext) -> Int32 {
        let code = AdvocacyCommand.exitCode(for: error).rawValue
        if code == 0 {
            let text = AdvocacyCommand.fullMessage(for: error)
            if !text.isEmpty { context.print(text) }
            return 0
        }
        var message = AdvocacyCommand.message(for: error)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        // Numeric options take their value unconditionally (so `--reactions -3` reaches
        // its check), but a negative positional count still reads as an unknown option.
        if message.hasPrefix("Unknown option") || message.hasPrefix("Missing expected argument"),
            let negative = arguments.first(where: { $0.wholeMatch(of: /-[0-9][0-9.,]*/) != nil })
        {
            message = "'\(negative)' is not a valid count: expected a whole number of 0 or more"
        }
        let path = commandPath(arguments)
        context.error("\(errorLine(message)) (see 'advocacy \(path.isEmpty ? "" : path + " ")--help')")
        return code == 1 ? ExitStatus.failure : code
    }

    /// A message as one line of readable length, whatever value it quotes:
    /// control characters and line breaks escaped (``TerminalText``), and the
    /// middle of a very long message (one quoting a 100 kB value) left out,
    /// keeping its start and the advice at its end.
    static func errorLine(_ message: String) -> String {
        let line = TerminalText.oneLine(message)
        let scalars = line.unicodeScalars
        guard scalars.count > 600 else { return line }
        let head = String(String.UnicodeScalarView(scalars.prefix(300)))
        let tail = String(String.UnicodeScalarView(scalars.suffix(200)))
        return head + "… (\(scalars.count - 500) characters left out) …" + tail
    }

    /// Options that every command takes, accepted before the subcommand too
    /// (`advocacy --db x.sqlite employee list`) by moving them after it.
    static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--verbose" || argument.hasPrefix("--db=") || argument.hasPrefix("--as=") {
                leading.append(argument)
                index += 1
            } else if (argument == "--db" || argument == "--as") && index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        let rest = Array(arguments[index...])
        let pathLength = commandPath(rest).split(separator: " ").count
        guard pathLength > 0 else { return arguments }
        return Array(rest.prefix(pathLength)) + leading + rest.dropFirst(pathLength)
    }

    /// The subcommand names at the start of `arguments` ("employee add").
    static func commandPath(_ arguments: [String]) -> String {
        var names: [String] = []
        var current: any ParsableCommand.Type = AdvocacyCommand.self
        for argument in arguments {
            guard let next = current.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            names.append(argument)
            current = next
        }
        return names.joined(separator: " ")
    }
}

/// The root command.
public struct AdvocacyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "advocacy",
        abstract: "Run an IT department's internal micro-influencer programme.",
        discussion: """
            Staff log what they publish about the department's projects; the CIO reviews who carries \
            influence; HR turns merit into rewards. Everything lives in one SQLite file that the \
            organisation owns.

            Every command takes --db PATH (the database; default $ADVOCACY_DB, else \
            $XDG_DATA_HOME/advocacy/advocacy.sqlite), --as EMAIL (who acts; default $ADVOCACY_USER) and \
            --verbose, before or after its name. Writes need to know who acts.

            Exit codes: 0 success, 1 failure, 64 malformed command line, 77 permission refused.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, DemoCommand.self, EmployeeCommand.self, ChannelCommand.self, ProjectCommand.self,
            LogCommand.self, MetricsCommand.self, ActionCommand.self, ReviewCommand.self, RankCommand.self, ExplainCommand.self,
            ReportCommand.self,
            AuditCommand.self,
            PolicyCommand.self, RewardsCommand.self, ImportCommand.self, SyncCommand.self, PrivacyCommand.self,
            CLIReferenceCommand.self,
            BackupCommand.self, CheckCommand.self, SettingsCommand.self, ServeCommand.self,
        ])

    public init() {}
}
