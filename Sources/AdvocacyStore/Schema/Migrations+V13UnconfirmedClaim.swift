import GRDB

extension Migrations {
    /// A post whose address names no account (X's `i/web/status/ID`, a
    /// LinkedIn activity without its author's handle, a YouTube `watch`
    /// link) could be anyone's: logged by hand, it counts for nothing until
    /// a cio or admin accepts it, or the person's own export file confirms it
    /// (issue 22). `unconfirmedClaim` lists such actions; the facts give a
    /// pending one the standing 3 (``ReviewStanding/unconfirmed``), so the
    /// `actionFact` triggers are rebuilt with that case, and two more keep a
    /// fact right when a claim is added or removed. A decision that accepts
    /// the action settles its claim. Not audited: a claim is derived from the
    /// address, as the facts are.
    enum V13UnconfirmedClaim: ShippedMigration {
        // FROZEN once shipped: never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v13-unconfirmed-claim"

        static let schema = """
            CREATE TABLE unconfirmedClaim (
                actionId INTEGER PRIMARY KEY REFERENCES action(id) ON DELETE CASCADE
            );
            DROP TRIGGER actionFact_action_insert;
            CREATE TRIGGER actionFact_action_insert AFTER INSERT ON action BEGIN
                INSERT INTO actionFact (employeeId, day, actionId, channelId, channelKind, kind, effortHours, contentFingerprint,
                impressions, reactions, comments, shares, clicks, followers, strategicWeight, review)
            SELECT a.employeeId, CAST(julianday(a.publishedOn) - 2440587.5 AS INTEGER), a.id, a.channelId, c.kind, a.kind,
                a.effortHours, a.contentFingerprint, m.impressions, m.reactions, m.comments, m.shares, m.clicks,
                COALESCE(
                (SELECT followers FROM followerSnapshot WHERE channelId = a.channelId AND date <= a.publishedOn ORDER BY date DESC LIMIT 1),
                (SELECT followers FROM followerSnapshot WHERE channelId = a.channelId ORDER BY date LIMIT 1)),
                (SELECT MAX(p.strategicWeight) FROM actionProject ap JOIN project p ON p.id = ap.projectId
             WHERE ap.actionId = a.id),
                CASE WHEN a.review = 'pending' AND EXISTS (SELECT 1 FROM unconfirmedClaim u WHERE u.actionId = a.id) THEN 3 WHEN a.review = 'pending' THEN 1 WHEN a.review = 'rejected' THEN 2 ELSE 0 END
            FROM action a
            JOIN channel c ON c.id = a.channelId
            LEFT JOIN metricsSnapshot m ON m.id = (SELECT id FROM metricsSnapshot WHERE actionId = a.id ORDER BY date DESC LIMIT 1)
            WHERE a.id = NEW.id;
            END;
            DROP TRIGGER actionFact_action_update;
            CREATE TRIGGER actionFact_action_update
            AFTER UPDATE OF employeeId, channelId, kind, publishedOn, effortHours, contentFingerprint, review ON action BEGIN
                DELETE FROM actionFact WHERE actionId = OLD.id;
                INSERT INTO actionFact (employeeId, day, actionId, channelId, channelKind, kind, effortHours, contentFingerprint,
                impressions, reactions, comments, shares, clicks, followers, strategicWeight, review)
            SELECT a.employeeId, CAST(julianday(a.publishedOn) - 2440587.5 AS INTEGER), a.id, a.channelId, c.kind, a.kind,
                a.effortHours, a.contentFingerprint, m.impressions, m.reactions, m.comments, m.shares, m.clicks,
                COALESCE(
                (SELECT followers FROM followerSnapshot WHERE channelId = a.channelId AND date <= a.publishedOn ORDER BY date DESC LIMIT 1),
                (SELECT followers FROM followerSnapshot WHERE channelId = a.channelId ORDER BY date LIMIT 1)),
                (SELECT MAX(p.strategicWeight) FROM actionProject ap JOIN project p ON p.id = ap.projectId
             WHERE ap.actionId = a.id),
                CASE WHEN a.review = 'pending' AND EXISTS (SELECT 1 FROM unconfirmedClaim u WHERE u.actionId = a.id) THEN 3 WHEN a.review = 'pending' THEN 1 WHEN a.review = 'rejected' THEN 2 ELSE 0 END
            FROM action a
            JOIN channel c ON c.id = a.channelId
            LEFT JOIN metricsSnapshot m ON m.id = (SELECT id FROM metricsSnapshot WHERE actionId = a.id ORDER BY date DESC LIMIT 1)
            WHERE a.id = NEW.id;
            END;
            CREATE TRIGGER actionFact_claim_insert AFTER INSERT ON unconfirmedClaim BEGIN
                UPDATE actionFact SET review = 3 WHERE actionId = NEW.actionId AND review = 1;
            END;
            CREATE TRIGGER actionFact_claim_delete AFTER DELETE ON unconfirmedClaim BEGIN
                UPDATE actionFact SET review = 1 WHERE actionId = OLD.actionId AND review = 3;
            END;
            CREATE TRIGGER unconfirmedClaim_settled AFTER UPDATE OF review ON action
            WHEN NEW.review IN ('accepted', 'partly-accepted') BEGIN
                DELETE FROM unconfirmedClaim WHERE actionId = NEW.id;
            END;
            """

        static var texts: [String] { [schema] }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: schema)
        }
    }
}
