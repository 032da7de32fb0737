import AdvocacyCore
import GRDB

extension StoreTransaction {
    /// Inserts a channel for its active owner, with an initial follower count
    /// when one is given; a consent the owner withdrew refuses it when
    /// someone else registers it (``ConsentGate``).
    public func insertChannel(_ new: NewChannel, registeredBy actor: Actor) throws -> Channel {
        let ownerID = try AdvocacyStore.requireActiveEmployeeID(db, new.owner)
        var consent = try ConsentGate(db, actor: actor, now: store.now())
        try consent.check(db, person: new.owner, personID: ownerID, channel: (new.url, new.scope), source: .ownChannel)
        let id = try store.insertChannel(db, new, ownerID: ownerID, sharedVenues: try AdvocacyStore.sharedVenues(db))
        if let followers = new.followers {
            try AdvocacyStore.upsertFollowers(db, channelID: id, count: followers, on: new.followersDate)
        }
        return try AdvocacyStore.requireChannel(db, new.url)
    }

    /// Writes `changes` over the registered channel at `url`.
    public func updateChannel(_ url: CanonicalURL, _ changes: ChannelChanges) throws -> Channel {
        let current = try AdvocacyStore.requireChannel(db, url)
        let feed = changes.feedURL ?? current.feedURL
        let scope = changes.scope ?? current.scope
        try db.execute(
            sql: "UPDATE channel SET feedUrl = ?, scope = ? WHERE url = ?", arguments: [feed?.string, scope.rawValue, url.string])
        return try AdvocacyStore.requireChannel(db, url)
    }

    /// `owner`'s channels by address, or ``StoreError/unknownEmployee(_:)``.
    public func channels(ownedBy owner: EmailAddress) throws -> [Channel] {
        _ = try AdvocacyStore.employeeID(db, owner)
        return try AdvocacyStore.fetchChannels(db, owner: owner)
    }

    /// Every follower count recorded for `channel`, oldest first.
    public func followerCounts(of channel: CanonicalURL) throws -> [(date: LocalDate, followers: Int)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT f.date, f.followers FROM followerSnapshot f JOIN channel c ON c.id = f.channelId
                WHERE c.url = ? ORDER BY f.date
                """, arguments: [channel.string]
        ).map { (try AdvocacyStore.date($0["date"]), $0["followers"]) }
    }

    /// One registered channel, or ``StoreError/unknownChannel(_:)``.
    public func channel(_ url: CanonicalURL) throws -> Channel {
        try AdvocacyStore.requireChannel(db, url)
    }

    /// Records a channel's audience on a day (a second count that day
    /// replaces the first), from `source`, under its owner's consent as
    /// ``ConsentGate`` says.
    public func saveFollowers(
        of url: CanonicalURL, count: Int, on date: LocalDate, source: FigureSource = .typed, recordedBy actor: Actor
    ) throws -> Channel {
        let channel = try AdvocacyStore.requireChannel(db, url)
        var consent = try ConsentGate(db, actor: actor, now: store.now())
        try consent.check(
            db, person: channel.email, personID: try AdvocacyStore.employeeID(db, channel.email),
            channel: (channel.url, channel.scope),
            source: .ownChannel)
        try AdvocacyStore.upsertFollowers(
            db, channelID: try AdvocacyStore.channelID(db, url), count: count, on: date, source: source)
        return try AdvocacyStore.requireChannel(db, url)
    }
}

extension AdvocacyStore {
    /// Inserts `new` for `ownerID`, unless it is someone's already or not
    /// theirs to register (``requireOwnable(_:_:ownerID:sharedVenues:)``).
    func insertChannel(_ db: Database, _ new: NewChannel, ownerID: Int64, sharedVenues: [CanonicalURL]) throws -> Int64 {
        if let (url, owner) = try Self.registeredChannel(db, new.url) {
            throw StoreError.duplicateChannel(url, owner: owner)
        }
        try Self.requireOwnable(db, new, ownerID: ownerID, sharedVenues: sharedVenues)
        try db.execute(
            sql: "INSERT INTO channel (employeeId, kind, url, feedUrl, scope, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                ownerID, new.kind.rawValue, new.url.string, new.feedURL?.string, new.scope.rawValue, Self.timestamp(now()),
            ])
        return db.lastInsertedRowID
    }

    /// Refuses a channel that is not the owner's to register: one under or
    /// around someone else's, a shared venue or a part of one, or the
    /// company's own site (``ChannelOwnership``).
    static func requireOwnable(_ db: Database, _ new: NewChannel, ownerID: Int64, sharedVenues: [CanonicalURL]) throws {
        if let problem = ChannelOwnership.problem(registering: new.url, for: new.owner, sharedVenues: sharedVenues) {
            throw StoreError.channelNotOwnable(new.url, problem: problem)
        }
        let url = new.url
        let forms = inBothSchemes(url.selfAndAncestors)
        let ancestor = try Row.fetchOne(
            db,
            sql: """
                SELECT c.url, e.email FROM channel c JOIN employee e ON e.id = c.employeeId
                WHERE c.employeeId != ? AND c.url IN (\(placeholders(forms.count))) ORDER BY length(c.url) DESC LIMIT 1
                """, arguments: StatementArguments([DatabaseValue(value: ownerID)] + forms.map { $0.databaseValue }))
        // Below: an address that starts with this one and a "/" ("0" is the byte after "/").
        let descendant = try Row.fetchOne(
            db,
            sql: """
                SELECT c.url, e.email FROM channel c JOIN employee e ON e.id = c.employeeId
                WHERE c.employeeId != ?1 AND ((c.url > ?2 || '/' AND c.url < ?2 || '0') OR (c.url > ?3 || '/' AND c.url < ?3 || '0'))
                ORDER BY c.url LIMIT 1
                """, arguments: [ownerID, url.string, url.otherScheme])
        if let row = ancestor ?? descendant {
            let other = CanonicalURL(alreadyCanonical: row["url"])
            throw StoreError.channelNestsOthers(
                url, other: other, owner: EmailAddress(alreadyValid: row["email"]), under: ancestor != nil)
        }
    }

    /// Every channel, or one person's, ordered by owner then address.
    public func channels(owner: EmailAddress? = nil) throws -> [Channel] {
        try read { db in
            if let owner { _ = try Self.employeeID(db, owner) }
            return try Self.fetchChannels(db, owner: owner)
        }
    }

    static func fetchChannels(_ db: Database, owner: EmailAddress?) throws -> [Channel] {
        try Row.fetchAll(
            db, sql: channelSelect + " WHERE ?1 IS NULL OR e.email = ?1 ORDER BY e.email, c.url", arguments: [owner?.value]
        ).map(channel(from:))
    }

    // MARK: Helpers

    static let channelSelect = """
        SELECT c.url, c.kind, c.scope, c.feedUrl, e.email, f.followers, f.date AS followersDate
        FROM channel c
        JOIN employee e ON e.id = c.employeeId
        LEFT JOIN followerSnapshot f ON f.id =
            (SELECT id FROM followerSnapshot WHERE channelId = c.id ORDER BY date DESC LIMIT 1)
        """

    static func requireChannel(_ db: Database, _ url: CanonicalURL) throws -> Channel {
        guard let row = try Row.fetchOne(db, sql: channelSelect + " WHERE c.url = ?", arguments: [url.string]) else {
            throw StoreError.unknownChannel(url)
        }
        return try channel(from: row)
    }

    /// The channel registered at `url` over http or https, with its owner.
    static func registeredChannel(_ db: Database, _ url: CanonicalURL) throws -> (CanonicalURL, EmailAddress)? {
        try Row.fetchOne(
            db, sql: "SELECT c.url, e.email FROM channel c JOIN employee e ON e.id = c.employeeId WHERE c.url IN (?, ?)",
            arguments: [url.string, url.otherScheme]
        ).map { (CanonicalURL(alreadyCanonical: $0["url"]), EmailAddress(alreadyValid: $0["email"])) }
    }

    static func channelID(_ db: Database, _ url: CanonicalURL) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM channel WHERE url = ?", arguments: [url.string]) else {
            throw StoreError.unknownChannel(url)
        }
        return id
    }

    static func upsertFollowers(
        _ db: Database, channelID: Int64, count: Int, on date: LocalDate, source: FigureSource = .typed
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO followerSnapshot (channelId, date, followers, source) VALUES (?, ?, ?, ?)
                ON CONFLICT (channelId, date) DO UPDATE SET followers = excluded.followers, source = excluded.source
                """,
            arguments: [channelID, date.description, count, source.rawValue])
    }

    static func requireActiveEmployeeID(_ db: Database, _ email: EmailAddress) throws -> Int64 {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, isActive FROM employee WHERE email = ?", arguments: [email.value])
        else { throw StoreError.unknownEmployee(email) }
        guard row["isActive"] as Bool else { throw StoreError.inactiveEmployee(email) }
        return row["id"]
    }

    static func channel(from row: Row) throws -> Channel {
        Channel(
            url: CanonicalURL(alreadyCanonical: row["url"]), kind: try decode(row["kind"]), scope: try decode(row["scope"]),
            feedURL: (row["feedUrl"] as String?).map(CanonicalURL.init(alreadyCanonical:)),
            email: EmailAddress(alreadyValid: row["email"]),
            followers: row["followers"], followersDate: try (row["followersDate"] as String?).map(date))
    }
}
