import AdvocacyCore
import GRDB

extension AdvocacyStore {
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
    /// The one channel every row goes to, and its owner, when the import is a channel's feed.
    private var fixedChannel: (channel: AdvocacyStore.AuthorChannel, ownerID: Int64)?
    private var fixedScope = ChannelScope.external
    private var consent: ConsentGate

    private struct Author {
        var id: Int64
        var isActive: Bool
        /// Loaded when the person's first new action needs a channel.
        var channels: [AdvocacyStore.AuthorChannel]?
    }

    private var authors: [EmailAddress: Author] = [:]
    private var projects: [ProjectCode: (id: Int64, weight: Int)] = [:]
    private var followerHistories: [Int64: [FollowerCount]] = [:]
    private var touchedActions: Set<Int64> = []

    private let findAction: BulkStatement
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
        consent = try ConsentGate(db, actor: actor, now: store.now())
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
                SELECT id, employeeId, kind, title, publishedOn, effortHours FROM action
                WHERE (urlHash = ?1 AND url = ?2) OR (urlHash = ?3 AND url = ?4) LIMIT 1
                """)
        latestMetrics = try db.makeStatement(
            sql:
                "SELECT date, impressions, reactions, comments, shares, clicks FROM metricsSnapshot WHERE actionId = ? ORDER BY date DESC LIMIT 1"
        )
        // Last, so that a failure above leaves no trigger dropped (the
        // transaction would restore them anyway).
        rows = try ActionRowWriter(db, figures: figures, createdAt: AdvocacyStore.timestamp(store.now()))
    }

    mutating func apply(_ record: ImportRecord, _ db: Database) throws -> RowOutcome {
        let importable = try self.draft(record)
        let draft = importable.draft
        try mayActFor(actor, draft.author)
        let authorID = try author(db, draft.author)
        if let fixedChannel, fixedChannel.ownerID != authorID {
            throw StoreError.channelOwnedByOther(
                fixedChannel.channel.url, owner: try owner(db, fixedChannel.ownerID), author: draft.author)
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

        let fixed = fixedChannel.map { (url: $0.channel.url, scope: fixedScope) }, known = authors[draft.author]?.channels
        let consentGiven = try consent.require(
            db, person: draft.author, personID: authorID,
            channel: try Self.plannedChannel(for: draft, authorID: authorID, fixed: fixed, known: known, db), source: .ownAction)
        let channel = try channel(for: draft, authorID: authorID, db)
        if let consentGiven { try consent.record(db, personID: authorID, source: consentGiven) }
        let urlHash = importable.address.hash
        knownAddresses?.insert(urlHash)
        try rows.insert(
            ActionRowWriter.NewAction(
                employeeID: authorID, channelID: channel.id, channelKind: channel.kind,
                kind: draft.kind ?? channel.kind.defaultActionKind, title: draft.title, url: draft.url, urlHash: urlHash,
                date: draft.date,
                effortHours: draft.effortHours, fingerprint: draft.contentFingerprint, projectIDs: tags.map(\.id),
                snapshots: draft.metrics.map { [(draft.metricsDate, $0.applied(to: nil))] } ?? [],
                followers: FollowerHistory.audience(at: draft.date, in: try followers(of: channel.id, db)),
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
                effortHours: row.double(5))
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
            let figures = update.applied(to: latestFigures)
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
        // Last of the checks: a row that changes nothing is never refused for consent.
        try consent.check(
            db, person: draft.author, personID: authorID, channel: try AdvocacyStore.scopedChannel(db, actionID: actionID),
            source: .ownAction)

        if !assignments.isEmpty {
            _ = arguments.append(contentsOf: [actionID])
            try db.execute(sql: "UPDATE action SET \(assignments.joined(separator: ", ")) WHERE id = ?", arguments: arguments)
        }
        if retag {
            try db.execute(sql: "DELETE FROM actionProject WHERE actionId = ?", arguments: [actionID])
            for id in newTags { try rows.tag(actionID, projectID: id) }
        }
        if let snapshot { try rows.recordMetrics(snapshot, of: actionID, on: draft.metricsDate) }
        touchedActions.insert(actionID)
        return .updated
    }

    /// The author's id, checking once per person that they exist and take part.
    private mutating func author(_ db: Database, _ email: EmailAddress) throws -> Int64 {
        let author: Author
        if let known = authors[email] {
            author = known
        } else {
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT id, isActive FROM employee WHERE email = ?"), arguments: [email.value])
            else {
                throw StoreError.unknownEmployee(email)
            }
            author = Author(id: row["id"], isActive: row["isActive"])
            authors[email] = author
        }
        guard author.isActive else { throw StoreError.inactiveEmployee(email) }
        return author.id
    }

    private func owner(_ db: Database, _ employeeID: Int64) throws -> EmailAddress {
        EmailAddress(
            alreadyValid: try String.fetchOne(db, sql: "SELECT email FROM employee WHERE id = ?", arguments: [employeeID]) ?? "?")
    }

    /// The channel a new action goes to: the feed's, or the one ``ChannelChoice``
    /// picks among the author's channels, read once per author.
    private mutating func channel(for draft: ActionDraft, authorID: Int64, _ db: Database) throws -> AdvocacyStore.AuthorChannel {
        if let fixedChannel { return fixedChannel.channel }
        var own = try authors[draft.author]?.channels ?? AdvocacyStore.authorChannels(db, authorID: authorID)
        defer { authors[draft.author]?.channels = own }
        return try store.channel(for: draft, authorID: authorID, among: &own, db)
    }

    /// The channel a new action would go to, and its scope, without creating it.
    private static func plannedChannel(
        for draft: ActionDraft, authorID: Int64, fixed: (url: CanonicalURL, scope: ChannelScope)?,
        known: [AdvocacyStore.AuthorChannel]?,
        _ db: Database
    ) throws -> (url: CanonicalURL, scope: ChannelScope)? {
        if let fixed { return fixed }
        let own = try known ?? AdvocacyStore.authorChannels(db, authorID: authorID)
        return try AdvocacyStore.plannedChannel(db, for: draft, among: own)
    }

    /// A channel's follower counts in date order, read once per channel.
    private mutating func followers(of channelID: Int64, _ db: Database) throws -> [FollowerCount] {
        if let known = followerHistories[channelID] { return known }
        let history = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT date, followers FROM followerSnapshot WHERE channelId = ? ORDER BY date"),
            arguments: [channelID]
        ).map { FollowerCount(day: try AdvocacyStore.date($0["date"]), followers: $0["followers"]) }
        followerHistories[channelID] = history
        return history
    }
}
