import AdvocacyCore
import ArgumentParser

/// `--policy N`: a period scored with this version rather than with the one
/// in force when it ended.
struct PolicyVersionOption: ParsableArguments {
    @Option(
        name: .customLong("policy"),
        help: ArgumentHelp(
            "Score with this policy version instead of the one in force when the period ended ('advocacy policy history').",
            valueName: "n"),
        transform: Parse.positiveCount)
    var version: Int?

    var choice: PolicyChoice { version.map(PolicyChoice.version) ?? .inForce }
}
