import AdvocacyCore
import GRDB

extension StoreTransaction {
    /// Inserts an action for its active author, on the channel
    /// ``ChannelChoice`` picks among the author's, created from the address
    /// when it names one (`x.com/jane/status/1` → `x.com/jane`), under the
    /// author's consent as ``ConsentGate`` says.
    public func insertAction(_ draft: ActionDraft, loggedBy actor: Actor) throws -> Action {
        let authorID = try AdvocacyStore.requireActiveEmployeeID(db, draft.author)
        if let row = try Row.fetchOne(
            db,
            sql:
                "SELECT a.url, e.email FROM action a JOIN employee e ON e.id = a.employeeId WHERE (\(AddressHash.matches("a", "?1"))) OR (\(AddressHash.matches("a", "?2")))",
            arguments: [draft.url.string, draft.url.otherScheme])
        {
            throw StoreError.duplicateAction(
                CanonicalURL(alreadyCanonical: row["url"]), owner: EmailAddress(alreadyValid: row["email"]))
        }
        // One X post under its other form is the same post.
        if let other = try AdvocacyStore.otherXForm(db, of: draft.url) {
            throw StoreError.duplicateAction(other, owner: try action(other).email)
        }
        let projectIDs = try draft.projects.map { try AdvocacyStore.requireProjectID(db, $0) }
        let (channelID, channelKind) = try store.findOrCreateChannel(db, for: draft, authorID: authorID)
        // After the channel is chosen (it may be new): a refusal rolls the whole write back.
        var consent = try ConsentGate(db, actor: actor, now: store.now())
        try consent.check(
            db, person: draft.author, personID: authorID, channel: try AdvocacyStore.scopedChannel(db, id: channelID),
            source: .ownAction)
        let kind = draft.kind ?? channelKind.defaultActionKind
        try db.execute(
            sql: """
                INSERT INTO action (employeeId, channelId, kind, title, url, urlHash, publishedOn, effortHours, contentFingerprint, createdAt, review)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')
                """,
            arguments: [
                authorID, channelID, kind.rawValue, draft.title, draft.url.string, AddressHash.of(draft.url.string),
                draft.date.description,
                draft.effortHours, draft.contentFingerprint, AdvocacyStore.timestamp(store.now()),
            ])
        let actionID = db.lastInsertedRowID
        for projectID in projectIDs {
            try db.execute(
                sql: "INSERT INTO actionProject (actionId, projectId) VALUES (?, ?)", arguments: [actionID, projectID])
        }
        if let metrics = draft.metrics {
            try AdvocacyStore.upsertMetrics(db, actionID: actionID, metrics.applied(to: nil), on: draft.metricsDate)
        }
        // Logged by hand, a post that names no account could be anyone's: it counts once reviewed.
        if draft.namesNoAccount {
            try db.execute(sql: "INSERT INTO unconfirmedClaim (actionId) VALUES (?)", arguments: [actionID])
        }
        return try AdvocacyStore.requireAction(db, draft.url)
    }
}

extension AdvocacyStore {
    /// The address of the action logged as the X post `url` under its other
    /// form, if any (``XStatus``): the form without an account
    /// (`x.com/i/web/status/ID`) for a post that names one, found by its
    /// address; an account's form for one that names none, found by the
    /// status id (a scan of X's addresses, for the rare address without one).
    static func otherXForm(_ db: Database, of url: CanonicalURL) throws -> CanonicalURL? {
        guard let id = XStatus.id(of: url) else { return nil }
        let stored: String?
        if XStatus.namesNoAccount(url) {
            stored = try String.fetchOne(
                db.cachedStatement(
                    sql: "SELECT url FROM action WHERE url GLOB ? AND url NOT GLOB '*://x.com/i/web/*' ORDER BY id LIMIT 1"),
                arguments: ["*://x.com/*/status/\(id)"])
        } else {
            let other = XStatus.accountless(id)
            stored = try String.fetchOne(
                db.cachedStatement(
                    sql:
                        "SELECT url FROM action a WHERE (\(AddressHash.matches("a", "?1"))) OR (\(AddressHash.matches("a", "?2")))"
                ),
                arguments: [other.string, other.otherScheme])
        }
        return stored.map(CanonicalURL.init(alreadyCanonical:))
    }

    /// The id and kind of the channel `draft` goes to, created if need be
    /// (``ChannelChoice`` decides; this does the reading and writing).
    func findOrCreateChannel(_ db: Database, for draft: ActionDraft, authorID: Int64) throws -> (Int64, ChannelKind) {
        var own = try Self.authorChannels(db, authorID: authorID)
        let channel = try channel(for: draft, authorID: authorID, among: &own, sharedVenues: try Self.sharedVenues(db), db)
        return (channel.id, channel.kind)
    }

    /// A channel of an author's, as ``ChannelChoice`` sees it, with its id.
    struct AuthorChannel {
        var id: Int64
        var url: CanonicalURL
        var kind: ChannelKind
    }

    static func authorChannels(_ db: Database, authorID: Int64) throws -> [AuthorChannel] {
        // Cached: an import reads each of thousands of authors' channels.
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, url, kind FROM channel WHERE employeeId = ? ORDER BY id"), arguments: [authorID]
        ).map {
            AuthorChannel(id: $0["id"], url: CanonicalURL(alreadyCanonical: $0["url"]), kind: try decode($0["kind"]))
        }
    }

    /// The channel `draft` goes to among `own`, the author's channels. When
    /// ``ChannelChoice`` names a new one, it is created (unless the address is
    /// someone else's channel) and added to `own`, so a caller that keeps
    /// `own` (an import) never reads them again. A post on someone else's
    /// channel, or of another account than the author's, is refused; one on
    /// a shared venue goes to the author's part of it.
    /// `filter`, when given (an import), spares the query for a post that
    /// can lie on no registered channel.
    func channel(
        for draft: ActionDraft, authorID: Int64, among own: inout [AuthorChannel], sharedVenues: [CanonicalURL],
        filter: ChannelAddressFilter? = nil, _ db: Database
    ) throws -> AuthorChannel {
        let others = try Self.othersChannel(
            db, for: draft, besides: authorID, nearerThan: own.map(\.url), filter: filter)
        switch ChannelChoice.choose(
            for: draft, among: own.map { ($0.url, $0.kind) }, othersChannel: others, sharedVenues: sharedVenues)
        {
        case .existing(let url):
            guard let channel = own.first(where: { $0.url == url }) else { throw StoreError.unknownChannel(url) }
            return channel
        case .registerFirst(let kind):
            throw StoreError.channelNotDerivable(draft.url, kind: kind, owner: draft.author)
        case .someoneElses(let channel, let owner):
            throw StoreError.postOnOthersChannel(draft.url, channel: channel, owner: owner)
        case .anotherAccount(let named, let yours):
            throw StoreError.postOfAnotherAccount(draft.url, account: named, yours: yours, author: draft.author)
        case .sharedVenue(let venue):
            let url = SharedVenue.authorsPart(of: venue, authorID: authorID)
            if let channel = own.first(where: { $0.url == url }) { return channel }
            return try created(
                try NewChannel(
                    owner: draft.author, url: url, kind: SharedVenue.kind(of: venue, for: draft),
                    scope: SharedVenue.scope(of: venue, for: draft.author), followersDate: draft.date),
                authorID: authorID, among: &own, sharedVenues: sharedVenues, db)
        case .create(let url, let kind):
            if let (_, owner) = try Self.registeredChannel(db, url) {
                throw StoreError.channelOwnedByOther(url, owner: owner, author: draft.author)
            }
            return try created(
                try NewChannel(owner: draft.author, url: url, kind: kind, followersDate: draft.date), authorID: authorID,
                among: &own, sharedVenues: sharedVenues, db)
        }
    }

    /// Registers `new` for the author and adds it to `own`.
    private func created(
        _ new: NewChannel, authorID: Int64, among own: inout [AuthorChannel], sharedVenues: [CanonicalURL], _ db: Database
    ) throws -> AuthorChannel {
        let channel = AuthorChannel(
            id: try insertChannel(db, new, ownerID: authorID, sharedVenues: sharedVenues), url: new.url, kind: new.kind)
        own.append(channel)
        return channel
    }

    /// The registered channel of someone other than `authorID` that
    /// `draft`'s post lies on or its address names, unless it lies under or
    /// names one of `nearer` (the author's channels, or the one channel an
    /// import writes to): nobody registers a channel under another's. A
    /// `filter` (an import) spares the query for an address no registered
    /// channel can hold.
    static func othersChannel(
        _ db: Database, for draft: ActionDraft, besides authorID: Int64, nearerThan nearer: [CanonicalURL],
        filter: ChannelAddressFilter? = nil
    ) throws -> (url: CanonicalURL, owner: EmailAddress)? {
        let named = draft.addressChannel
        guard !nearer.contains(where: { $0.contains(draft.url) || $0 == named }),
            filter?.mayBeOwned(draft.url, named: named) != false
        else { return nil }
        return try othersChannel(db, holding: draft.url, named: named, besides: authorID)
    }

    /// The registered channel of someone other than `authorID` that `post`
    /// lies on, or that `named` (the channel its address names) is, when no
    /// channel of the author's lies nearer the post.
    static func othersChannel(_ db: Database, holding post: CanonicalURL, named: CanonicalURL?, besides authorID: Int64)
        throws -> (url: CanonicalURL, owner: EmailAddress)?
    {
        var candidates = post.selfAndAncestors
        if let named, !candidates.contains(named.string) { candidates.append(named.string) }
        let forms = inBothSchemes(candidates)
        // Cached per count of candidates: a handful of shapes serve every address of an import.
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql:
                    "SELECT c.url, c.employeeId, e.email FROM channel c JOIN employee e ON e.id = c.employeeId WHERE c.url IN (\(placeholders(forms.count)))"
            ), arguments: StatementArguments(forms))
        // The nearest: the longest address holding the post, else the channel the address names.
        let nearest = rows.max { ($0["url"] as String).utf8.count < ($1["url"] as String).utf8.count }
        guard let nearest, nearest["employeeId"] as Int64 != authorID else { return nil }
        return (CanonicalURL(alreadyCanonical: nearest["url"]), EmailAddress(alreadyValid: nearest["email"]))
    }

    /// Each address as given and with the other of http and https: a channel may be registered under either.
    static func inBothSchemes(_ addresses: [String]) -> [String] {
        addresses + addresses.map { CanonicalURL(alreadyCanonical: $0).otherScheme }
    }

    /// `?, ?, …`: `count` placeholders of an `IN` list.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

}

extension StoreTransaction {
    /// One action, or ``StoreError/unknownAction(_:)``.
    public func action(_ url: CanonicalURL) throws -> Action {
        try AdvocacyStore.requireAction(db, url)
    }

    /// Records engagement measured on `date`, under the author's consent as
    /// ``ConsentGate`` says. Counters left out keep their latest value; a
    /// second snapshot the same day replaces the first; figures only move
    /// forward (``StoreError/metricsBeforeLatest(date:latest:)``).
    public func saveMetrics(_ url: CanonicalURL, _ update: MetricsUpdate, on date: LocalDate, recordedBy actor: Actor) throws
        -> Action
    {
        guard
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT a.id, a.publishedOn, e.email FROM action a JOIN employee e ON e.id = a.employeeId WHERE \(AddressHash.matches("a"))",
                arguments: [url.string])
        else { throw StoreError.unknownAction(url) }
        let author = EmailAddress(alreadyValid: row["email"])
        var consent = try ConsentGate(db, actor: actor, now: store.now())
        try consent.check(
            db, person: author, personID: try AdvocacyStore.employeeID(db, author),
            channel: try AdvocacyStore.scopedChannel(db, actionID: row["id"]), source: .ownAction)
        let published = try AdvocacyStore.date(row["publishedOn"])
        guard date >= published else { throw StoreError.metricsBeforePublication(date: date, published: published) }
        let actionID: Int64 = row["id"]
        let latest = try Row.fetchOne(
            db, sql: "SELECT * FROM metricsSnapshot WHERE actionId = ? ORDER BY date DESC LIMIT 1", arguments: [actionID])
        // Figures only move forward: a snapshot older than the latest would never count.
        if let text = latest?["date"] as String?, case let latestDate = try AdvocacyStore.date(text), date < latestDate {
            throw StoreError.metricsBeforeLatest(date: date, latest: latestDate)
        }
        let previous = latest.map(AdvocacyStore.metrics(from:))
        try AdvocacyStore.upsertMetrics(db, actionID: actionID, update.applied(to: previous), on: date)
        // Typed figures are the person's word: the action goes back to review (unless it was rejected).
        try db.execute(
            sql: "UPDATE action SET review = 'pending' WHERE id = ? AND review IN ('accepted', 'partly-accepted')",
            arguments: [actionID])
        if db.changesCount > 0 { try AdvocacyStore.forgetDecision(db, actionID: actionID) }
        return try AdvocacyStore.requireAction(db, url)
    }

    /// Deletes an action with its projects, metrics and facts.
    public func deleteAction(_ url: CanonicalURL) throws {
        try db.execute(sql: "DELETE FROM action WHERE \(AddressHash.matches("action"))", arguments: [url.string])
    }
}

extension AdvocacyStore {
    /// Actions matching `filter`, newest first. An unknown employee or
    /// project in the filter is an error, not an empty list.
    public func actions(_ filter: ActionFilter = ActionFilter()) throws -> [Action] {
        var actions: [Action] = []
        try forEachAction(filter) { actions.append($0) }
        return actions
    }

    /// Calls `body` with each action matching `filter`, newest first, as it
    /// is read: an export of millions of actions holds one at a time.
    public func forEachAction(_ filter: ActionFilter = ActionFilter(), _ body: (Action) throws -> Void) throws {
        try read { db in try Self.forEachAction(db, filter, body) }
    }

    static func forEachAction(_ db: Database, _ filter: ActionFilter, _ body: (Action) throws -> Void) throws {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let author = filter.author {
            clauses.append("a.id IN (SELECT actionId FROM actionFact WHERE employeeId = ?)")
            _ = arguments.append(contentsOf: [try Self.employeeID(db, author)])
        }
        if let project = filter.project {
            clauses.append("a.id IN (SELECT actionId FROM actionProject WHERE projectId = ?)")
            _ = arguments.append(contentsOf: [try Self.requireProjectID(db, project)])
        }
        if let period = filter.period {
            clauses.append("a.publishedOn BETWEEN ? AND ?")
            _ = arguments.append(contentsOf: [period.start.description, period.end.description])
        }
        if let review = filter.review {
            clauses.append("a.review = ?")
            _ = arguments.append(contentsOf: [review.rawValue])
        }
        if let ids = filter.ids {
            clauses.append("a.id IN (SELECT value FROM json_each(?))")
            _ = arguments.append(contentsOf: ["[" + ids.map(String.init).joined(separator: ",") + "]"])
        }
        switch filter.figures {
        case nil: break
        case .none?: clauses.append("m.id IS NULL")
        case .from(let source)?:
            clauses.append("m.source = ?")
            _ = arguments.append(contentsOf: [source.rawValue])
        }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let rows = try Row.fetchCursor(
            db, sql: Self.actionSelect + whereClause + " ORDER BY a.publishedOn DESC, a.url", arguments: arguments)
        while let row = try rows.next() { try body(try Self.action(from: row)) }
    }

    /// One action, or ``StoreError/unknownAction(_:)``.
    public func action(_ url: CanonicalURL) throws -> Action {
        try read { db in try Self.requireAction(db, url) }
    }

    // MARK: Helpers

    static let actionSelect = """
        SELECT a.url, a.kind, a.title, a.publishedOn, a.effortHours, e.email, e.fullName,
            a.review, r.note AS reviewNote, r.reviewedAt, (SELECT email FROM employee WHERE id = r.reviewedBy) AS reviewerEmail,
            c.url AS channelUrl, c.kind AS channelKind,
            m.date AS metricsDate, m.impressions, m.reactions, m.comments, m.shares, m.clicks, m.source AS figureSource,
            (SELECT group_concat(p.code, '|') FROM actionProject ap JOIN project p ON p.id = ap.projectId
             WHERE ap.actionId = a.id) AS projectCodes
        FROM action a
        JOIN employee e ON e.id = a.employeeId
        JOIN channel c ON c.id = a.channelId
        LEFT JOIN metricsSnapshot m ON m.id =
            (SELECT id FROM metricsSnapshot WHERE actionId = a.id ORDER BY date DESC LIMIT 1)
        LEFT JOIN actionReview r ON r.actionId = a.id
        """

    static func requireAction(_ db: Database, _ url: CanonicalURL) throws -> Action {
        guard let row = try Row.fetchOne(db, sql: actionSelect + " WHERE " + AddressHash.matches("a"), arguments: [url.string])
        else {
            throw StoreError.unknownAction(url)
        }
        return try action(from: row)
    }

    static func upsertMetrics(
        _ db: Database, actionID: Int64, _ metrics: Metrics, on date: LocalDate, source: FigureSource = .typed
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO metricsSnapshot (actionId, date, impressions, reactions, comments, shares, clicks, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (actionId, date) DO UPDATE SET impressions = excluded.impressions,
                    reactions = excluded.reactions, comments = excluded.comments, shares = excluded.shares,
                    clicks = excluded.clicks, source = excluded.source
                """,
            arguments: [
                actionID, date.description, metrics.impressions, metrics.reactions, metrics.comments, metrics.shares,
                metrics.clicks, source.rawValue,
            ])
    }

    static func metrics(from row: Row) -> Metrics {
        Metrics(
            impressions: row["impressions"], reactions: row["reactions"] ?? 0, comments: row["comments"] ?? 0,
            shares: row["shares"] ?? 0, clicks: row["clicks"] ?? 0)
    }

    static func action(from row: Row) throws -> Action {
        let codes = (row["projectCodes"] as String?)?.split(separator: "|").map { ProjectCode(alreadyValid: String($0)) } ?? []
        var action = Action(
            url: CanonicalURL(alreadyCanonical: row["url"]), kind: try decode(row["kind"]), title: row["title"],
            date: try date(row["publishedOn"]),
            email: EmailAddress(alreadyValid: row["email"]), name: row["fullName"],
            channel: CanonicalURL(alreadyCanonical: row["channelUrl"]),
            channelKind: try decode(row["channelKind"]), projects: codes.sorted(), effortHours: row["effortHours"],
            metrics: metrics(from: row), metricsDate: try (row["metricsDate"] as String?).map(date))
        action.review = try decode(row["review"])
        action.reviewNote = row["reviewNote"]
        action.reviewedBy = (row["reviewerEmail"] as String?).map(EmailAddress.init(alreadyValid:))
        action.reviewedAt = (row["reviewedAt"] as String?).map(date(fromTimestamp:))
        action.figureSource = try (row["figureSource"] as String?).map { try decode($0) }
        return action
    }
}

/// An action's address as stored, for a data upgrade that rewrites addresses.
public struct StoredAddress: Sendable {
    public var actionID: Int64
    public var employeeID: Int64
    public var url: String
    public var title: String
    /// Whether the title was made from the address (no title was given).
    public var titleFromAddress: Bool
}

extension StoreTransaction {
    /// The actions whose address matches one of the SQL `LIKE` `patterns`.
    public func storedAddresses(like patterns: [String]) throws -> [StoredAddress] {
        guard !patterns.isEmpty else { return [] }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT id, employeeId, url, title, contentFingerprint FROM action
                WHERE \(patterns.map { _ in "url LIKE ?" }.joined(separator: " OR ")) ORDER BY id
                """, arguments: StatementArguments(patterns)
        ).map { row in
            StoredAddress(
                actionID: row["id"], employeeID: row["employeeId"], url: row["url"], title: row["title"],
                titleFromAddress: (row["contentFingerprint"] as Int64? ?? 0) == 0)
        }
    }

    /// The address of the action logged as the X post `url` under its other
    /// form, if any (``XStatus``).
    public func otherXForm(of url: CanonicalURL) throws -> CanonicalURL? {
        try AdvocacyStore.otherXForm(db, of: url)
    }

    /// `author`'s LinkedIn posts, by their canonical address.
    public func linkedInPosts(of author: EmailAddress) throws -> [CanonicalURL] {
        try String.fetchAll(
            db,
            sql: """
                SELECT a.url FROM action a JOIN employee e ON e.id = a.employeeId
                WHERE e.email = ? AND a.url LIKE 'https://linkedin.com/feed/update/urn:li:%'
                """, arguments: [author.value]
        ).map(CanonicalURL.init(alreadyCanonical:))
    }

    /// The action stored at `url` (or its other scheme), with its author's id.
    public func storedAction(at url: CanonicalURL) throws -> (actionID: Int64, employeeID: Int64)? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT id, employeeId FROM action a
                WHERE (\(AddressHash.matches("a", "?1"))) OR (\(AddressHash.matches("a", "?2")))
                """,
            arguments: [url.string, url.otherScheme]
        ).map { ($0["id"], $0["employeeId"]) }
    }

    /// Gives an action a new address (and title, when given).
    public func rewriteAddress(of actionID: Int64, to url: CanonicalURL, title: String?) throws {
        try db.execute(
            sql: "UPDATE action SET url = ?, urlHash = ?, title = COALESCE(?, title) WHERE id = ?",
            arguments: [url.string, AddressHash.of(url.string), title, actionID])
    }

    /// Folds the action `duplicate` into `kept` (the same post logged twice by
    /// its author): `kept` takes the figures and projects it lacks, then
    /// `duplicate` goes.
    public func merge(_ duplicate: Int64, into kept: Int64) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO metricsSnapshot (actionId, date, impressions, reactions, comments, shares, clicks, source)
                SELECT ?, date, impressions, reactions, comments, shares, clicks, source FROM metricsSnapshot WHERE actionId = ?
                """, arguments: [kept, duplicate])
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO actionProject (actionId, projectId)
                SELECT ?, projectId FROM actionProject WHERE actionId = ?
                """,
            arguments: [kept, duplicate])
        try db.execute(sql: "DELETE FROM action WHERE id = ?", arguments: [duplicate])
    }
}

extension StoreTransaction {
    /// Writes a corrected action (``ActionChanges/draft(of:today:)``) over
    /// the stored one at the same address: kind, title (and its
    /// fingerprint), day, effort and, when `replacingProjects`, the projects.
    /// A day moved out of a period whose rewards are approved or granted is
    /// refused (``AdvocacyStore/requireMovable(_:_:from:to:)``). New hours, a
    /// new kind (which sets the default hours) or a new day are the person's
    /// word, so the action goes back to review unless it was rejected. The
    /// audit triggers record the row before and after; the fact triggers
    /// move its score.
    public func updateAction(_ draft: ActionDraft, replacingProjects: Bool) throws -> Action {
        guard
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT id, kind, title, publishedOn, effortHours, review FROM action WHERE \(AddressHash.matches("action"))",
                arguments: [draft.url.string])
        else { throw StoreError.unknownAction(draft.url) }
        let actionID: Int64 = row["id"]
        var assignments: [String] = []
        var arguments: StatementArguments = []
        func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
            assignments.append("\(column) = ?")
            _ = arguments.append(contentsOf: [value])
        }
        let storedKind: String = row["kind"], storedTitle: String = row["title"], storedEffort: Double? = row["effortHours"]
        if let kind = draft.kind?.rawValue, kind != storedKind { set("kind", kind) }
        if draft.title != storedTitle {
            set("title", draft.title)
            set("contentFingerprint", draft.contentFingerprint)
        }
        let published: String = row["publishedOn"]
        if draft.date.description != published {
            try AdvocacyStore.requireMovable(db, draft.url, from: published, to: draft.date)
            set("publishedOn", draft.date.description)
        }
        if draft.effortHours != storedEffort { set("effortHours", draft.effortHours) }
        let retyped = assignments.contains { $0.hasPrefix("kind ") || $0.hasPrefix("publishedOn") || $0.hasPrefix("effortHours") }
        let review: String = row["review"]
        if retyped && review != ReviewStatus.rejected.rawValue && review != ReviewStatus.pending.rawValue {
            set("review", ReviewStatus.pending.rawValue)
            try AdvocacyStore.forgetDecision(db, actionID: actionID)
        }
        if !assignments.isEmpty {
            _ = arguments.append(contentsOf: [actionID])
            try db.execute(sql: "UPDATE action SET \(assignments.joined(separator: ", ")) WHERE id = ?", arguments: arguments)
        }
        if replacingProjects {
            let wanted = try Set(draft.projects.map { try AdvocacyStore.requireProjectID(db, $0) })
            let stored = Set(
                try Int64.fetchAll(db, sql: "SELECT projectId FROM actionProject WHERE actionId = ?", arguments: [actionID]))
            for gone in stored.subtracting(wanted) {
                try db.execute(
                    sql: "DELETE FROM actionProject WHERE actionId = ? AND projectId = ?", arguments: [actionID, gone])
            }
            for new in wanted.subtracting(stored) {
                try db.execute(sql: "INSERT INTO actionProject (actionId, projectId) VALUES (?, ?)", arguments: [actionID, new])
            }
        }
        return try AdvocacyStore.requireAction(db, draft.url)
    }
}
