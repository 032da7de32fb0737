import ArgumentParser

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "The scoring policy: every weight and threshold behind a score, versioned.",
        discussion: """
            Each change makes a new version, and each ranking records the version it used. \
            docs/scoring.md explains every value.
            """,
        subcommands: [PolicyShowCommand.self, PolicyHistoryCommand.self, PolicySetCommand.self, PolicyValidateCommand.self])
}
