import Foundation

/// How a person's consent (or its withdrawal) came to be recorded.
public enum ConsentSource: String, Vocabulary {
    /// `privacy consent EMAIL --grant|--withdraw`, by the person or an admin.
    case command
    /// The person registered their own channel (or recorded its followers).
    case ownChannel = "own-channel"
    /// The person logged their own action (or its figures, or imported their own work).
    case ownAction = "own-action"
    /// The `consent` column of HR's roster (`import employees`).
    case roster
    /// The demo's fictional people.
    case demo
    public static let vocabularyName = "consent source"
}

/// One entry of a person's consent history.
public struct ConsentRecord: Hashable, Sendable, Encodable {
    /// True when consent was given, false when it was withdrawn (or refused on the roster).
    public var granted: Bool
    public var source: ConsentSource
    /// Who recorded it: the person, an admin; nil for the system (the demo) or someone since erased.
    public var recordedBy: EmailAddress?
    public var recordedAt: Date

    public init(granted: Bool, source: ConsentSource, recordedBy: EmailAddress?, recordedAt: Date) {
        self.granted = granted
        self.source = source
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    enum CodingKeys: String, CodingKey { case granted, source, recordedBy, recordedAt }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(granted, forKey: .granted)
        try container.encode(source, forKey: .source)
        try container.encode(recordedBy?.value, forKey: .recordedBy)
        try container.encode(recordedAt, forKey: .recordedAt)
    }
}

/// Where a person's consent stands: the latest entry of their history.
public enum ConsentState: String, Hashable, Sendable, Encodable {
    /// Nothing recorded: only the person themself, or tracking of internal channels, may add data about them.
    case unrecorded = "none"
    case granted
    case withdrawn

    /// The state after `history` (oldest first).
    public init(history: [ConsentRecord]) {
        guard let last = history.last else {
            self = .unrecorded
            return
        }
        self = last.granted ? .granted : .withdrawn
    }
}

/// What a write that tracks a person may do, given their consent.
public enum TrackingDecision: Hashable, Sendable {
    /// Go ahead.
    case allowed
    /// Go ahead, and record the consent the person gives by tracking themself.
    case allowedRecordingConsent(ConsentSource)
    /// The person has not consented to others tracking their external channels.
    case refusedNoConsent
    /// The person withdrew consent: nothing new about them, from anyone.
    case refusedWithdrawn
}

/// The consent rules (GDPR): tracking someone's personal accounts needs their consent.
///
/// - A person who tracks themself (registers their channel, logs their
///   work) consents by doing so; it is recorded the first time.
/// - Anyone else (an admin's `--for`, an import, a feed sync) needs recorded
///   consent to add anything on the person's external channels; internal
///   channels (the company's own network) need none.
/// - A withdrawal stops all new tracking of the person, by anyone, the
///   person included, until consent is recorded again.
public enum ConsentRule {
    /// Whether a write about `state`'s person may go ahead.
    ///
    /// - Parameters:
    ///   - bySelf: the actor is the person being tracked.
    ///   - scope: the scope of the channel the data is about.
    ///   - source: how the person's own action counts as consent.
    public static func decide(state: ConsentState, bySelf: Bool, scope: ChannelScope, source: ConsentSource) -> TrackingDecision {
        switch state {
        case .withdrawn: return .refusedWithdrawn
        case .granted: return .allowed
        case .unrecorded:
            if bySelf { return .allowedRecordingConsent(source) }
            return scope == .internal ? .allowed : .refusedNoConsent
        }
    }
}
