import AdvocacyCore
import Foundation
import GRDB

extension AdvocacyStore {
    // MARK: Consent

    /// Appends one entry to a person's consent history.
    static func insertConsent(
        _ db: Database, employeeID: Int64, granted: Bool, source: ConsentSource, recordedBy: Int64?, at timestamp: String
    ) throws {
        try db.execute(
            sql: "INSERT INTO consent (employeeId, granted, source, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [employeeID, granted, source.rawValue, recordedBy, timestamp])
    }

    /// Where a person's consent stands (no permission check: for the
    /// command line's one-line notice after a person's own write).
    public func consentState(of email: EmailAddress) throws -> ConsentState {
        try read { db in try Self.consentState(db, employeeID: try Self.employeeID(db, email)).state }
    }

    static func consentStatus(_ db: Database, _ email: EmailAddress) throws -> ConsentStatus {
        let history = try consentHistory(db, employeeID: try employeeID(db, email))
        return ConsentStatus(email: email, state: ConsentState(history: history), history: history)
    }

    // MARK: Hiding

    /// Whether a person is hidden from others' rankings.
    public func isHidden(_ email: EmailAddress) throws -> Bool {
        try read { db in
            guard
                let hidden = try Bool.fetchOne(db, sql: "SELECT isHidden FROM employee WHERE email = ?", arguments: [email.value])
            else {
                throw StoreError.unknownEmployee(email)
            }
            return hidden
        }
    }

    /// The emails of the people hidden from others' rankings.
    static func hiddenEmails(_ db: Database) throws -> Set<EmailAddress> {
        Set(try String.fetchAll(db, sql: "SELECT email FROM employee WHERE isHidden").map(EmailAddress.init(alreadyValid:)))
    }

    // MARK: Right of access

    /// The audit entries about person `:id` or made by them, oldest first:
    /// their own row, their channels and actions (removed ones too, found
    /// in the trail itself) with their figures, their consent, wishes,
    /// clearances and proposals, and everything they did.
    static func personAuditEntries(columns: String) -> String {
        """
        WITH
            personChannel(id) AS (
                SELECT id FROM channel WHERE employeeId = :id
                UNION SELECT CAST(entityId AS INTEGER) FROM auditEntry
                WHERE entity = 'channel' AND json_extract(COALESCE(after, before), '$.employeeId') = :id),
            personAction(id) AS (
                SELECT actionId FROM actionFact WHERE employeeId = :id
                UNION SELECT CAST(entityId AS INTEGER) FROM auditEntry
                WHERE entity = 'action' AND json_extract(COALESCE(after, before), '$.employeeId') = :id)
        SELECT \(columns) FROM auditEntry
        WHERE actorId = :id
            OR (entity = 'employee' AND entityId = CAST(:id AS TEXT))
            OR (entity = 'channel' AND CAST(entityId AS INTEGER) IN personChannel)
            OR (entity IN ('action', 'actionReview', 'flagClearance') AND CAST(entityId AS INTEGER) IN personAction)
            OR (entity IN ('consent', 'rewardWish', 'rewardClearance', 'rewardProposal')
                AND json_extract(COALESCE(after, before), '$.employeeId') = :id)
            OR (entity = 'followerSnapshot' AND json_extract(COALESCE(after, before), '$.channelId') IN personChannel)
            OR (entity IN ('metricsSnapshot', 'actionProject') AND json_extract(COALESCE(after, before), '$.actionId') IN personAction)
        ORDER BY id
        """
    }
}

extension StoreTransaction {
    /// A person's consent and its history.
    public func consent(of email: EmailAddress) throws -> ConsentStatus {
        return try AdvocacyStore.consentStatus(db, email)
    }

    /// Records that a person grants or withdraws their consent to being
    /// tracked. Recording the state the
    /// person is already in changes nothing.
    public func saveConsent(_ email: EmailAddress, granted: Bool, by actor: Actor) throws
        -> (status: ConsentStatus, changed: Bool)
    {
        let id = try AdvocacyStore.employeeID(db, email)
        let (state, _) = try AdvocacyStore.consentState(db, employeeID: id)
        guard state != (granted ? .granted : .withdrawn) else { return (try AdvocacyStore.consentStatus(db, email), false) }
        try AdvocacyStore.insertConsent(
            db, employeeID: id, granted: granted, source: .command, recordedBy: try AdvocacyStore.employeeID(db, actor.email),
            at: AdvocacyStore.timestamp(store.now()))
        return (try AdvocacyStore.consentStatus(db, email), true)
    }

    /// Hides a person's name from others' rankings and reports, or shows it
    /// again. Returns whether it changed.
    public func setHidden(_ email: EmailAddress, _ hidden: Bool) throws -> Bool {
        let id = try AdvocacyStore.employeeID(db, email)
        try db.execute(
            sql: "UPDATE employee SET isHidden = ? WHERE id = ? AND isHidden <> ?", arguments: [hidden, id, hidden])
        return db.changesCount > 0
    }

    /// Everything held about a person,
    /// read on one snapshot.
    public func personalData(of email: EmailAddress, by actor: Actor) throws -> PersonalData {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM employee WHERE email = ?", arguments: [email.value]) else {
            throw StoreError.unknownEmployee(email)
        }
        let id: Int64 = row["id"]
        let person = PersonalData.Person(
            email: email, name: row["fullName"], team: row["team"], role: try AdvocacyStore.decode(row["role"]),
            hrId: row["hrId"],
            active: row["isActive"], hidden: row["isHidden"], createdAt: row["createdAt"], erasedAt: row["erasedAt"])

        var followers: [Int64: [PersonalData.FollowerCount]] = [:]
        for count in try Row.fetchAll(
            db,
            sql: """
                SELECT f.channelId, f.date, f.followers FROM followerSnapshot f JOIN channel c ON c.id = f.channelId
                WHERE c.employeeId = ? ORDER BY f.channelId, f.date
                """, arguments: [id])
        {
            followers[count["channelId"], default: []].append(
                .init(date: try AdvocacyStore.date(count["date"]), followers: count["followers"]))
        }
        let channels = try Row.fetchAll(db, sql: "SELECT * FROM channel WHERE employeeId = ? ORDER BY url", arguments: [id])
            .map { row in
                PersonalData.ChannelData(
                    url: CanonicalURL(alreadyCanonical: row["url"]), kind: try AdvocacyStore.decode(row["kind"]),
                    scope: try AdvocacyStore.decode(row["scope"]),
                    feedUrl: (row["feedUrl"] as String?).map(CanonicalURL.init(alreadyCanonical:)),
                    createdAt: row["createdAt"],
                    followers: followers[row["id"]] ?? [])
            }

        var metrics: [Int64: [PersonalData.MetricsData]] = [:]
        for snapshot in try Row.fetchAll(
            db,
            sql: """
                SELECT m.* FROM metricsSnapshot m JOIN actionFact f ON f.actionId = m.actionId WHERE f.employeeId = ? ORDER BY m.actionId, m.date
                """, arguments: [id])
        {
            metrics[snapshot["actionId"], default: []].append(
                .init(
                    date: try AdvocacyStore.date(snapshot["date"]), impressions: snapshot["impressions"],
                    reactions: snapshot["reactions"],
                    comments: snapshot["comments"], shares: snapshot["shares"], clicks: snapshot["clicks"]))
        }
        let actions = try Row.fetchAll(
            db,
            sql: """
                SELECT a.*, c.url AS channelUrl,
                    (SELECT group_concat(code, '|') FROM (SELECT p.code FROM actionProject ap JOIN project p ON p.id = ap.projectId
                     WHERE ap.actionId = a.id ORDER BY p.code)) AS projectCodes
                FROM action a JOIN channel c ON c.id = a.channelId
                WHERE a.id IN (SELECT actionId FROM actionFact WHERE employeeId = ?) ORDER BY a.publishedOn, a.id
                """, arguments: [id]
        ).map { row in
            PersonalData.ActionData(
                url: CanonicalURL(alreadyCanonical: row["url"]), kind: try AdvocacyStore.decode(row["kind"]), title: row["title"],
                publishedOn: try AdvocacyStore.date(row["publishedOn"]), effortHours: row["effortHours"],
                channel: CanonicalURL(alreadyCanonical: row["channelUrl"]),
                projects: (row["projectCodes"] as String?)?.split(separator: "|").map(String.init) ?? [],
                createdAt: row["createdAt"],
                metrics: metrics[row["id"]] ?? [])
        }

        let wishes = try Row.fetchAll(
            db,
            sql: """
                SELECT w.rank, i.code, i.name, w.createdAt FROM rewardWish w JOIN rewardItem i ON i.id = w.itemId
                WHERE w.employeeId = ? ORDER BY w.rank
                """, arguments: [id]
        ).map {
            PersonalData.Wish(rank: $0["rank"], rewardCode: $0["code"], rewardName: $0["name"], createdAt: $0["createdAt"])
        }
        let clearances = try Row.fetchAll(
            db,
            sql: """
                SELECT r.period, r.note, e.email AS clearedBy, r.clearedAt FROM rewardClearance r LEFT JOIN employee e ON e.id = r.clearedBy
                WHERE r.employeeId = ? ORDER BY r.clearedAt
                """, arguments: [id]
        ).map {
            PersonalData.Clearance(
                period: $0["period"], note: $0["note"], clearedBy: $0["clearedBy"], clearedAt: $0["clearedAt"])
        }
        let runs = try Row.fetchAll(
            db, sql: "SELECT command, periodStart, periodEnd, ranAt FROM scoreRun WHERE ranBy = ? ORDER BY id",
            arguments: [id]
        ).map {
            PersonalData.ScoreRun(
                command: $0["command"], periodStart: try AdvocacyStore.date($0["periodStart"]),
                periodEnd: try AdvocacyStore.date($0["periodEnd"]),
                ranAt: $0["ranAt"])
        }
        let audit = try Row.fetchAll(
            db, sql: AdvocacyStore.personAuditEntries(columns: AdvocacyStore.auditColumns), arguments: ["id": id]
        )
        .map(AdvocacyStore.auditEntry(from:))
        return PersonalData(
            exportedAt: AdvocacyStore.timestamp(store.now()), exportedBy: actor.email, person: person,
            consent: try AdvocacyStore.consentStatus(db, email),
            channels: channels, actions: actions, wishes: wishes, clearances: clearances,
            proposals: try AdvocacyStore.proposals(db, period: nil, statuses: nil, only: email), scoreRuns: runs,
            auditEntries: audit)
    }
}

extension StoreError {
    /// This refusal as `actor` may read it: one that names `hidden` people
    /// as the owner of a post or channel says "a colleague's" instead, to
    /// staff (``StoreError/hiddenColleaguesWork(_:)``).
    public func withoutHiddenOwner(seenBy actor: Actor, hidden: Set<EmailAddress>) -> StoreError {
        guard actor.role == .staff else { return self }
        let (url, owner): (CanonicalURL, EmailAddress)
        switch self {
        case .postOnOthersChannel(let post, _, let who): (url, owner) = (post, who)
        case .duplicateAction(let post, let who): (url, owner) = (post, who)
        case .actionOfAnother(let post, let who): (url, owner) = (post, who)
        case .channelOwnedByOther(let channel, let who, _): (url, owner) = (channel, who)
        case .duplicateChannel(let channel, let who): (url, owner) = (channel, who)
        case .channelNestsOthers(let channel, _, let who, _): (url, owner) = (channel, who)
        default: return self
        }
        return owner != actor.email && hidden.contains(owner) ? .hiddenColleaguesWork(url) : self
    }
}
