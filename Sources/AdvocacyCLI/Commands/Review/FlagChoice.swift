import AdvocacyCore
import ArgumentParser

/// The flags for gaming, as `--flag` names them.
enum FlagChoice: String, CaseIterable, Sendable {
    case highEngagement = "high-engagement"
    case busyDay = "busy-day"
    case linksWithoutFigures = "links-without-figures"
    case riseOnPending = "rise-on-pending"
    case nearDuplicate = "near-duplicate"

    var kind: AuthenticityFlag.Kind {
        switch self {
        case .highEngagement: .highEngagement
        case .busyDay: .busyDay
        case .linksWithoutFigures: .linksWithoutFigures
        case .riseOnPending: .riseOnPending
        case .nearDuplicate: .nearDuplicate
        }
    }

    static let help = WordList.or(allCases.map(\.rawValue))
}

/// What `review clear` and `review confirm` share: whose flag, which, when, and why.
struct FlagDecisionOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Whose flag.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress

    @Option(help: ArgumentHelp("The flag: \(FlagChoice.help).", valueName: "flag"), transform: Parse.choice)
    var flag: FlagChoice

    @OptionGroup var period: PeriodOptions

    @Option(help: ArgumentHelp("What you found, for the record (required).", valueName: "text"))
    var note: String

    func validate() throws {
        if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--note is empty: say what you found")
        }
    }

    /// The period the flag was raised in: the current quarter unless given, as `rank`'s default.
    func chosenPeriod(today: LocalDate) throws -> Period {
        try period.resolve(today: today) ?? .quarter(containing: today)
    }
}

extension FlagDecision {
    /// What the decision settled, one action per line.
    func lines(_ verb: String) -> [String] {
        ["\(verb) the \(kind.rawValue) flag of \(person) in \(period): \(actions.count) action\(actions.count == 1 ? "" : "s")."]
            + actions.map { "  \($0)" }
    }
}
