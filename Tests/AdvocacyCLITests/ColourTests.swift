import AdvocacyCLI
import AdvocacyTestSupport
import Foundation
import Testing

/// Colour on a terminal for statuses, flags and errors; never piped, never with NO_COLOR.
@Suite("Colour on a terminal")
struct ColourTests {
    /// What a command writes to a pretend terminal (or a pipe), with `extra` in the environment.
    func run(_ cli: CLIHarness, _ arguments: [String], terminal: Bool, extra: [String: String] = [:]) -> (String, String) {
        let output = BufferedOutput(terminalColumns: terminal ? 200 : nil)
        let error = BufferedOutput(terminalColumns: terminal ? 200 : nil)
        var environment = cli.environment.merging(extra) { $1 }
        environment["ADVOCACY_USER"] = "cio@corp.fr"
        let context = CommandContext(
            environment: environment, now: { CLIHarness.now }, timeZone: FixedClock.timeZone, standardOutput: output,
            standardError: error)
        _ = AdvocacyCLI.run(arguments: arguments, context: context)
        return (output.text, error.text)
    }

    @Test("Review statuses and errors are coloured on a terminal only, and not with NO_COLOR")
    func statusesAndErrors() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("log", "https://jane.example.org/erp", "--project", "ERP-2027", as: "jane@corp.fr")
        let yellowPending = "\u{1B}[33mpending\u{1B}[0m"
        #expect(run(cli, ["action", "list"], terminal: true).0.contains(yellowPending))
        #expect(!run(cli, ["action", "list"], terminal: false).0.contains("\u{1B}"))
        #expect(!run(cli, ["action", "list"], terminal: true, extra: ["NO_COLOR": "1"]).0.contains("\u{1B}"))
        let (_, error) = run(cli, ["rank", "--team", "Datta"], terminal: true)
        #expect(error.hasPrefix("\u{1B}[31merror:\u{1B}[0m no one is in a team named 'Datta'"))
        #expect(run(cli, ["rank", "--team", "Datta"], terminal: false).1.hasPrefix("error: no one is in a team"))
    }
}
