import AdvocacyCore
import AdvocacyKit
import Foundation

/// How privacy results read in a terminal.
enum PrivacyText {
    static func consent(_ status: ConsentStatus) -> String {
        let state =
            switch status.state {
            case .unrecorded: "nothing recorded (only they may track themselves; others need their consent for external channels)"
            case .granted: "granted"
            case .withdrawn: "withdrawn (nothing new is tracked about them)"
            }
        var lines = ["\(status.email): consent \(state)"]
        for record in status.history {
            let by = record.recordedBy.map { " by \($0)" } ?? ""
            lines.append(
                "  \(record.recordedAt.formatted(.iso8601))  \(record.granted ? "granted  " : "withdrawn")  \(record.source.rawValue)\(by)"
            )
        }
        return lines.joined(separator: "\n")
    }
}

extension CommandContext {
    /// Runs a write that tracks `person`; when it was their own and it
    /// recorded their consent (nothing was recorded before), says so on
    /// standard error, once.
    func noticingConsent<T>(of person: EmailAddress, by actor: EmailAddress, in programme: Programme, _ body: () throws -> T)
        throws -> T
    {
        guard person == actor, (try? programme.consentState(of: person)) == ConsentState.unrecorded else { return try body() }
        let result = try body()
        if (try? programme.consentState(of: person)) == .granted {
            note(
                "note: by adding your own channels and work you consent to the programme tracking them (recorded today); "
                    + "withdraw with 'advocacy privacy consent \(person) --withdraw'")
        }
        return result
    }
}
