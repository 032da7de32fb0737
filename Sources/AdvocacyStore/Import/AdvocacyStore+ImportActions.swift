import AdvocacyCore
import GRDB

extension AdvocacyStore {
    /// An action as the audit trail shows it: its row as the audit triggers
    /// write it, with its projects (codes, comma-separated) and latest
    /// figures, as a flat JSON object (``AuditEntry`` reads columns).
    static func tracedAction(_ db: Database, id: Int64) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT json_object('id', a.id, 'employeeId', a.employeeId, 'channelId', a.channelId, 'kind', a.kind,
                        'title', a.title, 'url', a.url, 'publishedOn', a.publishedOn, 'effortHours', a.effortHours,
                        'createdAt', a.createdAt, 'contentFingerprint', a.contentFingerprint, 'urlHash', a.urlHash,
                        'review', a.review,
                        'projects', (SELECT group_concat(code, ',') FROM (SELECT p.code FROM actionProject ap
                            JOIN project p ON p.id = ap.projectId WHERE ap.actionId = a.id ORDER BY p.code)),
                        'figuresDate', m.date, 'impressions', m.impressions, 'reactions', m.reactions,
                        'comments', m.comments, 'shares', m.shares, 'clicks', m.clicks, 'figuresSource', m.source)
                    FROM action a
                    LEFT JOIN metricsSnapshot m ON m.id = (SELECT id FROM metricsSnapshot WHERE actionId = a.id ORDER BY date DESC LIMIT 1)
                    WHERE a.id = ?
                    """), arguments: [id])
    }

    /// Records that the current actor changed a row, before and after, in
    /// a write whose triggers are set aside (a bulk import).
    static func recordChange(_ db: Database, entity: String, id: Int64, before: String?, after: String?) throws {
        try db.execute(
            sql: """
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
                VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                        'update', ?, ?, ?, ?)
                """, arguments: [entity, id, before, after])
    }

    /// Refuses to move the action at `url` from the day `from` to `to` out
    /// of a period whose rewards are approved or granted: that work was
    /// scored and rewarded there, and would count again elsewhere.
    static func requireMovable(_ db: Database, _ url: CanonicalURL, from: String, to: LocalDate) throws {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT period, status FROM rewardProposal
                    WHERE status IN ('approved', 'granted') AND ?1 BETWEEN periodStart AND periodEnd
                        AND NOT (?2 BETWEEN periodStart AND periodEnd)
                    ORDER BY status = 'granted' DESC LIMIT 1
                    """, arguments: [from, to.description])
        else { return }
        throw StoreError.actionInSettledPeriod(url, date: try date(from), period: row["period"], status: row["status"])
    }

    /// Imports actions; `mayActFor` decides, row by row inside the
    /// transaction, whether the acting person may write an author's action.
    ///
    /// Actions are keyed by canonical address: a row for an address already
    /// logged by the same person updates what the row fills in (kind, given
    /// title, date, effort, projects) and adds a metrics snapshot when its
    /// figures differ from the latest; a row that changes nothing is
    /// unchanged, so importing a file twice changes nothing the second time.
    ///
    /// New actions go to the channel ``ChannelChoice`` picks, as with `log`,
    /// or to `channel` when given (a feed's own channel).
    ///
    /// This is the bulk path: one transaction, reused prepared statements
    /// with positional arguments, in-memory maps of people, channels and
    /// projects, and `actionFact` written directly rather than by triggers
    /// (see ``SuspendedTriggers``).
    public func importActions(
        _ mode: ImportMode, by actorEmail: EmailAddress, onChannel channel: CanonicalURL? = nil,
        next: () throws -> ImportRecord?, draft: @escaping (ImportRecord) throws -> ImportableAction,
        mayActFor: @escaping (_ actor: Actor, _ author: EmailAddress) throws -> Void, figures: FigureSource = .typed,
        onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> ImportSummary {
        // Every id an action row names was just read or written (ActionRowWriter).
        try runImport(mode, by: actorEmail, bulkEntity: "action", referencesChecked: true, next: next, onReject: onReject) {
            db, actor in
            try ActionImporter(
                db, store: self, actor: actor, channel: channel, draft: draft, mayActFor: mayActFor, figures: figures)
        }
    }
}

struct ActionImporter: RowImporter {
    private let store: AdvocacyStore
    private let actor: Actor
    private let mayActFor: (Actor, EmailAddress) throws -> Void
    private let draft: (ImportRecord) throws -> ImportableAction
    /// Where this import's figures come from, and the policy's rules of
    /// review, which decide whether they need a check.
    private let figureSource: FigureSource
    private let review: ReviewPolicy
    /// The status of a new action with this import's figures, and without any.
    private let newWithFigures: ReviewStatus
    private let newWithoutFigures: ReviewStatus
    /// The one channel every row goes to, and its owner, when the import is a channel's feed.
    private var fixedChannel: (channel: AdvocacyStore.AuthorChannel, ownerID: Int64)?
    private var fixedScope = ChannelScope.external
    private var consent: ConsentGate
    /// The programme's shared venues, where a new action goes to its author's part.
    private let sharedVenues: [CanonicalURL]
    /// Which addresses may be a registered channel's, read when a row first needs it.
    private var channelAddresses: ChannelAddressFilter?

    private struct Author {
        var id: Int64
        var isActive: Bool
        /// Loaded when the person's first new action needs a channel.
        var channels: [AdvocacyStore.AuthorChannel]?
    }

    /// Each author read so far, found by email once per row and then by place
    /// in ``authors``: at 50,000 people, hashing an email for every lookup
    /// and reading each person through GRDB's rows took a tenth of an import.
    private var authorIndex: [EmailAddress: Int] = [:]
    private var authors: [Author] = []
    private var projects: [ProjectCode: (id: Int64, weight: Int)] = [:]
    private var followerHistories: [Int64: [FollowerCount]] = [:]
    private var touchedActions: Set<Int64> = []

    private let findAction: BulkStatement
    private let findAuthor: BulkStatement
    private let findChannels: BulkStatement
    private let findFollowers: BulkStatement
    /// Made once the import has read ``filterAfter`` rows, when it starts to pay.
    private var knownAddresses: AddressFilter?
    private var rowsRead = 0
    static let filterAfter = 10_000
    private let rows: ActionRowWriter
    private let latestMetrics: Statement

    /// What a row is compared with when its address is already logged.
    private struct StoredAction {
        var id: Int64
        var employeeID: Int64
        var kind: String
        var title: String
        var publishedOn: String
        var effortHours: Double?
        var review: ReviewStatus
    }

    init(
        _ db: Database, store: AdvocacyStore, actor: Actor, channel: CanonicalURL?,
        draft: @escaping (ImportRecord) throws -> ImportableAction,
        mayActFor: @escaping (Actor, EmailAddress) throws -> Void,
        figures: FigureSource
    ) throws {
        self.store = store
        self.actor = actor
        self.mayActFor = mayActFor
        self.draft = draft
        figureSource = figures
        review = try AdvocacyStore.currentPolicy(db).policy.scoring.review
        newWithFigures = review.status(ofNewActionWithFigures: figureSource)
        newWithoutFigures = review.status(ofNewActionWithFigures: nil)
        consent = try ConsentGate(db, actor: actor, now: store.now())
        sharedVenues = try AdvocacyStore.sharedVenues(db)
        if let channel {
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, kind, employeeId, scope FROM channel WHERE url = ?", arguments: [channel.string])
            else { throw StoreError.unknownChannel(channel) }
            fixedChannel = (
                AdvocacyStore.AuthorChannel(id: row["id"], url: channel, kind: try AdvocacyStore.decode(row["kind"])),
                row["employeeId"]
            )
            fixedScope = try AdvocacyStore.decode(row["scope"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, code, strategicWeight FROM project") {
            projects[ProjectCode(alreadyValid: row["code"])] = (row["id"], row["strategicWeight"])
        }
        findAction = try BulkStatement(
            db,
            sql: """
                SELECT id, employeeId, kind, title, publishedOn, effortHours, review FROM action
                WHERE (urlHash = ?1 AND url = ?2) OR (urlHash = ?3 AND url = ?4) LIMIT 1
                """)
        findAuthor = try BulkStatement(db, sql: "SELECT id, isActive FROM employee WHERE email = ?")
        findChannels = try BulkStatement(db, sql: "SELECT id, url, kind FROM channel WHERE employeeId = ? ORDER BY id")
        findFollowers = try BulkStatement(
            db, sql: "SELECT date, followers FROM followerSnapshot WHERE channelId = ? ORDER BY date")
        latestMetrics = try db.makeStatement(
            sql:
                "SELECT date, impressions, reactions, comments, shares, clicks, source FROM metricsSnapshot WHERE actionId = ? ORDER BY date DESC LIMIT 1"
        )
        // Last, so that a failure above leaves no trigger dropped (the
        // transaction would restore them anyway).
        rows = try ActionRowWriter(db, createdAt: AdvocacyStore.timestamp(store.now()))
    }

    mutating func apply(_ record: ImportRecord, _ db: Database) throws -> RowOutcome {
        do {
            return try applyRow(record, db)
        } catch let error as StoreError where actor.role == .staff {
            // A refused row never names a colleague who chose not to appear.
            throw error.withoutHiddenOwner(seenBy: actor, hidden: try AdvocacyStore.hiddenEmails(db))
        }
    }

    private mutating func applyRow(_ record: ImportRecord, _ db: Database) throws -> RowOutcome {
        let importable = try self.draft(record)
        let draft = importable.draft
        try mayActFor(actor, draft.author)
        let author = try author(draft.author)
        let authorID = authors[author].id
        if let fixedChannel {
            if fixedChannel.ownerID != authorID {
                throw StoreError.channelOwnedByOther(
                    fixedChannel.channel.url, owner: try owner(db, fixedChannel.ownerID), author: draft.author)
            }
            try requireOnChannel(draft, fixedChannel.channel.url, db)
        }
        let tags = try draft.projects.map { code in
            guard let project = projects[code] else { throw StoreError.unknownProject(code) }
            return project
        }
        rowsRead += 1
        if knownAddresses == nil, rowsRead == Self.filterAfter {
            try rows.writeHeldBack()
            knownAddresses = try AddressFilter(db)
        }
        var existing = try storedAction(at: importable.address, db)
        // One X post under its other form is the same post.
        if existing == nil, let id = importable.xStatusID {
            // The form without the account is found by a pattern, which only the written rows answer.
            if XStatus.namesNoAccount(draft.url) {
                try rows.writeHeldBack()
                if let other = try AdvocacyStore.otherXForm(db, of: draft.url) {
                    existing = try storedAction(at: AddressLookup(other), db)
                }
            } else {
                existing = try storedAction(at: AddressLookup(XStatus.accountless(id)), db)
            }
        }
        if let existing {
            try rows.writeHeldBack(beforeChanging: existing.id)
            return try update(existing, with: draft, tags: tags, authorID: authorID, db)
        }
        if draft.metrics != nil, draft.metricsDate < draft.date {
            throw StoreError.metricsBeforePublication(date: draft.metricsDate, published: draft.date)
        }

        let fixed = fixedChannel.map { (url: $0.channel.url, scope: fixedScope) }
        var own = fixedChannel == nil ? try channels(of: author) : []
        let consentGiven = try consent.require(
            db, person: draft.author, personID: authorID,
            channel: try fixed ?? AdvocacyStore.plannedChannel(db, for: draft, among: own, sharedVenues: sharedVenues),
            source: .ownAction)
        let channel = try fixedChannel?.channel ?? channel(for: draft, author: author, among: &own, db)
        if let consentGiven { try consent.record(db, personID: authorID, source: consentGiven) }
        let urlHash = importable.address.hash
        knownAddresses?.insert(urlHash)
        try rows.insert(
            ActionRowWriter.NewAction(
                employeeID: authorID, channelID: channel.id, channelKind: channel.kind,
                kind: draft.kind ?? channel.kind.defaultActionKind, title: draft.title, url: draft.url, urlHash: urlHash,
                date: draft.date,
                effortHours: draft.effortHours, fingerprint: draft.contentFingerprint, projectIDs: tags.map(\.id),
                snapshots: draft.metrics.map { [(draft.metricsDate, $0.applied(to: nil))] } ?? [], figureSource: figureSource,
                review: draft.metrics == nil ? newWithoutFigures : newWithFigures,
                // A channel's own feed vouches for its entries; a typed file does not for an address naming no account.
                unconfirmed: fixedChannel == nil && draft.namesNoAccount,
                followers: FollowerHistory.audience(at: draft.date, in: try followers(of: channel.id)),
                strategicWeight: tags.map(\.weight).max()))
        return .inserted
    }

    mutating func finish(_ db: Database) throws {
        try rows.finish(db, refreshingActions: touchedActions)
    }

    /// The action logged at an address (or its other scheme), if any.
    private func storedAction(at lookup: AddressLookup, _ db: Database) throws -> StoredAction? {
        if let knownAddresses, !knownAddresses.mayContain(lookup.hash), !knownAddresses.mayContain(lookup.otherSchemeHash) {
            return nil
        }
        try rows.writeHeldBack(ifHolding: lookup.hash, or: lookup.otherSchemeHash)
        findAction.bind(1, lookup.hash)
        findAction.bind(2, lookup.address)
        findAction.bind(3, lookup.otherSchemeHash)
        findAction.bind(4, lookup.otherScheme)
        return try findAction.first { row in
            StoredAction(
                id: row.int64(0), employeeID: row.int64(1), kind: row.text(2) ?? "", title: row.text(3) ?? "",
                publishedOn: row.text(4) ?? "",
                effortHours: row.double(5), review: row.text(6).flatMap(ReviewStatus.init(rawValue:)) ?? .pending)
        }
    }

    /// Applies a row to an action already logged: what the row fills in replaces what is stored.
    private mutating func update(
        _ existing: StoredAction, with draft: ActionDraft, tags: [(id: Int64, weight: Int)], authorID: Int64, _ db: Database
    ) throws -> RowOutcome {
        let actionID = existing.id
        guard existing.employeeID == authorID else {
            throw StoreError.actionOfAnother(draft.url, owner: try owner(db, existing.employeeID))
        }
        var assignments: [String] = []
        var arguments: StatementArguments = []
        func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
            assignments.append("\(column) = ?")
            _ = arguments.append(contentsOf: [value])
        }
        if let kind = draft.kind, kind.rawValue != existing.kind { set("kind", kind.rawValue) }
        if draft.hasGivenTitle, draft.title != existing.title {
            set("title", draft.title)
            set("contentFingerprint", draft.contentFingerprint)
        }
        if draft.date.description != existing.publishedOn { set("publishedOn", draft.date.description) }
        if let effort = draft.effortHours, effort != existing.effortHours { set("effortHours", effort) }
        // Hours the person gave are their word, as typed figures are: the action goes back to review; so
        // do a kind (which sets the default hours) or a day, unless a platform's own file or API gives them.
        let platformSays = review.accepts(figureSource)
        let retyped = assignments.contains {
            $0.hasPrefix("effortHours") || (!platformSays && ($0.hasPrefix("kind ") || $0.hasPrefix("publishedOn")))
        }

        // Stored tags are read only when the row names projects: an empty cell keeps them.
        let newTags = Set(tags.map(\.id))
        let retag =
            try !draft.projects.isEmpty
            && newTags
                != Set(Int64.fetchAll(db, sql: "SELECT projectId FROM actionProject WHERE actionId = ?", arguments: [actionID]))

        var snapshot: Metrics?
        if let update = draft.metrics {
            let latest = try Row.fetchOne(latestMetrics, arguments: [actionID])
            let latestFigures = latest.map(AdvocacyStore.metrics(from:))
            // Trusted figures keep no typed counter the file does not give: accepted, they would pass as the platform's.
            let typedBefore = (latest?["source"] as String?).flatMap(FigureSource.init(rawValue:)).map(review.accepts) == false
            let figures = update.applied(to: platformSays && typedBefore ? nil : latestFigures)
            if figures != latestFigures {
                if let text = latest?["date"] as String?, case let latestDate = try AdvocacyStore.date(text),
                    draft.metricsDate < latestDate
                {
                    throw StoreError.metricsBeforeLatest(date: draft.metricsDate, latest: latestDate)
                }
                if draft.metricsDate < draft.date {
                    throw StoreError.metricsBeforePublication(date: draft.metricsDate, published: draft.date)
                }
                snapshot = figures
            }
        }
        guard !assignments.isEmpty || retag || snapshot != nil else { return .unchanged }
        if draft.date.description != existing.publishedOn {
            try AdvocacyStore.requireMovable(db, draft.url, from: existing.publishedOn, to: draft.date)
        }
        // Last of the checks: a row that changes nothing is never refused for consent.
        try consent.check(
            db, person: draft.author, personID: authorID, channel: try AdvocacyStore.scopedChannel(db, actionID: actionID),
            source: .ownAction)

        var status = existing.review
        if snapshot != nil { status = review.status(after: status, figuresFrom: figureSource) }
        if retyped && status != .rejected { status = .pending }
        // The bulk entry counts the rows; each change is in the trail too, before and after, as a single `log` or `metrics` writes it.
        let before = try AdvocacyStore.tracedAction(db, id: actionID)
        if status != existing.review {
            set("review", status.rawValue)
            if status == .pending { try AdvocacyStore.forgetDecision(db, actionID: actionID) }
        }
        if !assignments.isEmpty {
            _ = arguments.append(contentsOf: [actionID])
            try db.execute(sql: "UPDATE action SET \(assignments.joined(separator: ", ")) WHERE id = ?", arguments: arguments)
        }
        if retag {
            try db.execute(sql: "DELETE FROM actionProject WHERE actionId = ?", arguments: [actionID])
            for id in newTags { try rows.tag(actionID, projectID: id) }
        }
        if let snapshot { try rows.recordMetrics(snapshot, of: actionID, on: draft.metricsDate, from: figureSource) }
        try AdvocacyStore.recordChange(
            db, entity: "action", id: actionID, before: before, after: try AdvocacyStore.tracedAction(db, id: actionID))
        touchedActions.insert(actionID)
        return .updated
    }

    /// The author's place in ``authors``, checking once per person that they exist and take part.
    private mutating func author(_ email: EmailAddress) throws -> Int {
        let index: Int
        if let known = authorIndex[email] {
            index = known
        } else {
            findAuthor.bind(1, email.value)
            guard let found = try findAuthor.first({ Author(id: $0.int64(0), isActive: $0.int64(1) != 0) }) else {
                throw StoreError.unknownEmployee(email)
            }
            index = authors.count
            authors.append(found)
            authorIndex[email] = index
        }
        guard authors[index].isActive else { throw StoreError.inactiveEmployee(email) }
        return index
    }

    /// The author's channels, read once per author.
    private mutating func channels(of author: Int) throws -> [AdvocacyStore.AuthorChannel] {
        if let known = authors[author].channels { return known }
        var channels: [AdvocacyStore.AuthorChannel] = []
        findChannels.bind(1, authors[author].id)
        try findChannels.forEach { row in
            channels.append(
                AdvocacyStore.AuthorChannel(
                    id: row.int64(0), url: CanonicalURL(alreadyCanonical: String(decoding: row.bytes(1), as: UTF8.self)),
                    kind: try AdvocacyStore.decode(String(decoding: row.bytes(2), as: UTF8.self))))
        }
        authors[author].channels = channels
        return channels
    }

    /// Refuses a row of a channel's own source (its feed, the platform's
    /// file) whose address is someone else's, or names another account than
    /// `channel`. An address that names none (a YouTube `watch` link, X's
    /// `i/web/status`) is the source's word.
    private mutating func requireOnChannel(_ draft: ActionDraft, _ channel: CanonicalURL, _ db: Database) throws {
        // Most entries: read nothing more.
        guard !channel.contains(draft.url) else { return }
        if let (others, owner) = try AdvocacyStore.othersChannel(
            db, for: draft, besides: fixedChannel?.ownerID ?? 0, nearerThan: [channel], filter: try addressFilter(db))
        {
            throw StoreError.postOnOthersChannel(draft.url, channel: others, owner: owner)
        }
        if let named = draft.addressChannel, named != channel {
            throw StoreError.entryOffChannel(draft.url, channel: channel)
        }
    }

    /// The channels' address filter, read when a row first needs it.
    private mutating func addressFilter(_ db: Database) throws -> ChannelAddressFilter {
        if let channelAddresses { return channelAddresses }
        let filter = try ChannelAddressFilter(db)
        channelAddresses = filter
        return filter
    }

    private func owner(_ db: Database, _ employeeID: Int64) throws -> EmailAddress {
        EmailAddress(
            alreadyValid: try String.fetchOne(db, sql: "SELECT email FROM employee WHERE id = ?", arguments: [employeeID]) ?? "?")
    }

    /// The channel ``ChannelChoice`` picks for a new action among `own`, the
    /// author's channels; one it creates is kept with the author's.
    private mutating func channel(
        for draft: ActionDraft, author: Int, among own: inout [AdvocacyStore.AuthorChannel], _ db: Database
    ) throws -> AdvocacyStore.AuthorChannel {
        let count = own.count
        let channel = try store.channel(
            for: draft, authorID: authors[author].id, among: &own, sharedVenues: sharedVenues, filter: try addressFilter(db), db)
        if own.count != count {
            authors[author].channels = own
            channelAddresses?.insert(channel.url)
        }
        return channel
    }

    /// A channel's follower counts in date order, read once per channel.
    private mutating func followers(of channelID: Int64) throws -> [FollowerCount] {
        if let known = followerHistories[channelID] { return known }
        var history: [FollowerCount] = []
        findFollowers.bind(1, channelID)
        try findFollowers.forEach { row in
            // Read from the bytes; the full parser only to word the error, should the CHECK have been bypassed.
            let day = try LocalDate(exactly: row.bytes(0)) ?? AdvocacyStore.date(String(decoding: row.bytes(0), as: UTF8.self))
            history.append(FollowerCount(day: day, followers: Int(row.int64(1))))
        }
        followerHistories[channelID] = history
        return history
    }
}
