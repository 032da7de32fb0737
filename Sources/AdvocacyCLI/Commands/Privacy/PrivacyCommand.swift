import AdvocacyCore
import ArgumentParser

struct PrivacyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Personal data (GDPR): consent, right of access, erasure, retention, hiding from rankings.",
        discussion: """
            Tracking someone's personal channels needs their consent: people consent by adding their own channels \
            and work, or it is recorded with 'privacy consent'; others (an admin's --for, imports, feed syncs) are \
            refused on a person's external channels without it, and a withdrawal stops all new tracking of them. \
            See docs/privacy.md.
            """,
        subcommands: [
            PrivacyConsentCommand.self, PrivacyExportCommand.self, PrivacyEraseCommand.self, PrivacyPurgeCommand.self,
            PrivacyHideCommand.self, PrivacyUnhideCommand.self,
        ])
}

extension Parse {
    /// A retention period: `24m`, `730d`, `2y`, at least a month.
    static func retention(_ text: String) throws -> RetentionPeriod {
        do {
            return try RetentionPeriod(parsing: text)
        } catch let error as CoreError {
            throw Expectation(description: error.expectation)
        }
    }
}
