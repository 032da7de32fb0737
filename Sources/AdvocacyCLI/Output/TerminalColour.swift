import AdvocacyPresentation

/// The few colours the CLI uses on a terminal, and only there: flags for
/// gaming and review or reward statuses in tables, and "error:". Never when
/// the output is piped, when `NO_COLOR` is set (no-color.org) or when
/// `TERM` is `dumb`.
enum TerminalColour: String, Sendable {
    case red = "31", green = "32", yellow = "33", blue = "34"

    func paint(_ text: String) -> String { "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" }

    /// A review status's colour: settled green, waiting yellow, refused red.
    static func review(_ status: String) -> TerminalColour? {
        switch status {
        case "accepted": .green
        case "pending", "partly-accepted", "unconfirmed": .yellow
        case "rejected": .red
        default: nil
        }
    }

    /// A reward proposal's status's colour.
    static func reward(_ status: String) -> TerminalColour? {
        switch status {
        case "approved": .green
        case "granted": .blue
        case "proposed": .yellow
        case "rejected": .red
        default: nil
        }
    }

    /// A non-empty flags cell.
    static func flags(_ cell: String) -> TerminalColour? { cell.isEmpty ? nil : .yellow }
}

extension CommandContext {
    /// Whether text written to `output` may be coloured.
    func colours(on output: any TextOutput) -> Bool {
        guard output.isTerminal, environment["TERM"] != "dumb" else { return false }
        return (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// "error: …" on standard error, the prefix in red on a terminal.
    func error(_ message: String) {
        let prefix = colours(on: standardError) ? TerminalColour.red.paint("error:") : "error:"
        standardError.write(prefix + " " + TerminalText.visible(message) + "\n")
    }
}
