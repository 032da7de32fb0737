import AdvocacyCore
import Foundation
import GRDB

/// Applies ``ConsentRule`` to the writes of one transaction: each write that
/// adds data about a person (a channel, an action, figures, follower counts)
/// asks it first.
///
/// It remembers each person's state for the length of the transaction, so
/// an import of a million rows reads each person's consent once. A
/// self-tracking write by someone with nothing recorded is allowed and
/// records their consent; ``require(_:person:personID:scope:source:)``
/// only says so, and ``record(_:personID:source:)`` writes it, so an
/// importer can check every row's conditions before writing any of it.
struct ConsentGate {
    private let actor: Actor
    private let actorID: Int64
    private let recordedAt: String
    private var states: [Int64: (state: ConsentState, day: String?)] = [:]

    init(_ db: Database, actor: Actor, now: Date) throws {
        self.actor = actor
        actorID = try AdvocacyStore.employeeID(db, actor.email)
        recordedAt = AdvocacyStore.timestamp(now)
    }

    /// Refuses the write when the rules do; returns how the person's own
    /// write counts as consent when it must be recorded, else nil.
    ///
    /// `channel` (the channel the data is about) is asked only when the
    /// answer depends on its scope; nil means there will be no channel (the
    /// write fails for another reason, which is the better message).
    mutating func require(
        _ db: Database, person: EmailAddress, personID: Int64,
        channel: @autoclosure () throws -> (url: CanonicalURL, scope: ChannelScope)?,
        source: ConsentSource
    ) throws -> ConsentSource? {
        let (state, day) = try state(db, personID)
        let bySelf = actor.email == person
        // The scope matters only to someone else tracking a person with nothing recorded.
        let target = state == .unrecorded && !bySelf ? try channel() : nil
        if state == .unrecorded && !bySelf && target == nil { return nil }
        switch ConsentRule.decide(state: state, bySelf: bySelf, scope: target?.scope ?? .internal, source: source) {
        case .allowed: return nil
        case .allowedRecordingConsent(let source): return source
        case .refusedWithdrawn: throw StoreError.consentWithdrawn(person, on: day ?? "?")
        case .refusedNoConsent: throw StoreError.noConsent(person, channel: target?.url ?? CanonicalURL(alreadyCanonical: "?"))
        }
    }

    /// Records the consent a person gave by tracking themself.
    mutating func record(_ db: Database, personID: Int64, source: ConsentSource) throws {
        try AdvocacyStore.insertConsent(
            db, employeeID: personID, granted: true, source: source, recordedBy: actorID, at: recordedAt)
        states[personID] = (.granted, String(recordedAt.prefix(10)))
    }

    /// ``require(_:person:personID:channel:source:)`` then ``record(_:personID:source:)``,
    /// for a write of one row.
    mutating func check(
        _ db: Database, person: EmailAddress, personID: Int64,
        channel: @autoclosure () throws -> (url: CanonicalURL, scope: ChannelScope)?,
        source: ConsentSource
    ) throws {
        if let source = try require(db, person: person, personID: personID, channel: try channel(), source: source) {
            try record(db, personID: personID, source: source)
        }
    }

    private mutating func state(_ db: Database, _ personID: Int64) throws -> (state: ConsentState, day: String?) {
        if let known = states[personID] { return known }
        let found = try AdvocacyStore.consentState(db, employeeID: personID)
        states[personID] = found
        return found
    }
}

extension AdvocacyStore {
    /// A person's consent state and the day of its latest entry.
    static func consentState(_ db: Database, employeeID: Int64) throws -> (state: ConsentState, day: String?) {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT granted, recordedAt FROM consent WHERE employeeId = ? ORDER BY id DESC LIMIT 1"),
                arguments: [employeeID])
        else { return (.unrecorded, nil) }
        return (row["granted"] ? .granted : .withdrawn, String((row["recordedAt"] as String).prefix(10)))
    }

    /// A person's consent history, oldest first.
    static func consentHistory(_ db: Database, employeeID: Int64) throws -> [ConsentRecord] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.granted, c.source, r.email AS recordedBy, c.recordedAt FROM consent c
                LEFT JOIN employee r ON r.id = c.recordedBy WHERE c.employeeId = ? ORDER BY c.id
                """,
            arguments: [employeeID]
        ).map { row in
            ConsentRecord(
                granted: row["granted"], source: try decode(row["source"]),
                recordedBy: (row["recordedBy"] as String?).map(EmailAddress.init(alreadyValid:)),
                recordedAt: date(fromTimestamp: row["recordedAt"]))
        }
    }

    /// The channel at `url` and its scope (external when unknown: the stricter).
    static func scopedChannel(_ db: Database, url: CanonicalURL) throws -> (url: CanonicalURL, scope: ChannelScope) {
        guard let text = try String.fetchOne(db, sql: "SELECT scope FROM channel WHERE url = ?", arguments: [url.string]) else {
            return (url, .external)
        }
        return (url, try decode(text))
    }

    /// The channel `draft` would go to among `own`, and its scope, without
    /// creating it; nil when the author must register it first (which
    /// refuses the action anyway).
    static func plannedChannel(
        _ db: Database, for draft: ActionDraft, among own: [AuthorChannel], sharedVenues: [CanonicalURL]
    ) throws -> (url: CanonicalURL, scope: ChannelScope)? {
        switch ChannelChoice.choose(for: draft, among: own.map { ($0.url, $0.kind) }, sharedVenues: sharedVenues) {
        case .existing(let url): try scopedChannel(db, url: url)
        case .create(let url, let kind): (url, kind.defaultScope)
        case .sharedVenue(let venue): (venue, SharedVenue.scope(of: venue, for: draft.author))
        case .registerFirst, .someoneElses, .anotherAccount: nil
        }
    }
}

extension AdvocacyStore {
    /// The channel with `id` and its scope.
    static func scopedChannel(_ db: Database, id: Int64) throws -> (url: CanonicalURL, scope: ChannelScope) {
        guard let row = try Row.fetchOne(db, sql: "SELECT url, scope FROM channel WHERE id = ?", arguments: [id]) else {
            throw StoreError.constraintViolated("unexpected channel id \(id)")
        }
        return (CanonicalURL(alreadyCanonical: row["url"]), try decode(row["scope"]))
    }

    /// The channel an action was published on, and its scope.
    static func scopedChannel(_ db: Database, actionID: Int64) throws -> (url: CanonicalURL, scope: ChannelScope) {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT c.url, c.scope FROM action a JOIN channel c ON c.id = a.channelId WHERE a.id = ?",
                arguments: [actionID])
        else { throw StoreError.constraintViolated("unexpected action id \(actionID)") }
        return (CanonicalURL(alreadyCanonical: row["url"]), try decode(row["scope"]))
    }
}

extension AdvocacyStore {
    /// Whether `actor` may add data about `channel` under its owner's consent.
    static func mayTrack(_ db: Database, _ channel: Channel, by actor: Actor) throws -> Bool {
        let state = try consentState(db, employeeID: try employeeID(db, channel.email)).state
        switch ConsentRule.decide(state: state, bySelf: actor.email == channel.email, scope: channel.scope, source: .ownAction) {
        case .allowed, .allowedRecordingConsent: return true
        case .refusedNoConsent, .refusedWithdrawn: return false
        }
    }
}

extension StoreTransaction {
    /// `email`'s employee, refused when unknown or no longer active, as a
    /// write of their data would be.
    public func requireActiveEmployee(_ email: EmailAddress) throws -> Employee {
        _ = try AdvocacyStore.requireActiveEmployeeID(db, email)
        return try AdvocacyStore.requireEmployee(db, email)
    }

    /// Refuses, with the words a write would be refused with, when `person`'s
    /// consent does not let `actor` add their data (on `channel` when it is
    /// known). Writes nothing: a person's own first write still records
    /// their consent when it happens.
    public func requireConsent(
        of person: EmailAddress, by actor: Actor, channel: CanonicalURL?, source: ConsentSource
    ) throws {
        var gate = try ConsentGate(db, actor: actor, now: store.now())
        let scoped = try channel.map { url in (url: url, scope: try AdvocacyStore.requireChannel(db, url).scope) }
        _ = try gate.require(
            db, person: person, personID: try AdvocacyStore.employeeID(db, person), channel: scoped, source: source)
    }
}
