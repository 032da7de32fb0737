import AdvocacyCore
import GRDB

/// Writes new actions by the thousand, for `import actions` and the demo:
/// the action, its project tags, its metrics snapshots, and the
/// `actionFact` row its triggers would have written
/// (the rule of ``StoredFactRule``). The `actionFact` and audit triggers
/// of these tables are set aside until ``finish(_:refreshingActions:)``
/// (``SuspendedTriggers``).
///
/// New actions are held back, ``rowsHeld`` at most, and written table by
/// table, ``rowsPerStatement`` to a statement (``MultiRowInsert``). Their
/// ids are given here, following the table's AUTOINCREMENT counter, so that
/// tags and facts can name an action before it is written. Everything is
/// checked before an action is handed over, so a held-back row is never
/// refused later; a caller that looks an address up must first write what
/// is held back at that address (``writeHeldBack(ifHolding:or:)``).
///
/// A held row is numbers and the place of its texts in one buffer, which
/// SQLite reads in place: holding and writing a row allocates nothing, and
/// the strings it was made from are freed where they were made (the
/// import's reading thread).
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
        /// Where its figures came from.
        var figureSource: FigureSource
        /// Where it stands in review: ``ReviewPolicy/status(ofNewActionWithFigures:)``.
        var review: ReviewStatus
        /// Pending, with an address that names no account: it counts once reviewed (``ReviewStanding/unconfirmed``).
        var unconfirmed = false
        /// The channel's audience at publication, and the highest weight of its projects.
        var followers: Int?
        var strategicWeight: Int?
    }

    /// Measured at a million rows, written 32,768 of each table at a time:
    /// 512 rows to a statement took a second less than 64, 2,048 no less
    /// than 512 (one row to a statement cost SQLite twice as much as 64).
    static let rowsPerStatement = 512
    /// Measured at a million rows: SQLite wrote the four tables 64 rows of
    /// each in turn in 12.4 s, 16,384 at a time in 11.2 s, 262,144 in
    /// 10.0 s: each of the B-trees it adds to stays in the processor's
    /// caches for longer. The import's reading thread reads as many rows
    /// ahead (``PrefetchedRows``), so that it goes on while these are written.
    static let rowsHeld = 32_768

    /// Where a text is in ``texts``.
    private struct TextSpan {
        var start: Int
        var count: Int
    }

    /// A held action: its numbers and the place of its texts.
    private struct HeldAction {
        var id: Int64
        var employeeID: Int64
        var channelID: Int64
        var channelKind: ChannelKind
        var kind: ActionKind
        var title: TextSpan
        var url: TextSpan
        var urlHash: Int64
        /// Days since 1970-01-01, for its fact; the date's text is `publishedOn`.
        var day: Int64
        var publishedOn: TextSpan
        var effortHours: Double?
        var fingerprint: Int64
        var latestMetrics: Metrics?
        var followers: Int?
        var strategicWeight: Int?
        var review: ReviewStatus
        var unconfirmed: Bool
    }

    private struct HeldSnapshot {
        var actionID: Int64
        var date: TextSpan
        var metrics: Metrics
        var source: FigureSource
    }

    private struct Tag {
        var actionID: Int64
        var projectID: Int64
    }

    private let triggers: SuspendedTriggers
    private let actions: MultiRowInsert
    private let tags: MultiRowInsert
    private let snapshots: MultiRowInsert
    private let facts: MultiRowInsert

    private var nextID: Int64
    /// The first id this writer gave.
    private let firstID: Int64
    /// The texts of the held rows, one after another. It starts with the
    /// texts every row shares, which stay.
    private var texts: [UInt8] = []
    private let createdAt: TextSpan
    /// The names of the figure sources and review statuses, by position in `allCases`.
    private let sources: [TextSpan]
    private let reviews: [TextSpan]
    private let sharedTextsCount: Int
    private var heldActions: [HeldAction] = []
    /// The address hashes of `heldActions`.
    private var heldAddresses: Set<Int64> = []
    private var heldTags: [Tag] = []
    /// New actions whose address names no account, claimed once their rows are written.
    private var heldClaims: [Int64] = []
    private let claims: Statement
    private var heldSnapshots: [HeldSnapshot] = []

    init(_ db: Database, createdAt: String) throws {
        func shared(_ text: String, in texts: inout [UInt8]) -> TextSpan {
            defer { texts.append(contentsOf: text.utf8) }
            return TextSpan(start: texts.count, count: text.utf8.count)
        }
        var texts: [UInt8] = []
        self.createdAt = shared(createdAt, in: &texts)
        sources = Self.figureSources.map { shared($0.rawValue, in: &texts) }
        reviews = Self.reviewStatuses.map { shared($0.rawValue, in: &texts) }
        self.texts = texts
        sharedTextsCount = texts.count
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
                "contentFingerprint", "createdAt", "review",
            ], rowsPerStatement: batch)
        tags = try MultiRowInsert(db, into: "actionProject", columns: ["actionId", "projectId"], rowsPerStatement: batch)
        claims = try db.makeStatement(sql: "INSERT INTO unconfirmedClaim (actionId) VALUES (?)")
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
                "impressions", "reactions", "comments", "shares", "clicks", "followers", "strategicWeight", "review",
            ], rowsPerStatement: batch)
    }

    /// Takes a new action; its id. It is written with the next
    /// ``rowsHeld``, or by ``writeHeldBack()``.
    @discardableResult
    func insert(_ action: NewAction) throws -> Int64 {
        let id = nextID
        nextID += 1
        heldActions.append(
            HeldAction(
                id: id, employeeID: action.employeeID, channelID: action.channelID, channelKind: action.channelKind,
                kind: action.kind, title: hold(action.title), url: hold(action.url.string), urlHash: action.urlHash,
                day: Int64(action.date.daysSinceEpoch), publishedOn: hold(action.date), effortHours: action.effortHours,
                fingerprint: action.fingerprint, latestMetrics: action.snapshots.max { $0.date < $1.date }?.metrics,
                followers: action.followers, strategicWeight: action.strategicWeight, review: action.review,
                unconfirmed: action.unconfirmed && action.review == .pending))
        if action.unconfirmed && action.review == .pending { heldClaims.append(id) }
        heldAddresses.insert(action.urlHash)
        for projectID in action.projectIDs { heldTags.append(Tag(actionID: id, projectID: projectID)) }
        for snapshot in action.snapshots {
            heldSnapshots.append(
                HeldSnapshot(actionID: id, date: hold(snapshot.date), metrics: snapshot.metrics, source: action.figureSource))
        }
        if heldActions.count == Self.rowsHeld { try writeHeldBack() }
        return id
    }

    /// Writes what is held back when an action at either address (their
    /// ``AddressHash``) is, so that a lookup in the database finds it.
    func writeHeldBack(ifHolding hash: Int64, or otherHash: Int64) throws {
        guard heldAddresses.contains(hash) || heldAddresses.contains(otherHash) else { return }
        try writeHeldBack()
    }

    /// Writes what is held back before an action is read or changed: when
    /// this writer made it, its tags or snapshots may still be held.
    func writeHeldBack(beforeChanging actionID: Int64) throws {
        guard actionID >= firstID else { return }
        try writeHeldBack()
    }

    /// Tags an action already in the database, at once.
    func tag(_ actionID: Int64, projectID: Int64) throws {
        try write(tags, CollectionOfOne(Tag(actionID: actionID, projectID: projectID)), bind: Self.bindTag)
    }

    /// Records a metrics snapshot of an action already in the database, at
    /// once, replacing one of the same day.
    func recordMetrics(_ metrics: Metrics, of actionID: Int64, on date: LocalDate, from source: FigureSource) throws {
        let held = texts.count
        defer { texts.removeSubrange(held...) }
        let snapshot = HeldSnapshot(actionID: actionID, date: hold(date), metrics: metrics, source: source)
        try write(snapshots, CollectionOfOne(snapshot), bind: bindSnapshot)
    }

    /// Writes what is held back, recomputes the facts of the existing
    /// `actions` that were changed, then recreates the triggers.
    func finish(_ db: Database, refreshingActions actions: Set<Int64> = []) throws {
        try writeHeldBack()
        try triggers.restore(db, refreshingActions: actions, channels: [])
    }

    /// Writes everything held back: the actions and their facts, then their
    /// tags and snapshots (actions first: the others name them).
    func writeHeldBack() throws {
        try write(actions, heldActions, bind: bindAction)
        try write(facts, heldActions, bind: Self.bindFact)
        try write(tags, heldTags, bind: Self.bindTag)
        try write(snapshots, heldSnapshots, bind: bindSnapshot)
        for id in heldClaims { try claims.execute(arguments: [id]) }
        heldClaims.removeAll(keepingCapacity: true)
        heldActions.removeAll(keepingCapacity: true)
        heldAddresses.removeAll(keepingCapacity: true)
        heldTags.removeAll(keepingCapacity: true)
        heldSnapshots.removeAll(keepingCapacity: true)
        texts.removeSubrange(sharedTextsCount...)
    }

    private func hold(_ text: String) -> TextSpan {
        defer { texts.append(contentsOf: text.utf8) }
        return TextSpan(start: texts.count, count: text.utf8.count)
    }

    private func hold(_ date: LocalDate) -> TextSpan {
        defer { date.appendISO(to: &texts) }
        return TextSpan(start: texts.count, count: 10)
    }

    /// Writes `rows` with the texts they name in place, unchanged until the last statement has run.
    private func write<Rows: RandomAccessCollection>(
        _ insert: MultiRowInsert, _ rows: Rows, bind: (BulkStatement, Rows.Element, Int32, TextBuffer) -> Void
    ) throws where Rows.Index == Int {
        try texts.withUnsafeBufferPointer { texts in
            try insert.write(rows) { statement, row, first in bind(statement, row, first, TextBuffer(bytes: texts)) }
        }
    }

    /// The held texts, while the statements that read them run.
    private struct TextBuffer {
        let bytes: UnsafeBufferPointer<UInt8>
        subscript(span: TextSpan) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[span.start..<span.start + span.count])
        }
    }

    private func bindAction(_ statement: BulkStatement, _ action: HeldAction, _ first: Int32, _ texts: TextBuffer) {
        statement.bind(first, action.id)
        statement.bind(first + 1, action.employeeID)
        statement.bind(first + 2, action.channelID)
        statement.bind(first + 3, action.kind.rawValue)
        statement.bind(first + 4, inPlace: texts[action.title])
        statement.bind(first + 5, inPlace: texts[action.url])
        statement.bind(first + 6, action.urlHash)
        statement.bind(first + 7, inPlace: texts[action.publishedOn])
        statement.bind(first + 8, action.effortHours)
        statement.bind(first + 9, action.fingerprint)
        statement.bind(first + 10, inPlace: texts[createdAt])
        statement.bind(first + 11, inPlace: texts[reviews[Self.position(of: action.review)]])
    }

    /// The figure sources and review statuses in the order of ``sources`` and
    /// ``reviews``, and each one's place there: a switch, not a search of
    /// `allCases` (an array made on each call) twice for each of a million rows.
    private static let figureSources: [FigureSource] = [.typed, .file, .api, .feed]
    private static let reviewStatuses: [ReviewStatus] = [.pending, .accepted, .partlyAccepted, .rejected]

    private static func position(of source: FigureSource) -> Int {
        switch source {
        case .typed: 0
        case .file: 1
        case .api: 2
        case .feed: 3
        }
    }

    private static func position(of status: ReviewStatus) -> Int {
        switch status {
        case .pending: 0
        case .accepted: 1
        case .partlyAccepted: 2
        case .rejected: 3
        }
    }

    private static func bindFact(_ statement: BulkStatement, _ action: HeldAction, _ first: Int32, _: TextBuffer) {
        let metrics = action.latestMetrics
        statement.bind(first, action.employeeID)
        statement.bind(first + 1, action.day)
        statement.bind(first + 2, action.id)
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
        statement.bind(
            first + 15, Int64(action.unconfirmed ? ReviewStanding.unconfirmed.rawValue : action.review.standing.rawValue))
    }

    private static func bindTag(_ statement: BulkStatement, _ tag: Tag, _ first: Int32, _: TextBuffer) {
        statement.bind(first, tag.actionID)
        statement.bind(first + 1, tag.projectID)
    }

    private func bindSnapshot(_ statement: BulkStatement, _ snapshot: HeldSnapshot, _ first: Int32, _ texts: TextBuffer) {
        statement.bind(first, snapshot.actionID)
        statement.bind(first + 1, inPlace: texts[snapshot.date])
        statement.bind(first + 2, snapshot.metrics.impressions)
        statement.bind(first + 3, snapshot.metrics.reactions)
        statement.bind(first + 4, snapshot.metrics.comments)
        statement.bind(first + 5, snapshot.metrics.shares)
        statement.bind(first + 6, snapshot.metrics.clicks)
        statement.bind(first + 7, inPlace: texts[sources[Self.position(of: snapshot.source)]])
    }
}
