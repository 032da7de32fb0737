import AdvocacyCore
import GRDB

/// The schema, one append-only migration at a time. Never edit a migration
/// once merged: add a new one. Migrations use plain SQL so they never
/// depend on record types that later change.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-programme", migrate: v1Programme)
        migrator.registerMigration("v2-scoring", migrate: v2Scoring)
        migrator.registerMigration("v3-rewards", migrate: v3Rewards)
        migrator.registerMigration("v4-audit", migrate: v4Audit)
        migrator.registerMigration("v5-privacy", migrate: v5Privacy)
        migrator.registerMigration("v6-address-hash", migrate: v6AddressHash)
        migrator.registerMigration("v7-follower-reading", migrate: v7FollowerReading)
        return migrator
    }

    static func v1Programme(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE employee (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '_%@_%._%'),
                    fullName TEXT NOT NULL CHECK (length(trim(fullName)) > 0),
                    team TEXT COLLATE NOCASE,
                    role TEXT NOT NULL DEFAULT 'staff' CHECK (role IN ('staff', 'cio', 'hr', 'admin')),
                    hrId TEXT UNIQUE,
                    isActive INTEGER NOT NULL DEFAULT 1 CHECK (isActive IN (0, 1)),
                    createdAt TEXT NOT NULL
                );
                CREATE INDEX employee_on_team ON employee(team);

                CREATE TABLE channel (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    employeeId INTEGER NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN
                        ('blog', 'linkedin', 'x', 'mastodon', 'youtube', 'github', 'podcast', 'internal', 'talk', 'other')),
                    url TEXT NOT NULL UNIQUE CHECK (url LIKE 'http%://%'),
                    feedUrl TEXT CHECK (feedUrl IS NULL OR feedUrl LIKE 'http%://%'),
                    scope TEXT NOT NULL CHECK (scope IN ('external', 'internal')),
                    createdAt TEXT NOT NULL
                );
                CREATE INDEX channel_on_employeeId ON channel(employeeId);

                CREATE TABLE followerSnapshot (
                    id INTEGER PRIMARY KEY,
                    channelId INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
                    date TEXT NOT NULL CHECK (date(date) IS date),
                    followers INTEGER NOT NULL CHECK (followers >= 0),
                    UNIQUE (channelId, date)
                );

                CREATE TABLE project (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 2 AND 32),
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    strategicWeight INTEGER NOT NULL DEFAULT 2 CHECK (strategicWeight BETWEEN 1 AND 3),
                    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'closed')),
                    startDate TEXT CHECK (startDate IS NULL OR date(startDate) IS startDate),
                    endDate TEXT CHECK (endDate IS NULL OR date(endDate) IS endDate),
                    CHECK (startDate IS NULL OR endDate IS NULL OR startDate <= endDate)
                );

                CREATE TABLE action (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    employeeId INTEGER NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
                    channelId INTEGER NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN
                        ('article', 'post', 'talk', 'video', 'podcast', 'newsletter', 'comment', 'share')),
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    url TEXT NOT NULL UNIQUE CHECK (url LIKE 'http%://%'),
                    publishedOn TEXT NOT NULL CHECK (date(publishedOn) IS publishedOn),
                    effortHours REAL CHECK (effortHours IS NULL OR (effortHours > 0 AND effortHours <= 200)),
                    createdAt TEXT NOT NULL
                );
                CREATE INDEX action_on_employeeId_publishedOn ON action(employeeId, publishedOn);
                CREATE INDEX action_on_channelId ON action(channelId);
                CREATE INDEX action_on_publishedOn ON action(publishedOn);

                -- An action is published on one of its author's own channels.
                CREATE TRIGGER action_channel_owner_insert BEFORE INSERT ON action
                WHEN (SELECT employeeId FROM channel WHERE id = NEW.channelId) IS NOT NEW.employeeId
                BEGIN SELECT RAISE(ABORT, 'an action must be on a channel of its author'); END;
                CREATE TRIGGER action_channel_owner_update BEFORE UPDATE OF employeeId, channelId ON action
                WHEN (SELECT employeeId FROM channel WHERE id = NEW.channelId) IS NOT NEW.employeeId
                BEGIN SELECT RAISE(ABORT, 'an action must be on a channel of its author'); END;

                CREATE TRIGGER channel_owner_update BEFORE UPDATE OF employeeId ON channel
                WHEN EXISTS (SELECT 1 FROM action WHERE channelId = NEW.id AND employeeId IS NOT NEW.employeeId)
                BEGIN SELECT RAISE(ABORT, 'a channel with actions keeps its owner'); END;

                CREATE TABLE actionProject (
                    actionId INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
                    projectId INTEGER NOT NULL REFERENCES project(id) ON DELETE RESTRICT,
                    PRIMARY KEY (actionId, projectId)
                ) WITHOUT ROWID;
                CREATE INDEX actionProject_on_projectId ON actionProject(projectId);

                CREATE TABLE metricsSnapshot (
                    id INTEGER PRIMARY KEY,
                    actionId INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
                    date TEXT NOT NULL CHECK (date(date) IS date),
                    impressions INTEGER CHECK (impressions IS NULL OR impressions >= 0),
                    reactions INTEGER NOT NULL DEFAULT 0 CHECK (reactions >= 0),
                    comments INTEGER NOT NULL DEFAULT 0 CHECK (comments >= 0),
                    shares INTEGER NOT NULL DEFAULT 0 CHECK (shares >= 0),
                    clicks INTEGER NOT NULL DEFAULT 0 CHECK (clicks >= 0),
                    UNIQUE (actionId, date)
                );
                """)
    }

    /// Scoring: the versioned policy, the record of each score run, and
    /// `actionFact`, a narrow summary of every action kept up to date by
    /// triggers so that ranking reads one small row per action instead of
    /// joining five tables (see docs/scoring.md, "How rank stays fast").
    static func v2Scoring(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE action ADD COLUMN contentFingerprint INTEGER NOT NULL DEFAULT 0;

                CREATE TABLE scoringPolicy (
                    version INTEGER PRIMARY KEY,
                    document TEXT NOT NULL CHECK (json_valid(document)),
                    createdAt TEXT NOT NULL,
                    createdBy INTEGER REFERENCES employee(id) ON DELETE SET NULL
                );

                CREATE TABLE scoreRun (
                    id INTEGER PRIMARY KEY,
                    policyVersion INTEGER NOT NULL REFERENCES scoringPolicy(version),
                    command TEXT NOT NULL CHECK (command IN ('rank', 'explain')),
                    periodStart TEXT NOT NULL CHECK (date(periodStart) IS periodStart),
                    periodEnd TEXT NOT NULL CHECK (date(periodEnd) IS periodEnd),
                    filters TEXT NOT NULL CHECK (json_valid(filters)),
                    people INTEGER NOT NULL CHECK (people >= 0),
                    ranBy INTEGER REFERENCES employee(id) ON DELETE SET NULL,
                    ranAt TEXT NOT NULL
                );

                -- One row per action with what scoring needs, in (person, day) order.
                -- Written only by the triggers below; never by the application.
                CREATE TABLE actionFact (
                    employeeId INTEGER NOT NULL,
                    day INTEGER NOT NULL,                 -- publishedOn, in days since 1970-01-01
                    actionId INTEGER NOT NULL UNIQUE,
                    channelId INTEGER NOT NULL,
                    channelKind TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    effortHours REAL,
                    contentFingerprint INTEGER NOT NULL,
                    impressions INTEGER,                  -- the latest metrics; NULL when none recorded
                    reactions INTEGER,
                    comments INTEGER,
                    shares INTEGER,
                    clicks INTEGER,
                    followers INTEGER,                    -- the channel's audience at publication
                    strategicWeight INTEGER,              -- highest weight of its projects; NULL when untagged
                    PRIMARY KEY (employeeId, day, actionId)
                ) WITHOUT ROWID;
                CREATE INDEX actionFact_on_channelId ON actionFact(channelId, day);

                CREATE TRIGGER actionFact_action_insert AFTER INSERT ON action BEGIN
                    \(factInsert(where: "a.id = NEW.id"));
                END;
                CREATE TRIGGER actionFact_action_update
                AFTER UPDATE OF employeeId, channelId, kind, publishedOn, effortHours, contentFingerprint ON action BEGIN
                    DELETE FROM actionFact WHERE actionId = OLD.id;
                    \(factInsert(where: "a.id = NEW.id"));
                END;
                CREATE TRIGGER actionFact_action_delete AFTER DELETE ON action BEGIN
                    DELETE FROM actionFact WHERE actionId = OLD.id;
                END;

                \(refreshTriggers(name: "actionFact_metrics", on: "metricsSnapshot", key: "actionId", refresh: latestMetricsUpdate))
                \(refreshTriggers(name: "actionFact_followers", on: "followerSnapshot", key: "channelId", refresh: followersUpdate))

                CREATE TRIGGER actionFact_tag_insert AFTER INSERT ON actionProject BEGIN
                    UPDATE actionFact SET strategicWeight = \(highestWeight(actionID: "NEW.actionId")) WHERE actionId = NEW.actionId;
                END;
                CREATE TRIGGER actionFact_tag_delete AFTER DELETE ON actionProject BEGIN
                    UPDATE actionFact SET strategicWeight = \(highestWeight(actionID: "OLD.actionId")) WHERE actionId = OLD.actionId;
                END;
                CREATE TRIGGER actionFact_project_weight AFTER UPDATE OF strategicWeight ON project BEGIN
                    UPDATE actionFact SET strategicWeight = \(highestWeight(actionID: "actionFact.actionId"))
                    WHERE actionId IN (SELECT actionId FROM actionProject WHERE projectId = NEW.id);
                END;
                CREATE TRIGGER actionFact_channel_kind AFTER UPDATE OF kind ON channel BEGIN
                    UPDATE actionFact SET channelKind = NEW.kind WHERE channelId = NEW.id;
                END;
                """)

        // Existing actions: their content fingerprints, then their facts.
        let titles = try Row.fetchAll(db, sql: "SELECT id, title, url FROM action")
        let update = try db.makeStatement(sql: "UPDATE action SET contentFingerprint = ? WHERE id = ?")
        for row in titles {
            let fingerprint = ContentFingerprint.of(title: row["title"], url: CanonicalURL(alreadyCanonical: row["url"]))
            if fingerprint != 0 { try update.execute(arguments: [fingerprint, row["id"] as Int64]) }
        }
        try db.execute(sql: "DELETE FROM actionFact")
        try db.execute(sql: factInsert(where: "1"))

        // Version 1 is the standard policy of the release that created the
        // table, so later releases changing the standard never rescore silently.
        try db.execute(
            sql: "INSERT INTO scoringPolicy (version, document, createdAt) VALUES (1, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            arguments: [ScoringPolicy.standard.document.renderJSON()])
    }

    /// Rewards: the catalogue, budgets, wishes, cio clearances and proposals.
    static func v3Rewards(_ db: Database) throws {
        // Rewards did not exist before: every policy version so far gets the
        // standard reward settings (RewardPolicy.standard at this release).
        try db.execute(
            sql: """
                UPDATE scoringPolicy SET document = json_set(document, '$.rewards', json(?), '$.rewardCaps', json(?))
                """,
            arguments: [
                """
                {"currency": "EUR", "alpha": 0.5, "maxSharePercent": 20, "maxItemsPerPerson": 2, "minimumScore": 10, "maxFlagPenaltyPercent": 25,
                 "monthlySocialSecurityCeilingCents": 400500, "voucherCapPercent": 5}
                """,
                """
                {"training": 0, "certification": 0, "conference": 0, "book": 0, "recognition": 0, "equipment": 0,
                 "day-off": 0, "donation": 0, "voucher": 0}
                """,
            ])
        try db.execute(
            sql: """
                -- Proposals record the score run they came from.
                CREATE TABLE scoreRun_new (
                    id INTEGER PRIMARY KEY,
                    policyVersion INTEGER NOT NULL REFERENCES scoringPolicy(version),
                    command TEXT NOT NULL CHECK (command IN ('rank', 'explain', 'propose')),
                    periodStart TEXT NOT NULL CHECK (date(periodStart) IS periodStart),
                    periodEnd TEXT NOT NULL CHECK (date(periodEnd) IS periodEnd),
                    filters TEXT NOT NULL CHECK (json_valid(filters)),
                    people INTEGER NOT NULL CHECK (people >= 0),
                    ranBy INTEGER REFERENCES employee(id) ON DELETE SET NULL,
                    ranAt TEXT NOT NULL
                );
                INSERT INTO scoreRun_new SELECT * FROM scoreRun;
                DROP TABLE scoreRun;
                ALTER TABLE scoreRun_new RENAME TO scoreRun;

                CREATE TABLE rewardItem (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 2 AND 32),
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    category TEXT NOT NULL CHECK (category IN
                        ('training', 'certification', 'conference', 'book', 'recognition', 'equipment', 'day-off', 'donation', 'voucher')),
                    costCents INTEGER NOT NULL CHECK (costCents >= 0),
                    stock INTEGER CHECK (stock IS NULL OR stock >= 0),
                    maxPerPerson INTEGER CHECK (maxPerPerson IS NULL OR maxPerPerson >= 1),
                    minTier TEXT CHECK (minTier IS NULL OR minTier IN ('nano', 'micro', 'mid', 'macro', 'mega')),
                    retiredAt TEXT,
                    createdAt TEXT NOT NULL
                );

                CREATE TABLE rewardItemProject (
                    itemId INTEGER NOT NULL REFERENCES rewardItem(id) ON DELETE CASCADE,
                    projectId INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
                    PRIMARY KEY (itemId, projectId)
                ) WITHOUT ROWID;

                CREATE TABLE rewardBudget (
                    period TEXT PRIMARY KEY,
                    periodStart TEXT NOT NULL CHECK (date(periodStart) IS periodStart),
                    periodEnd TEXT NOT NULL CHECK (date(periodEnd) IS periodEnd),
                    amountCents INTEGER NOT NULL CHECK (amountCents >= 0),
                    setBy INTEGER REFERENCES employee(id) ON DELETE SET NULL,
                    setAt TEXT NOT NULL,
                    CHECK (periodStart <= periodEnd)
                );

                CREATE TABLE rewardWish (
                    employeeId INTEGER NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
                    rank INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 3),
                    itemId INTEGER NOT NULL REFERENCES rewardItem(id) ON DELETE CASCADE,
                    createdAt TEXT NOT NULL,
                    PRIMARY KEY (employeeId, rank),
                    UNIQUE (employeeId, itemId)
                ) WITHOUT ROWID;

                CREATE TABLE rewardClearance (
                    employeeId INTEGER NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
                    period TEXT NOT NULL,
                    note TEXT NOT NULL CHECK (length(trim(note)) > 0),
                    clearedBy INTEGER REFERENCES employee(id) ON DELETE SET NULL,
                    clearedAt TEXT NOT NULL,
                    PRIMARY KEY (employeeId, period)
                ) WITHOUT ROWID;

                -- The reward's code, name, category and cost are copied when
                -- proposed, as on an invoice: later catalogue edits never
                -- rewrite what was proposed, approved or granted.
                CREATE TABLE rewardProposal (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    period TEXT NOT NULL,
                    periodStart TEXT NOT NULL CHECK (date(periodStart) IS periodStart),
                    periodEnd TEXT NOT NULL CHECK (date(periodEnd) IS periodEnd),
                    employeeId INTEGER NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
                    itemId INTEGER NOT NULL REFERENCES rewardItem(id) ON DELETE RESTRICT,
                    rewardCode TEXT NOT NULL,
                    rewardName TEXT NOT NULL,
                    category TEXT NOT NULL,
                    costCents INTEGER NOT NULL CHECK (costCents >= 0),
                    currency TEXT NOT NULL CHECK (length(currency) = 3),
                    rank INTEGER NOT NULL CHECK (rank >= 1),
                    score REAL NOT NULL CHECK (score >= 0),
                    tier TEXT NOT NULL CHECK (tier IN ('nano', 'micro', 'mid', 'macro', 'mega')),
                    entitlementCents INTEGER NOT NULL CHECK (entitlementCents >= 0),
                    reason TEXT NOT NULL CHECK (reason = 'development' OR reason GLOB 'wish [1-9]*' OR reason GLOB 'work ?*'),
                    fromLeftover INTEGER NOT NULL CHECK (fromLeftover IN (0, 1)),
                    rationale TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected', 'granted')),
                    scoreRunId INTEGER NOT NULL REFERENCES scoreRun(id),
                    policyVersion INTEGER NOT NULL REFERENCES scoringPolicy(version),
                    proposedBy INTEGER REFERENCES employee(id) ON DELETE SET NULL,
                    proposedAt TEXT NOT NULL,
                    decidedBy INTEGER REFERENCES employee(id) ON DELETE SET NULL,
                    decidedAt TEXT,
                    note TEXT,
                    grantedBy INTEGER REFERENCES employee(id) ON DELETE SET NULL,
                    grantedAt TEXT,
                    CHECK ((status = 'proposed') = (decidedAt IS NULL)),
                    CHECK ((status = 'granted') = (grantedAt IS NOT NULL)),
                    CHECK (status <> 'rejected' OR length(trim(note)) > 0)
                );
                CREATE INDEX rewardProposal_on_period_status ON rewardProposal(period, status);
                CREATE INDEX rewardProposal_on_employeeId ON rewardProposal(employeeId);
                CREATE INDEX rewardProposal_on_itemId ON rewardProposal(itemId);

                -- proposed → approved | rejected; approved → granted | rejected.
                CREATE TRIGGER rewardProposal_status BEFORE UPDATE OF status ON rewardProposal
                WHEN NOT (OLD.status = NEW.status
                    OR (OLD.status = 'proposed' AND NEW.status IN ('approved', 'rejected'))
                    OR (OLD.status = 'approved' AND NEW.status IN ('granted', 'rejected')))
                BEGIN SELECT RAISE(ABORT, 'a reward proposal cannot move from this status to that one'); END;
                """)
    }

    /// Computes the facts of the actions matching `condition` (on `a`, the action).
    static func factInsert(where condition: String) -> String {
        """
        INSERT INTO actionFact (employeeId, day, actionId, channelId, channelKind, kind, effortHours, contentFingerprint,
            impressions, reactions, comments, shares, clicks, followers, strategicWeight)
        SELECT a.employeeId, CAST(julianday(a.publishedOn) - 2440587.5 AS INTEGER), a.id, a.channelId, c.kind, a.kind,
            a.effortHours, a.contentFingerprint, m.impressions, m.reactions, m.comments, m.shares, m.clicks,
            \(followers(channel: "a.channelId", on: "a.publishedOn")),
            \(highestWeight(actionID: "a.id"))
        FROM action a
        JOIN channel c ON c.id = a.channelId
        LEFT JOIN metricsSnapshot m ON m.id = (SELECT id FROM metricsSnapshot WHERE actionId = a.id ORDER BY date DESC LIMIT 1)
        WHERE \(condition)
        """
    }

    /// Three triggers that run `refresh` for the key of the row inserted,
    /// updated (its old and new key) or deleted.
    static func refreshTriggers(name: String, on table: String, key: String, refresh: (String) -> String) -> String {
        """
        CREATE TRIGGER \(name)_insert AFTER INSERT ON \(table) BEGIN \(refresh("NEW.\(key)")); END;
        CREATE TRIGGER \(name)_update AFTER UPDATE ON \(table) BEGIN \(refresh("OLD.\(key)")); \(refresh("NEW.\(key)")); END;
        CREATE TRIGGER \(name)_delete AFTER DELETE ON \(table) BEGIN \(refresh("OLD.\(key)")); END;
        """
    }

    /// The tables whose every change the audit trail records: everything a
    /// person or a command decides. Not `actionFact` (derived from `action`),
    /// `scoreRun` (a log of reads) or the trail itself.
    static let auditedTables = [
        "employee", "channel", "followerSnapshot", "project", "action", "actionProject", "metricsSnapshot", "scoringPolicy",
        "rewardItem", "rewardItemProject", "rewardBudget", "rewardWish", "rewardClearance", "rewardProposal",
    ]

    static func v4Audit(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE auditEntry (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,                      -- ISO 8601, UTC
                    actorId INTEGER,                       -- NULL: the system (creating the database, the demo)
                    actorEmail TEXT,                       -- as they were when they acted
                    actorRole TEXT,
                    operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete', 'bulk')),
                    entity TEXT NOT NULL,                  -- the table
                    entityId TEXT NOT NULL,                -- its key: the id, or the key columns joined by '/'; '*' for a bulk load
                    before TEXT CHECK (before IS NULL OR json_valid(before)),
                    after TEXT CHECK (after IS NULL OR json_valid(after))
                );
                CREATE INDEX auditEntry_on_at ON auditEntry(at);
                CREATE INDEX auditEntry_on_entity ON auditEntry(entity, entityId);
                CREATE INDEX auditEntry_on_actorId ON auditEntry(actorId);

                -- Append-only: only the anonymisation of an erased person may rewrite entries.
                CREATE TRIGGER auditEntry_no_update BEFORE UPDATE ON auditEntry WHEN advocacy_audit('erasing') IS NOT 1 BEGIN
                    SELECT RAISE(ABORT, 'the audit trail cannot be changed');
                END;
                CREATE TRIGGER auditEntry_no_delete BEFORE DELETE ON auditEntry BEGIN
                    SELECT RAISE(ABORT, 'the audit trail cannot be deleted');
                END;
                """)
        for table in auditedTables {
            // The trail starts with every row as it is when auditing begins
            // (an upgraded programme, or the first policy version), by the system.
            let row = try AuditedRow(db, table: table)
            try db.execute(
                sql: """
                    INSERT INTO auditEntry (at, operation, entity, entityId, after)
                    SELECT advocacy_audit('now'), 'insert', '\(table)', \(row.key("t")), \(row.json("t")) FROM \(table) t
                    """)
            try db.execute(sql: try auditTriggers(db, table: table))
        }
    }

    /// How a row of an audited table is written in the trail: every column
    /// as a JSON object, and its key (the id, or the key columns joined by '/').
    struct AuditedRow {
        let columns: [String]
        let keys: [String]

        /// The table's columns as they are when the migration runs.
        init(_ db: Database, table: String) throws {
            let rows = try Row.fetchAll(db, sql: "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
            columns = rows.map { $0["name"] }
            keys =
                columns.contains("id")
                ? ["id"]
                : rows.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] }
        }

        /// `json_object(...)` of the row named `row` (`NEW`, `OLD`, an alias).
        func json(_ row: String) -> String {
            "json_object(" + columns.map { "'\($0)', \(row).\($0)" }.joined(separator: ", ") + ")"
        }

        func key(_ row: String) -> String { keys.map { "\(row).\($0)" }.joined(separator: " || '/' || ") }
    }

    /// The three triggers that record `table`'s inserts, updates and deletes,
    /// with the row as JSON before and after. Built from the table's columns
    /// as they are when the migration runs: a later migration that adds a
    /// column must drop and rebuild them.
    static func auditTriggers(_ db: Database, table: String) throws -> String {
        let row = try AuditedRow(db, table: table)
        func entry(_ operation: String, _ subject: String, before: String, after: String) -> String {
            """
            INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    '\(operation)', '\(table)', \(row.key(subject)), \(before), \(after))
            """
        }
        let changed = row.columns.map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR ")
        return """
            CREATE TRIGGER audit_\(table)_insert AFTER INSERT ON \(table) WHEN advocacy_audit('recording') BEGIN
                \(entry("insert", "NEW", before: "NULL", after: row.json("NEW")));
            END;
            CREATE TRIGGER audit_\(table)_update AFTER UPDATE ON \(table) WHEN advocacy_audit('recording') AND (\(changed)) BEGIN
                \(entry("update", "NEW", before: row.json("OLD"), after: row.json("NEW")));
            END;
            CREATE TRIGGER audit_\(table)_delete AFTER DELETE ON \(table) WHEN advocacy_audit('recording') BEGIN
                \(entry("delete", "OLD", before: row.json("OLD"), after: "NULL"));
            END;
            """
    }

    /// A channel's followers on a day: the nearest count at or before it,
    /// else the earliest known (the rule of `FollowerHistory.audience(at:in:)`).
    static func followers(channel: String, on day: String) -> String {
        """
        COALESCE(
            (SELECT followers FROM followerSnapshot WHERE channelId = \(channel) AND date <= \(day) ORDER BY date DESC LIMIT 1),
            (SELECT followers FROM followerSnapshot WHERE channelId = \(channel) ORDER BY date LIMIT 1))
        """
    }

    static func latestMetricsUpdate(actionID: String) -> String {
        """
        UPDATE actionFact SET (impressions, reactions, comments, shares, clicks) =
            (SELECT impressions, reactions, comments, shares, clicks FROM metricsSnapshot
             WHERE actionId = \(actionID) ORDER BY date DESC LIMIT 1)
        WHERE actionId = \(actionID)
        """
    }

    static func followersUpdate(channelID: String) -> String {
        """
        UPDATE actionFact SET followers = \(followers(channel: "actionFact.channelId", on: "date(actionFact.day * 86400, 'unixepoch')"))
        WHERE channelId = \(channelID)
        """
    }

    static func highestWeight(actionID: String) -> String {
        """
        (SELECT MAX(p.strategicWeight) FROM actionProject ap JOIN project p ON p.id = ap.projectId
         WHERE ap.actionId = \(actionID))
        """
    }
}
