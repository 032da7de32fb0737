import AdvocacyCore
import GRDB

/// Writes new actions by the thousand, for `import actions` and the demo:
/// the action, its project tags, its metrics snapshots, and the
/// `actionFact` row its triggers would have written
/// (the rule of ``StoredFactRule``). The `actionFact` and audit triggers
/// of these tables are set aside until ``finish(_:refreshingActions:)``
/// (``SuspendedTriggers``); every statement is bound through the C API
/// (``BulkStatement``).
struct ActionRowWriter {
    private let triggers: SuspendedTriggers
    private let insertAction: BulkStatement
    private let insertTag: BulkStatement
    private let upsertMetrics: BulkStatement
    private let insertFact: BulkStatement

    /// Where the figures this import writes came from.
    private let source: FigureSource

    init(_ db: Database, figures source: FigureSource = .typed) throws {
        self.source = source
        // The two guards on a new action are checked before it is written,
        // by the importer (the author's own channel; the address found by
        // its hash, which comes from the same function) and by the demo
        // (addresses made unique, channels of their authors). Each made an
        // indexed search and a call into Swift per row: 100,000 rows
        // imported in 2.2-2.5 s with them set aside, about 3.0 s before.
        triggers = try SuspendedTriggers(
            db, on: ["action", "metricsSnapshot", "actionProject"], guards: ["action_url_insert", "action_channel_owner_insert"])
        insertAction = try BulkStatement(
            db,
            sql: """
                INSERT INTO action (employeeId, channelId, kind, title, url, urlHash, publishedOn, effortHours, contentFingerprint, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertTag = try BulkStatement(db, sql: "INSERT INTO actionProject (actionId, projectId) VALUES (?, ?)")
        upsertMetrics = try BulkStatement(
            db,
            sql: """
                INSERT INTO metricsSnapshot (actionId, date, impressions, reactions, comments, shares, clicks, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (actionId, date) DO UPDATE SET impressions = excluded.impressions, reactions = excluded.reactions,
                    comments = excluded.comments, shares = excluded.shares, clicks = excluded.clicks, source = excluded.source
                """)
        insertFact = try BulkStatement(
            db,
            sql: """
                INSERT INTO actionFact (employeeId, day, actionId, channelId, channelKind, kind, effortHours, contentFingerprint,
                    impressions, reactions, comments, shares, clicks, followers, strategicWeight)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    /// Inserts an action; its id.
    func insertAction(
        _ db: Database, employeeID: Int64, channelID: Int64, kind: ActionKind, title: String, url: CanonicalURL, date: LocalDate,
        effortHours: Double?, fingerprint: Int64, createdAt: String
    ) throws -> Int64 {
        insertAction.bind(1, employeeID)
        insertAction.bind(2, channelID)
        insertAction.bind(3, kind.rawValue)
        insertAction.bind(4, title)
        insertAction.bind(5, url.string)
        insertAction.bind(6, AddressHash.of(url.string))
        insertAction.bind(7, date.description)
        insertAction.bind(8, effortHours)
        insertAction.bind(9, fingerprint)
        insertAction.bind(10, createdAt)
        try insertAction.execute()
        return db.lastInsertedRowID
    }

    func tag(_ actionID: Int64, projectID: Int64) throws {
        insertTag.bind(1, actionID)
        insertTag.bind(2, projectID)
        try insertTag.execute()
    }

    /// Records a metrics snapshot, replacing one of the same day.
    func recordMetrics(_ metrics: Metrics, of actionID: Int64, on date: LocalDate) throws {
        upsertMetrics.bind(1, actionID)
        upsertMetrics.bind(2, date.description)
        upsertMetrics.bind(3, metrics.impressions)
        upsertMetrics.bind(4, metrics.reactions)
        upsertMetrics.bind(5, metrics.comments)
        upsertMetrics.bind(6, metrics.shares)
        upsertMetrics.bind(7, metrics.clicks)
        upsertMetrics.bind(8, source.rawValue)
        try upsertMetrics.execute()
    }

    /// The `actionFact` row of a new action. `metrics`: its latest snapshot;
    /// `followers`: its channel's audience at publication; `weight`: the
    /// highest of its projects' weights.
    func writeFact(
        employeeID: Int64, date: LocalDate, actionID: Int64, channelID: Int64, channelKind: ChannelKind, kind: ActionKind,
        effortHours: Double?, fingerprint: Int64, metrics: Metrics?, followers: Int?, weight: Int?
    ) throws {
        insertFact.bind(1, employeeID)
        insertFact.bind(2, Int64(date.daysSinceEpoch))
        insertFact.bind(3, actionID)
        insertFact.bind(4, channelID)
        insertFact.bind(5, channelKind.rawValue)
        insertFact.bind(6, kind.rawValue)
        insertFact.bind(7, effortHours)
        insertFact.bind(8, fingerprint)
        insertFact.bind(9, metrics?.impressions)
        insertFact.bind(10, metrics?.reactions)
        insertFact.bind(11, metrics?.comments)
        insertFact.bind(12, metrics?.shares)
        insertFact.bind(13, metrics?.clicks)
        insertFact.bind(14, followers)
        insertFact.bind(15, weight)
        try insertFact.execute()
    }

    /// Recomputes the facts of the existing `actions` that were changed,
    /// then recreates the triggers.
    func finish(_ db: Database, refreshingActions actions: Set<Int64> = []) throws {
        try triggers.restore(db, refreshingActions: actions, channels: [])
    }
}
