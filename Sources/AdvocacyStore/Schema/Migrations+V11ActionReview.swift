import GRDB

extension Migrations {
    /// Every action has a review status (``ReviewStatus``): pending until a
    /// cio or admin accepts it (or its figures come from a source the policy
    /// trusts), partly accepted when they corrected it, rejected with a
    /// reason. Actions stored before are accepted: the column's default, so
    /// nobody's score moves at the upgrade. A decision's reason, reviewer and
    /// time are in `actionReview`, one row per decided action: most actions
    /// have none, and three empty columns on each of a million rows were 3 MB. The facts carry the status as a
    /// number (0 counts in full, 1 pending, 2 rejected), so the `actionFact`
    /// triggers are rebuilt, and so are the audit triggers of `action`, so
    /// that every decision is in the trail with its reviewer and reason.
    /// The status has no index: the queue is read now and then, where an
    /// import of a million typed rows, all pending, would add to one for each
    /// (it cost the import a tenth of its time and the file a tenth of its size).
    enum V11ActionReview: ShippedMigration {
        // FROZEN once shipped: never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v11-action-review"

        static let schema = """
            ALTER TABLE action ADD COLUMN review TEXT NOT NULL DEFAULT 'accepted'
                CHECK (review IN ('pending', 'accepted', 'partly-accepted', 'rejected'));
            CREATE TABLE actionReview (
                actionId INTEGER PRIMARY KEY REFERENCES action(id) ON DELETE CASCADE,
                note TEXT,
                reviewedBy INTEGER REFERENCES employee(id),
                reviewedAt TEXT NOT NULL
            );
            ALTER TABLE actionFact ADD COLUMN review INTEGER NOT NULL DEFAULT 0;
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
                CASE a.review WHEN 'pending' THEN 1 WHEN 'rejected' THEN 2 ELSE 0 END
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
                CASE a.review WHEN 'pending' THEN 1 WHEN 'rejected' THEN 2 ELSE 0 END
            FROM action a
            JOIN channel c ON c.id = a.channelId
            LEFT JOIN metricsSnapshot m ON m.id = (SELECT id FROM metricsSnapshot WHERE actionId = a.id ORDER BY date DESC LIMIT 1)
            WHERE a.id = NEW.id;
            END;
            DROP TRIGGER audit_action_insert;
            CREATE TRIGGER audit_action_insert AFTER INSERT ON action WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'action', NEW.id, NULL, json_object('id', NEW.id, 'employeeId', NEW.employeeId, 'channelId', NEW.channelId, 'kind', NEW.kind, 'title', NEW.title, 'url', NEW.url, 'publishedOn', NEW.publishedOn, 'effortHours', NEW.effortHours, 'createdAt', NEW.createdAt, 'contentFingerprint', NEW.contentFingerprint, 'urlHash', NEW.urlHash, 'review', NEW.review));
            END;
            DROP TRIGGER audit_action_update;
            CREATE TRIGGER audit_action_update AFTER UPDATE ON action WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.employeeId IS NOT NEW.employeeId OR OLD.channelId IS NOT NEW.channelId OR OLD.kind IS NOT NEW.kind OR OLD.title IS NOT NEW.title OR OLD.url IS NOT NEW.url OR OLD.publishedOn IS NOT NEW.publishedOn OR OLD.effortHours IS NOT NEW.effortHours OR OLD.createdAt IS NOT NEW.createdAt OR OLD.contentFingerprint IS NOT NEW.contentFingerprint OR OLD.urlHash IS NOT NEW.urlHash OR OLD.review IS NOT NEW.review) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'action', NEW.id, json_object('id', OLD.id, 'employeeId', OLD.employeeId, 'channelId', OLD.channelId, 'kind', OLD.kind, 'title', OLD.title, 'url', OLD.url, 'publishedOn', OLD.publishedOn, 'effortHours', OLD.effortHours, 'createdAt', OLD.createdAt, 'contentFingerprint', OLD.contentFingerprint, 'urlHash', OLD.urlHash, 'review', OLD.review), json_object('id', NEW.id, 'employeeId', NEW.employeeId, 'channelId', NEW.channelId, 'kind', NEW.kind, 'title', NEW.title, 'url', NEW.url, 'publishedOn', NEW.publishedOn, 'effortHours', NEW.effortHours, 'createdAt', NEW.createdAt, 'contentFingerprint', NEW.contentFingerprint, 'urlHash', NEW.urlHash, 'review', NEW.review));
            END;
            DROP TRIGGER audit_action_delete;
            CREATE TRIGGER audit_action_delete AFTER DELETE ON action WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'action', OLD.id, json_object('id', OLD.id, 'employeeId', OLD.employeeId, 'channelId', OLD.channelId, 'kind', OLD.kind, 'title', OLD.title, 'url', OLD.url, 'publishedOn', OLD.publishedOn, 'effortHours', OLD.effortHours, 'createdAt', OLD.createdAt, 'contentFingerprint', OLD.contentFingerprint, 'urlHash', OLD.urlHash, 'review', OLD.review), NULL);
            END;
            CREATE TRIGGER audit_actionReview_insert AFTER INSERT ON actionReview WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'actionReview', NEW.actionId, NULL, json_object('actionId', NEW.actionId, 'note', NEW.note, 'reviewedBy', NEW.reviewedBy, 'reviewedAt', NEW.reviewedAt));
            END;
            CREATE TRIGGER audit_actionReview_update AFTER UPDATE ON actionReview WHEN advocacy_audit('recording') AND (OLD.actionId IS NOT NEW.actionId OR OLD.note IS NOT NEW.note OR OLD.reviewedBy IS NOT NEW.reviewedBy OR OLD.reviewedAt IS NOT NEW.reviewedAt) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'actionReview', NEW.actionId, json_object('actionId', OLD.actionId, 'note', OLD.note, 'reviewedBy', OLD.reviewedBy, 'reviewedAt', OLD.reviewedAt), json_object('actionId', NEW.actionId, 'note', NEW.note, 'reviewedBy', NEW.reviewedBy, 'reviewedAt', NEW.reviewedAt));
            END;
            CREATE TRIGGER audit_actionReview_delete AFTER DELETE ON actionReview WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'actionReview', OLD.actionId, json_object('actionId', OLD.actionId, 'note', OLD.note, 'reviewedBy', OLD.reviewedBy, 'reviewedAt', OLD.reviewedAt), NULL);
            END;
            """

        static var texts: [String] { [schema] }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: schema)
        }
    }
}
