import AdvocacyCore
import Foundation
import GRDB
import GRDBSQLite

extension AdvocacyStore {
    // MARK: Policy

    /// The policy in force and its version.
    public func currentPolicy() throws -> (version: Int, policy: Policy) {
        try read { db in try Self.currentPolicy(db) }
    }

    static func currentPolicy(_ db: Database) throws -> (version: Int, policy: Policy) {
        guard let row = try Row.fetchOne(db, sql: "SELECT version, document FROM scoringPolicy ORDER BY version DESC LIMIT 1")
        else {
            throw StoreError.constraintViolated("no scoring policy: the database was not created by advocacy")
        }
        return (row["version"], try storedPolicy(version: row["version"], document: row["document"]))
    }

    /// Reads a stored policy document, which `policy set` checked when it was written.
    static func storedPolicy(version: Int, document: String) throws -> Policy {
        do {
            return try Policy(document: try PolicyValue.parseJSON(document))
        } catch {
            throw StoreError.constraintViolated(
                "the stored scoring policy version \(version) cannot be read: \(error.localizedDescription)")
        }
    }

    // MARK: Score runs

    /// Records that `actor` ran `command` (rank, explain) with the policy
    /// version it used, in its own short write: the scores themselves are
    /// read on a snapshot, so other people can log work meanwhile.
    public func recordRun(
        _ command: String, version: Int, window: ClosedRange<LocalDate>, filter: RankingFilter, people: Int,
        by actor: EmailAddress
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let filters = String(decoding: try encoder.encode(filter), as: UTF8.self)
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO scoreRun (policyVersion, command, periodStart, periodEnd, filters, people, ranBy, ranAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    version, command, window.lowerBound.description, window.upperBound.description, filters, people,
                    try Self.employeeID(db, actor), Self.timestamp(now()),
                ])
        }
    }

    // MARK: The streaming score

    static let factColumns = """
        f.employeeId, f.day, f.kind, f.effortHours, f.contentFingerprint, f.impressions, f.reactions, f.comments,
        f.shares, f.clicks, f.followers, f.strategicWeight, f.actionId, f.review, f.channelId
        """

    /// The facts of the row `statement` is on, in ``factColumns`` order.
    ///
    /// Reads the columns with SQLite's C API: ranking calls this a million
    /// times, and going through GRDB's `Row` was a third of its time. Each
    /// column is fetched once as a value, then asked its type and content:
    /// every `sqlite3_column_*` call checks the column and takes the
    /// connection's lock, and asking the type then the integer took two.
    /// SQLite calls such a value unprotected: safe only while one thread
    /// uses the connection, which GRDB's serialized access guarantees.
    static func facts(_ statement: SQLiteStatement) -> ActionFacts {
        func value(_ column: Int32) -> OpaquePointer? { sqlite3_column_value(statement, column) }
        func integer(_ column: Int32) -> Int? {
            let value = value(column)
            return sqlite3_value_type(value) == SQLITE_NULL ? nil : Int(sqlite3_value_int64(value))
        }
        let metrics = integer(6).map { reactions in
            Metrics(
                impressions: integer(5), reactions: reactions, comments: integer(7) ?? 0, shares: integer(8) ?? 0,
                clicks: integer(9) ?? 0)
        }
        let kind = value(2)
        let effort = value(3)
        return ActionFacts(
            id: sqlite3_value_int64(value(12)), day: LocalDate(daysSinceEpoch: Int(sqlite3_value_int64(value(1)))),
            // The table's CHECK allows only the eight kinds.
            kind: ActionKind.decode(
                storedName: UnsafeBufferPointer(start: sqlite3_value_text(kind), count: Int(sqlite3_value_bytes(kind))))
                ?? .share,
            effortHours: sqlite3_value_type(effort) == SQLITE_NULL ? nil : sqlite3_value_double(effort),
            metrics: metrics, followersAtPublication: integer(10), strategicWeight: integer(11),
            contentFingerprint: sqlite3_value_int64(value(4)),
            review: ReviewStanding(rawValue: Int(sqlite3_value_int64(value(13)))) ?? .pending,
            channelID: sqlite3_value_int64(value(14)))
    }

    /// Everyone's score over `window`, streaming the maintained facts in
    /// person order: only one person's actions are in memory at a time.
    /// `observe` sees every action scored, with its author's id, for tallies
    /// that would otherwise read the facts a second time; it runs while the
    /// facts are still being read (``StatementStream``), so it must not use
    /// the database. `people`: the
    /// roster by id (``scoredPeople(_:id:)``), when the caller has read it already.
    static func scores(
        _ db: Database, policy: ScoringPolicy, window: ClosedRange<LocalDate>, filter: RankingFilter,
        people known: [Int64: ScoredPerson]? = nil, only: [EmailAddress]? = nil,
        observe: ((_ employeeID: Int64, ActionFacts) -> Void)? = nil
    ) throws -> [PersonScore] {
        let people = try known ?? scoredPeople(db)
        let followers = try followerReadings(db, policy: policy, window: window)

        var conditions = ["f.day BETWEEN :from AND :to"]
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "from": window.lowerBound.daysSinceEpoch, "to": window.upperBound.daysSinceEpoch,
        ]
        if let team = filter.team {
            conditions.append("e.team IN (SELECT value FROM json_each(:teams))")
            arguments["teams"] = String(decoding: try JSONEncoder().encode(try resolveTeam(db, team)), as: UTF8.self)
        }
        if let only {
            conditions.append("e.email IN (SELECT value FROM json_each(:only))")
            arguments["only"] = String(decoding: try JSONEncoder().encode(only.map(\.value)), as: UTF8.self)
        }
        if let kind = filter.channelKind {
            conditions.append("f.channelKind = :channelKind")
            arguments["channelKind"] = kind.rawValue
        }
        if let project = filter.project {
            conditions.append("f.actionId IN (SELECT actionId FROM actionProject WHERE projectId = :project)")
            arguments["project"] = try requireProjectID(db, project)
        }
        // CROSS JOIN keeps employee as the outer loop, so SQLite seeks each
        // person's range of days in actionFact's primary key and the rows
        // arrive grouped by person with no sort (the ORDER BY costs nothing).
        let statement = try db.makeStatement(
            sql: """
                SELECT \(factColumns) FROM employee e
                CROSS JOIN actionFact f ON f.employeeId = e.id
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY e.id
                """)
        statement.arguments = StatementArguments(arguments)

        let cleared = try flagClearances(db)
        var results: [PersonScore] = []
        var builder = PersonScoreBuilder(policy: policy, window: window, cleared: cleared)
        var current: Int64?
        func flush() {
            guard let id = current, let person = people[id] else { return }
            results.append(
                builder.finish(person: person, audience: followers.audiences[id], spikes: followers.spikes[id] ?? []).score)
            builder.reset()
        }
        try StatementStream.forEach(statement, decode: { (sqlite3_column_int64($0, 0), facts($0)) }) {
            (id: Int64, action: ActionFacts) in
            if id != current {
                flush()
                current = id
            }
            builder.add(action)
            observe?(id, action)
        }
        flush()
        try flagNearDuplicates(db, in: &results, cleared: cleared)
        return results
    }

    /// The flags for gaming the cio cleared.
    static func flagClearances(_ db: Database) throws -> FlagClearances {
        var cleared = FlagClearances()
        let rows = try Row.fetchCursor(db, sql: "SELECT actionId, flag FROM flagClearance")
        while let row = try rows.next() {
            if let kind = AuthenticityFlag.Kind(rawValue: row[1]) { cleared.clear(kind, action: row[0]) }
        }
        return cleared
    }

    /// Adds the near-duplicate flag to each score whose actions on one
    /// channel the same day may be one post: the titles are read only for
    /// those that need them, a few hundred at a time.
    static func flagNearDuplicates(_ db: Database, in scores: inout [PersonScore], cleared: FlagClearances) throws {
        let ids = scores.flatMap(\.sameDayAndChannel.titled)
        guard !ids.isEmpty else { return }
        var titles: [Int64: GamingFlags.Title] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = ids[start..<min(start + 500, ids.count)]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, title, url FROM action WHERE id IN (SELECT value FROM json_each(?))",
                arguments: ["[" + chunk.map(String.init).joined(separator: ",") + "]"])
            while let row = try rows.next() {
                titles[row[0]] = GamingFlags.Title(row[1], url: CanonicalURL(alreadyCanonical: row[2]))
            }
        }
        for index in scores.indices where !scores[index].sameDayAndChannel.isEmpty {
            if let flag = GamingFlags.nearDuplicates(scores[index].sameDayAndChannel, titles: titles, cleared: cleared) {
                scores[index].flags.append(flag)
            }
        }
    }

    /// The roster by id (or one person's). Read with the C API and into a
    /// dictionary sized beforehand: at 50,000 people, decoding through `Row`
    /// and growing the dictionary were most of its 70 ms.
    static func scoredPeople(_ db: Database, id: Int64? = nil) throws -> [Int64: ScoredPerson] {
        let count = id == nil ? try Int.fetchOne(db, sql: "SELECT count(*) FROM employee") ?? 0 : 1
        let statement = try db.makeStatement(
            sql: "SELECT id, email, fullName, team, isActive FROM employee" + (id == nil ? "" : " WHERE id = ?"))
        let rows = try Row.fetchCursor(statement, arguments: id.map { [$0] } ?? [])
        let raw = statement.sqliteStatement
        var people = [Int64: ScoredPerson](minimumCapacity: count)
        while try rows.next() != nil {
            // email and fullName are NOT NULL; isActive is 0 or 1 (the table's CHECKs).
            people[sqlite3_column_int64(raw, 0)] = ScoredPerson(
                email: EmailAddress(alreadyValid: SQLiteColumn.text(raw, 1) ?? ""), name: SQLiteColumn.text(raw, 2) ?? "",
                team: SQLiteColumn.text(raw, 3),
                isActive: sqlite3_column_int64(raw, 4) != 0)
        }
        return people
    }

    /// Every count between two days, by channel then day: each channel's
    /// span sought in the `followerSnapshot_reading` index, which holds the
    /// counts themselves. Only the channel's id is read from `channel`; its
    /// owner comes from a query of its own (``channelsSQL``), merged with
    /// these in channel order: asked for here, SQLite read the channel's row
    /// again for every one of its counts, four times the two scans. The
    /// dates are read as text (julianday per row was a third of the query).
    static let followerCountsSQL = """
        SELECT s.channelId, s.date, s.followers
        FROM channel c JOIN followerSnapshot s ON s.channelId = c.id AND s.date BETWEEN ? AND ?
        ORDER BY c.id, s.date
        """
    static let channelsSQL = "SELECT id, employeeId FROM channel ORDER BY id"

    /// What the follower counts say about each person over a window: their
    /// largest channel audience at its end, and their channels' unexplained
    /// follower jumps in it.
    struct FollowerReadings {
        var audiences: [Int64: Int] = [:]
        var spikes: [Int64: [FollowerSpike]] = [:]
    }

    /// Reads every channel's counts from a spike window before the start to
    /// the end of `window`, channel by channel: the spikes come from them,
    /// and so does the audience at the end (the nearest count at or before
    /// it, else the earliest known).
    ///
    /// The counts are stepped on a second thread (``StatementStream``) while
    /// this one builds each channel's history. What needs the connection
    /// meanwhile waits for the end of the counts: the audience of a channel
    /// with no count in the span, and whether an action explains a jump.
    static func followerReadings(_ db: Database, policy: ScoringPolicy, window: ClosedRange<LocalDate>) throws -> FollowerReadings
    {
        typealias Channel = (id: Int64, owner: Int64)
        var channels: [Channel] = []
        let channelRows = try Row.fetchCursor(db, sql: channelsSQL)
        while let row = try channelRows.next() { channels.append((row[0], row[1])) }

        var readings = FollowerReadings()
        func hear(_ owner: Int64, _ audience: Int) { readings.audiences[owner] = max(readings.audiences[owner] ?? 0, audience) }
        var unheard: [Channel] = []
        var jumps: [(channel: Channel, candidates: [FollowerHistory.Jump])] = []
        var next = 0
        var history: [FollowerCount] = []
        /// The channel `next` points at is done: its history is complete.
        func close() {
            let channel = channels[next]
            if let audience = history.last?.followers { hear(channel.owner, audience) } else { unheard.append(channel) }
            if history.count > 1 {
                let candidates = FollowerHistory.spikeCandidates(in: history, within: window, policy: policy)
                if !candidates.isEmpty { jumps.append((channel, candidates)) }
            }
            history.removeAll(keepingCapacity: true)
            next += 1
        }
        let counts = try db.makeStatement(sql: followerCountsSQL)
        counts.arguments = [window.lowerBound.adding(days: -policy.spikeWindowDays).description, window.upperBound.description]
        try StatementStream.forEach(
            counts,
            decode: { row in
                // The table's CHECK keeps every date a real YYYY-MM-DD.
                let day = LocalDate(exactly: SQLiteColumn.bytes(row, 1))
                return (channel: sqlite3_column_int64(row, 0), day: day, followers: Int(sqlite3_column_int64(row, 2)))
            }
        ) { (count: (channel: Int64, day: LocalDate?, followers: Int)) in
            // Every count has its channel (a foreign key), and both come in channel order.
            while next < channels.count && channels[next].id < count.channel { close() }
            if let day = count.day, next < channels.count, channels[next].id == count.channel {
                history.append(FollowerCount(day: day, followers: count.followers))
            }
        }
        while next < channels.count { close() }

        let audienceOutside = try db.makeStatement(sql: "SELECT \(Migrations.followers(channel: "?1", on: "?2"))")
        for channel in unheard {
            if let audience = try Int.fetchOne(audienceOutside, arguments: [channel.id, window.upperBound.description]) {
                hear(channel.owner, audience)
            }
        }
        let actionBetween = try db.makeStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM actionFact WHERE channelId = ? AND day > ? AND day <= ?)")
        let address = try db.makeStatement(sql: "SELECT url FROM channel WHERE id = ?")
        var failure: (any Error)?
        for (channel, candidates) in jumps {
            guard let url = try String.fetchOne(address, arguments: [channel.id]) else { continue }
            let spike = FollowerHistory.spike(on: CanonicalURL(alreadyCanonical: url), among: candidates) { after, upTo in
                do {
                    return try Bool.fetchOne(actionBetween, arguments: [channel.id, after.daysSinceEpoch, upTo.daysSinceEpoch])
                        ?? false
                } catch {
                    failure = error
                    return true
                }
            }
            if let failure { throw failure }
            if let spike { readings.spikes[channel.owner, default: []].append(spike) }
        }
        return readings
    }
}

extension StoreTransaction {
    /// Everyone's score over `window` (see ``AdvocacyStore/scores(_:policy:window:filter:people:observe:)``):
    /// the facts streamed in person order, one person's actions in memory at a time.
    /// `observe` sees every action scored with its author's id, while the
    /// facts are still being read, so it must not use the database.
    /// `only`: these people alone (the others are not scored at all).
    public func scores(
        policy: ScoringPolicy, window: ClosedRange<LocalDate>, filter: RankingFilter, only: [EmailAddress]? = nil,
        observe: ((_ employeeID: Int64, ActionFacts) -> Void)? = nil
    ) throws -> [PersonScore] {
        try AdvocacyStore.scores(db, policy: policy, window: window, filter: filter, only: only, observe: observe)
    }

    /// One person as a ranking names them.
    ///
    /// - Throws: ``StoreError/unknownEmployee(_:)``.
    public func scoredPerson(_ email: EmailAddress) throws -> ScoredPerson {
        let id = try AdvocacyStore.employeeID(db, email)
        guard let person = try AdvocacyStore.scoredPeople(db, id: id)[id] else { throw StoreError.unknownEmployee(email) }
        return person
    }

    /// What a reader needs to recognise one of a person's actions beside its facts.
    public struct ActionDetails: Sendable {
        public var title: String
        public var url: CanonicalURL
        public var channel: CanonicalURL
        /// Its projects' codes, sorted.
        public var projects: [ProjectCode]
        /// Where it stands in review, and the reviewer's reason.
        public var review: ReviewStatus
        public var reviewNote: String?
    }

    /// `email`'s actions in `window`, day by day, each with its facts and details.
    public func forEachAction(
        of email: EmailAddress, in window: ClosedRange<LocalDate>, _ body: (ActionFacts, ActionDetails) throws -> Void
    ) throws {
        let statement = try db.makeStatement(
            sql: """
                SELECT \(AdvocacyStore.factColumns), a.title, a.url, c.url AS channelUrl, a.review AS reviewStatus,
                    (SELECT note FROM actionReview WHERE actionId = a.id) AS reviewNote,
                    (SELECT group_concat(p.code, ' ') FROM actionProject ap JOIN project p ON p.id = ap.projectId
                     WHERE ap.actionId = a.id) AS projects
                FROM actionFact f JOIN action a ON a.id = f.actionId JOIN channel c ON c.id = f.channelId
                WHERE f.employeeId = ? AND f.day BETWEEN ? AND ?
                ORDER BY f.day, f.actionId
                """)
        let rows = try Row.fetchCursor(
            statement,
            arguments: [
                try AdvocacyStore.employeeID(db, email), window.lowerBound.daysSinceEpoch, window.upperBound.daysSinceEpoch,
            ])
        while let row = try rows.next() {
            let codes = (row["projects"] as String?)?.split(separator: " ").map { ProjectCode(alreadyValid: String($0)) } ?? []
            try body(
                AdvocacyStore.facts(statement.sqliteStatement),
                ActionDetails(
                    title: row["title"], url: CanonicalURL(alreadyCanonical: row["url"]),
                    channel: CanonicalURL(alreadyCanonical: row["channelUrl"]), projects: codes.sorted { $0.value < $1.value },
                    review: try AdvocacyStore.decode(row["reviewStatus"]), reviewNote: row["reviewNote"]))
        }
    }
}

extension StoreTransaction {
    /// When each version of the policy came into force, as days in `timeZone`.
    public func policyTimeline(in timeZone: TimeZone) throws -> PolicyTimeline {
        let rows = try Row.fetchAll(db, sql: "SELECT version, createdAt FROM scoringPolicy ORDER BY version")
        return PolicyTimeline(
            rows.map { row in
                (row["version"], LocalDate(AdvocacyStore.date(fromTimestamp: row["createdAt"]), in: timeZone))
            })
    }

    /// The policy `choice` names for a period whose last scored day is `lastDay`, and its version.
    ///
    /// - Throws: ``CoreError/unknownPolicyVersion(_:newest:)`` for a version never set.
    public func policy(_ choice: PolicyChoice, lastDay: LocalDate, in timeZone: TimeZone) throws -> (
        version: Int, policy: Policy
    ) {
        let version = try policyTimeline(in: timeZone).version(choice, lastDay: lastDay)
        guard
            let document = try String.fetchOne(
                db, sql: "SELECT document FROM scoringPolicy WHERE version = ?", arguments: [version])
        else { throw CoreError.unknownPolicyVersion(version, newest: try policy().version) }
        return (version, try AdvocacyStore.storedPolicy(version: version, document: document))
    }

    /// Every version of the policy, oldest first, with who set it and when.
    public func policyVersions() throws -> [PolicyVersion] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT p.version, p.document, p.createdAt, e.email FROM scoringPolicy p
                LEFT JOIN employee e ON e.id = p.createdBy ORDER BY p.version
                """)
        return try rows.map { row in
            PolicyVersion(
                version: row["version"],
                policy: try AdvocacyStore.storedPolicy(version: row["version"], document: row["document"]),
                setAt: AdvocacyStore.date(fromTimestamp: row["createdAt"]),
                setBy: (row["email"] as String?).map(EmailAddress.init(alreadyValid:)))
        }
    }
}

extension StoreTransaction {
    /// Makes `policy` the policy in force. Returns its version
    /// and whether it is new: setting the policy already in force changes nothing.
    public func savePolicy(_ policy: Policy, by actor: Actor) throws -> (version: Int, changed: Bool) {
        let current = try AdvocacyStore.currentPolicy(db)
        guard current.policy != policy else { return (current.version, false) }
        try db.execute(
            sql: "INSERT INTO scoringPolicy (version, document, createdAt, createdBy) VALUES (?, ?, ?, ?)",
            arguments: [
                current.version + 1, policy.document.renderJSON(), AdvocacyStore.timestamp(store.now()),
                try AdvocacyStore.employeeID(db, actor.email),
            ])
        return (current.version + 1, true)
    }
}
