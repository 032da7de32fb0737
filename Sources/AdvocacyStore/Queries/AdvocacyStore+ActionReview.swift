import AdvocacyCore
import GRDB

extension StoreTransaction {
    /// Records a reviewer's decision on the action at `url`: its status,
    /// the reason, who decided and when. For a partly accepted action, the
    /// corrected effort and figures are written first; corrected figures
    /// replace the latest snapshot (or make the first, on `today`).
    public func decideReview(
        _ url: CanonicalURL, _ status: ReviewStatus, reason: String?, effortHours: Double? = nil,
        metrics: MetricsUpdate? = nil, today: LocalDate, by reviewer: Actor
    ) throws -> Action {
        try recordReview(url, status, reason: reason, effortHours: effortHours, metrics: metrics, today: today, by: reviewer)
        return try AdvocacyStore.requireAction(db, url)
    }

    /// ``decideReview(_:_:reason:effortHours:metrics:today:by:)`` without
    /// reading the action back, for a queue accepted as a whole.
    public func recordReview(
        _ url: CanonicalURL, _ status: ReviewStatus, reason: String?, effortHours: Double? = nil,
        metrics: MetricsUpdate? = nil, today: LocalDate, by reviewer: Actor
    ) throws {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT id FROM action a WHERE \(AddressHash.matches("a"))", arguments: [url.string])
        else { throw StoreError.unknownAction(url) }
        let actionID: Int64 = row["id"]
        let reason = try TextField.optional(reason, field: "reason", limit: AdvocacyStore.noteLimit)
        if let effortHours {
            try db.execute(sql: "UPDATE action SET effortHours = ? WHERE id = ?", arguments: [effortHours, actionID])
        }
        if let metrics {
            let latest = try Row.fetchOne(
                db, sql: "SELECT * FROM metricsSnapshot WHERE actionId = ? ORDER BY date DESC LIMIT 1", arguments: [actionID])
            let day = try (latest?["date"] as String?).map(AdvocacyStore.date) ?? today
            try AdvocacyStore.upsertMetrics(
                db, actionID: actionID, metrics.applied(to: latest.map(AdvocacyStore.metrics(from:))), on: day)
        }
        try db.execute(sql: "UPDATE action SET review = ? WHERE id = ?", arguments: [status.rawValue, actionID])
        try db.execute(
            sql: """
                INSERT INTO actionReview (actionId, note, reviewedBy, reviewedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT (actionId) DO UPDATE SET note = excluded.note, reviewedBy = excluded.reviewedBy,
                    reviewedAt = excluded.reviewedAt
                """,
            arguments: [
                actionID, reason, try AdvocacyStore.employeeID(db, reviewer.email), AdvocacyStore.timestamp(store.now()),
            ])
    }
}

extension AdvocacyStore {
    /// Drops the decision on an action sent back to review: its reason was about figures it no longer has.
    static func forgetDecision(_ db: Database, actionID: Int64) throws {
        try db.execute(sql: "DELETE FROM actionReview WHERE actionId = ?", arguments: [actionID])
    }
}

extension StoreTransaction {
    /// The actions matching `filter`, newest first, read in this transaction.
    public func actions(matching filter: ActionFilter) throws -> [Action] {
        var found: [Action] = []
        try AdvocacyStore.forEachAction(db, filter) { found.append($0) }
        return found
    }
}

extension StoreTransaction {
    /// The flags for gaming the cio cleared (see ``FlagClearances``).
    public func flagClearances() throws -> FlagClearances {
        try AdvocacyStore.flagClearances(db)
    }

    /// Records that `reviewer` cleared the flag `kind` of the actions
    /// `actionIDs`, with a note: they raise it no more. Clearing again
    /// replaces the note.
    public func clearFlag(_ kind: AuthenticityFlag.Kind, actions actionIDs: [Int64], note: String, by reviewer: Actor) throws {
        let note = try TextField.required(note, field: "note", limit: AdvocacyStore.noteLimit)
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO flagClearance (actionId, flag, note, clearedBy, clearedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (actionId, flag) DO UPDATE SET note = excluded.note, clearedBy = excluded.clearedBy,
                    clearedAt = excluded.clearedAt
                """)
        let by = try AdvocacyStore.employeeID(db, reviewer.email)
        let at = AdvocacyStore.timestamp(store.now())
        for id in actionIDs { try statement.execute(arguments: [id, kind.rawValue, note, by, at]) }
    }

    /// Whether any action was published in `window` (from the index on the day).
    public func hasActions(in window: ClosedRange<LocalDate>) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM action WHERE publishedOn BETWEEN ? AND ?)",
            arguments: [window.lowerBound.description, window.upperBound.description]) ?? false
    }

    /// The addresses of the actions `ids`, in the order given.
    public func actionAddresses(_ ids: [Int64]) throws -> [CanonicalURL] {
        try ids.compactMap { id in
            try String.fetchOne(db, sql: "SELECT url FROM action WHERE id = ?", arguments: [id]).map(
                CanonicalURL.init(alreadyCanonical:))
        }
    }
}

extension StoreTransaction {
    /// The identifiers of `email`'s actions awaiting review in `window`.
    public func pendingActionIDs(of email: EmailAddress, in window: ClosedRange<LocalDate>) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT actionId FROM actionFact
                WHERE employeeId = ? AND day BETWEEN ? AND ? AND review IN (\(ReviewStanding.pending.rawValue), \(ReviewStanding.unconfirmed.rawValue))
                ORDER BY actionId
                """,
            arguments: [
                try AdvocacyStore.employeeID(db, email), window.lowerBound.daysSinceEpoch, window.upperBound.daysSinceEpoch,
            ])
    }
}
