import GRDB

extension Migrations {
    /// Scoring: the versioned policy, the record of each score run, and
    /// `actionFact`, a narrow summary of every action kept up to date by
    /// triggers so that ranking reads one small row per action instead of
    /// joining five tables (see docs/scoring.md, "How rank stays fast").
    ///
    /// Existing actions get their content fingerprints from
    /// ``V2ContentFingerprint`` (the rule as it stood when this migration
    /// shipped, frozen with it), then their facts. Version 1 of the policy
    /// is the standard policy of the release that created the table, written
    /// out here, so later releases changing the standard never rescore silently.
    enum V2Scoring: ShippedMigration {
        // FROZEN: shipped in a release. Never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v2-scoring"

        static let schema = """
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
                INSERT INTO actionFact (employeeId, day, actionId, channelId, channelKind, kind, effortHours, contentFingerprint,
                impressions, reactions, comments, shares, clicks, followers, strategicWeight)
            SELECT a.employeeId, CAST(julianday(a.publishedOn) - 2440587.5 AS INTEGER), a.id, a.channelId, c.kind, a.kind,
                a.effortHours, a.contentFingerprint, m.impressions, m.reactions, m.comments, m.shares, m.clicks,
                COALESCE(
                (SELECT followers FROM followerSnapshot WHERE channelId = a.channelId AND date <= a.publishedOn ORDER BY date DESC LIMIT 1),
                (SELECT followers FROM followerSnapshot WHERE channelId = a.channelId ORDER BY date LIMIT 1)),
                (SELECT MAX(p.strategicWeight) FROM actionProject ap JOIN project p ON p.id = ap.projectId
             WHERE ap.actionId = a.id)
            FROM action a
            JOIN channel c ON c.id = a.channelId
            LEFT JOIN metricsSnapshot m ON m.id = (SELECT id FROM metricsSnapshot WHERE actionId = a.id ORDER BY date DESC LIMIT 1)
            WHERE a.id = NEW.id;
            END;
            CREATE TRIGGER actionFact_action_update
            AFTER UPDATE OF employeeId, channelId, kind, publishedOn, effortHours, contentFingerprint ON action BEGIN
                DELETE FROM actionFact WHERE actionId = OLD.id;
                INSERT INTO actionFact (employeeId, day, actionId, channelId, channelKind, kind, effortHours, contentFingerprint,
                impressions, reactions, comments, shares, clicks, followers, strategicWeight)
            SELECT a.employeeId, CAST(julianday(a.publishedOn) - 2440587.5 AS INTEGER), a.id, a.channelId, c.kind, a.kind,
                a.effortHours, a.contentFingerprint, m.impressions, m.reactions, m.comments, m.shares, m.clicks,
                COALESCE(
                (SELECT followers FROM followerSnapshot WHERE channelId = a.channelId AND date <= a.publishedOn ORDER BY date DESC LIMIT 1),
                (SELECT followers FROM followerSnapshot WHERE channelId = a.channelId ORDER BY date LIMIT 1)),
                (SELECT MAX(p.strategicWeight) FROM actionProject ap JOIN project p ON p.id = ap.projectId
             WHERE ap.actionId = a.id)
            FROM action a
            JOIN channel c ON c.id = a.channelId
            LEFT JOIN metricsSnapshot m ON m.id = (SELECT id FROM metricsSnapshot WHERE actionId = a.id ORDER BY date DESC LIMIT 1)
            WHERE a.id = NEW.id;
            END;
            CREATE TRIGGER actionFact_action_delete AFTER DELETE ON action BEGIN
                DELETE FROM actionFact WHERE actionId = OLD.id;
            END;

            CREATE TRIGGER actionFact_metrics_insert AFTER INSERT ON metricsSnapshot BEGIN UPDATE actionFact SET (impressions, reactions, comments, shares, clicks) =
                (SELECT impressions, reactions, comments, shares, clicks FROM metricsSnapshot
                 WHERE actionId = NEW.actionId ORDER BY date DESC LIMIT 1)
            WHERE actionId = NEW.actionId; END;
            CREATE TRIGGER actionFact_metrics_update AFTER UPDATE ON metricsSnapshot BEGIN UPDATE actionFact SET (impressions, reactions, comments, shares, clicks) =
                (SELECT impressions, reactions, comments, shares, clicks FROM metricsSnapshot
                 WHERE actionId = OLD.actionId ORDER BY date DESC LIMIT 1)
            WHERE actionId = OLD.actionId; UPDATE actionFact SET (impressions, reactions, comments, shares, clicks) =
                (SELECT impressions, reactions, comments, shares, clicks FROM metricsSnapshot
                 WHERE actionId = NEW.actionId ORDER BY date DESC LIMIT 1)
            WHERE actionId = NEW.actionId; END;
            CREATE TRIGGER actionFact_metrics_delete AFTER DELETE ON metricsSnapshot BEGIN UPDATE actionFact SET (impressions, reactions, comments, shares, clicks) =
                (SELECT impressions, reactions, comments, shares, clicks FROM metricsSnapshot
                 WHERE actionId = OLD.actionId ORDER BY date DESC LIMIT 1)
            WHERE actionId = OLD.actionId; END;
            CREATE TRIGGER actionFact_followers_insert AFTER INSERT ON followerSnapshot BEGIN UPDATE actionFact SET followers = COALESCE(
                (SELECT followers FROM followerSnapshot WHERE channelId = actionFact.channelId AND date <= date(actionFact.day * 86400, 'unixepoch') ORDER BY date DESC LIMIT 1),
                (SELECT followers FROM followerSnapshot WHERE channelId = actionFact.channelId ORDER BY date LIMIT 1))
            WHERE channelId = NEW.channelId; END;
            CREATE TRIGGER actionFact_followers_update AFTER UPDATE ON followerSnapshot BEGIN UPDATE actionFact SET followers = COALESCE(
                (SELECT followers FROM followerSnapshot WHERE channelId = actionFact.channelId AND date <= date(actionFact.day * 86400, 'unixepoch') ORDER BY date DESC LIMIT 1),
                (SELECT followers FROM followerSnapshot WHERE channelId = actionFact.channelId ORDER BY date LIMIT 1))
            WHERE channelId = OLD.channelId; UPDATE actionFact SET followers = COALESCE(
                (SELECT followers FROM followerSnapshot WHERE channelId = actionFact.channelId AND date <= date(actionFact.day * 86400, 'unixepoch') ORDER BY date DESC LIMIT 1),
                (SELECT followers FROM followerSnapshot WHERE channelId = actionFact.channelId ORDER BY date LIMIT 1))
            WHERE channelId = NEW.channelId; END;
            CREATE TRIGGER actionFact_followers_delete AFTER DELETE ON followerSnapshot BEGIN UPDATE actionFact SET followers = COALESCE(
                (SELECT followers FROM followerSnapshot WHERE channelId = actionFact.channelId AND date <= date(actionFact.day * 86400, 'unixepoch') ORDER BY date DESC LIMIT 1),
                (SELECT followers FROM followerSnapshot WHERE channelId = actionFact.channelId ORDER BY date LIMIT 1))
            WHERE channelId = OLD.channelId; END;

            CREATE TRIGGER actionFact_tag_insert AFTER INSERT ON actionProject BEGIN
                UPDATE actionFact SET strategicWeight = (SELECT MAX(p.strategicWeight) FROM actionProject ap JOIN project p ON p.id = ap.projectId
             WHERE ap.actionId = NEW.actionId) WHERE actionId = NEW.actionId;
            END;
            CREATE TRIGGER actionFact_tag_delete AFTER DELETE ON actionProject BEGIN
                UPDATE actionFact SET strategicWeight = (SELECT MAX(p.strategicWeight) FROM actionProject ap JOIN project p ON p.id = ap.projectId
             WHERE ap.actionId = OLD.actionId) WHERE actionId = OLD.actionId;
            END;
            CREATE TRIGGER actionFact_project_weight AFTER UPDATE OF strategicWeight ON project BEGIN
                UPDATE actionFact SET strategicWeight = (SELECT MAX(p.strategicWeight) FROM actionProject ap JOIN project p ON p.id = ap.projectId
             WHERE ap.actionId = actionFact.actionId)
                WHERE actionId IN (SELECT actionId FROM actionProject WHERE projectId = NEW.id);
            END;
            CREATE TRIGGER actionFact_channel_kind AFTER UPDATE OF kind ON channel BEGIN
                UPDATE actionFact SET channelKind = NEW.kind WHERE channelId = NEW.id;
            END;
            """

        static let existingTitles = "SELECT id, title, url FROM action"
        static let setFingerprint = "UPDATE action SET contentFingerprint = ? WHERE id = ?"
        static let clearFacts = "DELETE FROM actionFact"

        static let facts = """
            INSERT INTO actionFact (employeeId, day, actionId, channelId, channelKind, kind, effortHours, contentFingerprint,
                impressions, reactions, comments, shares, clicks, followers, strategicWeight)
            SELECT a.employeeId, CAST(julianday(a.publishedOn) - 2440587.5 AS INTEGER), a.id, a.channelId, c.kind, a.kind,
                a.effortHours, a.contentFingerprint, m.impressions, m.reactions, m.comments, m.shares, m.clicks,
                COALESCE(
                (SELECT followers FROM followerSnapshot WHERE channelId = a.channelId AND date <= a.publishedOn ORDER BY date DESC LIMIT 1),
                (SELECT followers FROM followerSnapshot WHERE channelId = a.channelId ORDER BY date LIMIT 1)),
                (SELECT MAX(p.strategicWeight) FROM actionProject ap JOIN project p ON p.id = ap.projectId
             WHERE ap.actionId = a.id)
            FROM action a
            JOIN channel c ON c.id = a.channelId
            LEFT JOIN metricsSnapshot m ON m.id = (SELECT id FROM metricsSnapshot WHERE actionId = a.id ORDER BY date DESC LIMIT 1)
            WHERE 1
            """

        static let insertPolicy =
            "INSERT INTO scoringPolicy (version, document, createdAt) VALUES (1, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

        /// `ScoringPolicy.standard.document.renderJSON()` at this release.
        static let standardPolicy = """
            {
              "tiers": {
                "micro": 1000,
                "mid": 100000,
                "macro": 500000,
                "mega": 1000000
              },
              "engagement": {
                "commentWeight": 2,
                "shareWeight": 3,
                "clickWeight": 0.5
              },
              "quality": {
                "cap": 3,
                "nano": [4, 8],
                "micro": [2, 3.5],
                "mid": [1.5, 2.5],
                "macro": [1, 1.8],
                "mega": [0.5, 1.2]
              },
              "effort": {
                "article": 6,
                "post": 1,
                "talk": 8,
                "video": 6,
                "podcast": 4,
                "newsletter": 3,
                "comment": 0.25,
                "share": 0.1
              },
              "alignment": {
                "untagged": 0.5,
                "weight1": 0.75,
                "weight2": 1,
                "weight3": 1.5
              },
              "points": {
                "work": 60,
                "consistency": 25,
                "reach": 15,
                "halfWorkHoursPerWeek": 4,
                "reachCeiling": 1000000
              },
              "flags": {
                "spikeGrowthPercent": 30,
                "spikeMinAudience": 1000,
                "spikeWindowDays": 7,
                "spikeRoundStep": 1000,
                "spikeMultiplier": 0.7,
                "lowEngagementMinAudience": 10000,
                "lowEngagementMultiplier": 0.5,
                "duplicateMultiplier": 0.25
              }
            }

            """

        static var texts: [String] {
            [schema, existingTitles, setFingerprint, clearFacts, facts, insertPolicy, standardPolicy]
        }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: schema)
            let titles = try Row.fetchAll(db, sql: existingTitles)
            let update = try db.makeStatement(sql: setFingerprint)
            for row in titles {
                let fingerprint = V2ContentFingerprint.of(title: row["title"], url: row["url"])
                if fingerprint != 0 { try update.execute(arguments: [fingerprint, row["id"] as Int64]) }
            }
            try db.execute(sql: clearFacts)
            try db.execute(sql: facts)
            try db.execute(sql: insertPolicy, arguments: [standardPolicy])
        }
    }
}
