import GRDB

extension Migrations {
    /// Rewards: the catalogue, budgets, wishes, cio clearances and proposals.
    ///
    /// Rewards did not exist before: every policy version so far gets the
    /// standard reward settings (`RewardPolicy.standard` at this release).
    enum V3Rewards: ShippedMigration {
        // FROZEN: shipped in a release. Never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v3-rewards"

        static let addRewardSettings = """
            UPDATE scoringPolicy SET document = json_set(document, '$.rewards', json(?), '$.rewardCaps', json(?))
            """

        static let standardRewards = """
            {"currency": "EUR", "alpha": 0.5, "maxSharePercent": 20, "maxItemsPerPerson": 2, "minimumScore": 10, "maxFlagPenaltyPercent": 25,
             "monthlySocialSecurityCeilingCents": 400500, "voucherCapPercent": 5}
            """

        static let standardRewardCaps = """
            {"training": 0, "certification": 0, "conference": 0, "book": 0, "recognition": 0, "equipment": 0,
             "day-off": 0, "donation": 0, "voucher": 0}
            """

        static let schema = """
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
            """

        static var texts: [String] { [addRewardSettings, standardRewards, standardRewardCaps, schema] }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: addRewardSettings, arguments: [standardRewards, standardRewardCaps])
            try db.execute(sql: schema)
        }
    }
}
