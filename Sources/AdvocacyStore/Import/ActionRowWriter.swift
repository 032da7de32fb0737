import AdvocacyCore
import GRDB

/// Writes new actions by the thousand, for `import actions` and the demo:
/// the action, its project tags, its metrics snapshots, and the
/// `actionFact` row its triggers would have written
/// (the rule of ``StoredFactRule``). The `actionFact` and audit triggers
/// of these tables are set aside until ``finish(_:refreshingActions:)``
/// (``SuspendedTriggers``).
///
/// New actions are held back and written ``rowsPerStatement`` to a
/// statement, table by table (``MultiRowInsert``). Their ids are given here,
/// following the table's AUTOINCREMENT counter, so that tags and facts can
/// name an action before it is written. Everything is checked before an
/// action is handed over, so a held-back row is never refused later; a
/// caller that looks an address up must first write what is held back at
/// that address (``writeHeldBack(ifHolding:)``).
final class ActionRowWriter {
    /// A new action and what is written with it.
    struct NewAction {
        var employeeID: Int64
        var channelID: Int64
        var channelKind: ChannelKind
        var kind: ActionKind
        var title: String
        var url: CanonicalURL
        var urlHash: Int64
        var date: LocalDate
        var effortHours: Double?
        var fingerprint: Int64
        var projectIDs: [Int64]
        /// Its metrics snapshots; the latest goes into its fact.
        var snapshots: [(date: LocalDate, metrics: Metrics)]
        /// The channel's audience at publication, and the highest weight of its projects.
        var followers: Int?
        var strategicWeight: Int?
    }

    /// Measured at a million rows: 64 gave most of the gain (one row per
    /// statement cost about twice as much in SQLite), more gave little.
    static let rowsPerStatement = 64

    private let triggers: SuspendedTriggers
    private let actions: MultiRowInsert
    private let tags: MultiRowInsert
    private let snapshots: MultiRowInsert
    private let facts: MultiRowInsert
    /// Where the figures this import writes came from.
    private let source: FigureSource
    private let createdAt: String

    private var nextID: Int64
    /// The first id this writer gave.
    private let firstID: Int64
    private var heldActions: [(id: Int64, action: NewAction)] = []
    /// The address hashes of `heldActions`.
    private var heldAddresses: Set<Int64> = []
    private var heldTags: [(actionID: Int64, projectID: Int64)] = []
    private var heldSnapshots: [(actionID: Int64, date: LocalDate, metrics: Metrics)] = []

    init(_ db: Database, figures source: FigureSource = .typed, createdAt: String) throws {
        self.source = source
        self.createdAt = createdAt
        // The two guards on a new action are checked before it is written,
        // by the importer (the author's own channel; the address found by
        // its hash, which comes from the same function) and by the demo
        // (addresses made unique, channels of their authors). Each made an
        // indexed search and a call into Swift per row: 100,000 rows
        // imported in 2.2-2.5 s with them set aside, about 3.0 s before.
        triggers = try SuspendedTriggers(
            db, on: ["action", "metricsSnapshot", "actionProject"], guards: ["action_url_insert", "action_channel_owner_insert"])
        // AUTOINCREMENT: never an id given before, even to an action since removed.
        nextID =
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'action'), 0),
                               COALESCE((SELECT MAX(id) FROM action), 0)) + 1
                    """) ?? 1
        firstID = nextID
        let batch = Self.rowsPerStatement
        actions = try MultiRowInsert(
            db, into: "action",
            columns: [
                "id", "employeeId", "channelId", "kind", "title", "url", "urlHash", "publishedOn", "effortHours",
                "contentFingerprint", "createdAt",
            ], rowsPerStatement: batch)
        tags = try MultiRowInsert(db, into: "actionProject", columns: ["actionId", "projectId"], rowsPerStatement: batch)
        snapshots = try MultiRowInsert(
            db, into: "metricsSnapshot",
            columns: ["actionId", "date", "impressions", "reactions", "comments", "shares", "clicks", "source"],
            rowsPerStatement: batch,
            suffix: """
                ON CONFLICT (actionId, date) DO UPDATE SET impressions = excluded.impressions, reactions = excluded.reactions,
                    comments = excluded.comments, shares = excluded.shares, clicks = excluded.clicks, source = excluded.source
                """)
        facts = try MultiRowInsert(
            db, into: "actionFact",
            columns: [
                "employeeId", "day", "actionId", "channelId", "channelKind", "kind", "effortHours", "contentFingerprint",
                "impressions", "reactions", "comments", "shares", "clicks", "followers", "strategicWeight",
            ], rowsPerStatement: batch)
    }

    /// Takes a new action; its id. It is written with the next full batch,
    /// or by ``writeHeldBack()``.
    @discardableResult
    func insert(_ action: NewAction) throws -> Int64 {
        let id = nextID
        nextID += 1
        heldActions.append((id, action))
        heldAddresses.insert(action.urlHash)
        for projectID in action.projectIDs { heldTags.append((id, projectID)) }
        for snapshot in action.snapshots { heldSnapshots.append((id, snapshot.date, snapshot.metrics)) }
        if heldActions.count == Self.rowsPerStatement { try writeActions(leavingPartStatements: true) }
        return id
    }

    /// Writes what is held back when an action at one of the addresses of
    /// `hashes` (``AddressHash``) is, so that a lookup in the database finds it.
    func writeHeldBack(ifHolding hashes: [Int64]) throws {
        guard !heldAddresses.isEmpty, hashes.contains(where: heldAddresses.contains) else { return }
        try writeActions(leavingPartStatements: false)
    }

    /// Writes what is held back before an action is read or changed: when
    /// this writer made it, its tags or snapshots may still be held.
    func writeHeldBack(beforeChanging actionID: Int64) throws {
        guard actionID >= firstID else { return }
        try writeActions(leavingPartStatements: false)
    }

    /// Writes everything held back.
    func writeHeldBack() throws {
        try writeActions(leavingPartStatements: false)
    }

    /// Tags an action already in the database, at once.
    func tag(_ actionID: Int64, projectID: Int64) throws {
        try tags.write(CollectionOfOne((actionID, projectID)), bind: Self.bindTag)
    }

    /// Records a metrics snapshot of an action already in the database, at
    /// once, replacing one of the same day.
    func recordMetrics(_ metrics: Metrics, of actionID: Int64, on date: LocalDate) throws {
        try snapshots.write(CollectionOfOne((actionID, date, metrics)), bind: bindSnapshot)
    }

    /// Writes what is held back, recomputes the facts of the existing
    /// `actions` that were changed, then recreates the triggers.
    func finish(_ db: Database, refreshingActions actions: Set<Int64> = []) throws {
        try writeHeldBack()
        try triggers.restore(db, refreshingActions: actions, channels: [])
    }

    /// The held actions and their facts; then their tags and snapshots, as
    /// many whole statements as there are (all of them when
    /// `leavingPartStatements` is false). Actions first: the others name them.
    private func writeActions(leavingPartStatements: Bool) throws {
        try actions.write(heldActions) { statement, held, first in
            let action = held.action
            statement.bind(first, held.id)
            statement.bind(first + 1, action.employeeID)
            statement.bind(first + 2, action.channelID)
            statement.bind(first + 3, action.kind.rawValue)
            statement.bind(first + 4, action.title)
            statement.bind(first + 5, action.url.string)
            statement.bind(first + 6, action.urlHash)
            statement.bind(first + 7, action.date.description)
            statement.bind(first + 8, action.effortHours)
            statement.bind(first + 9, action.fingerprint)
            statement.bind(first + 10, createdAt)
        }
        try facts.write(heldActions) { statement, held, first in
            let action = held.action
            let metrics = action.snapshots.max { $0.date < $1.date }?.metrics
            statement.bind(first, action.employeeID)
            statement.bind(first + 1, Int64(action.date.daysSinceEpoch))
            statement.bind(first + 2, held.id)
            statement.bind(first + 3, action.channelID)
            statement.bind(first + 4, action.channelKind.rawValue)
            statement.bind(first + 5, action.kind.rawValue)
            statement.bind(first + 6, action.effortHours)
            statement.bind(first + 7, action.fingerprint)
            statement.bind(first + 8, metrics?.impressions)
            statement.bind(first + 9, metrics?.reactions)
            statement.bind(first + 10, metrics?.comments)
            statement.bind(first + 11, metrics?.shares)
            statement.bind(first + 12, metrics?.clicks)
            statement.bind(first + 13, action.followers)
            statement.bind(first + 14, action.strategicWeight)
        }
        heldActions.removeAll(keepingCapacity: true)
        heldAddresses.removeAll(keepingCapacity: true)
        if leavingPartStatements {
            try tags.writeWholeStatements(&heldTags, bind: Self.bindTag)
            try snapshots.writeWholeStatements(&heldSnapshots, bind: bindSnapshot)
        } else {
            try tags.write(heldTags, bind: Self.bindTag)
            try snapshots.write(heldSnapshots, bind: bindSnapshot)
            heldTags.removeAll(keepingCapacity: true)
            heldSnapshots.removeAll(keepingCapacity: true)
        }
    }

    private static func bindTag(_ statement: BulkStatement, _ tag: (actionID: Int64, projectID: Int64), _ first: Int32) {
        statement.bind(first, tag.actionID)
        statement.bind(first + 1, tag.projectID)
    }

    private func bindSnapshot(
        _ statement: BulkStatement, _ snapshot: (actionID: Int64, date: LocalDate, metrics: Metrics), _ first: Int32
    ) {
        statement.bind(first, snapshot.actionID)
        statement.bind(first + 1, snapshot.date.description)
        statement.bind(first + 2, snapshot.metrics.impressions)
        statement.bind(first + 3, snapshot.metrics.reactions)
        statement.bind(first + 4, snapshot.metrics.comments)
        statement.bind(first + 5, snapshot.metrics.shares)
        statement.bind(first + 6, snapshot.metrics.clicks)
        statement.bind(first + 7, source.rawValue)
    }
}
