import Foundation

/// A person's consent: where it stands and every entry behind it.
public struct ConsentStatus: Hashable, Sendable, Encodable {
    public var email: EmailAddress
    public var state: ConsentState
    /// Oldest first.
    public var history: [ConsentRecord]

    package init(email: EmailAddress, state: ConsentState, history: [ConsentRecord]) {
        self.email = email
        self.state = state
        self.history = history
    }
}
