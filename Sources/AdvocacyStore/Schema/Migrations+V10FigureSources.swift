import GRDB

extension Migrations {
    /// Every figure records where it came from (``FigureSource``): typed by
    /// its author, a platform's export file, a platform's API, a feed. Rows
    /// written before have no such record: they are `typed`, the cautious
    /// reading. The audit triggers of both tables are rebuilt so that their
    /// rows carry the new column.
    enum V10FigureSources: ShippedMigration {
        // FROZEN once shipped: never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v10-figure-sources"

        static let schema = """
            ALTER TABLE metricsSnapshot ADD COLUMN source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'file', 'api', 'feed'));
            ALTER TABLE followerSnapshot ADD COLUMN source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'file', 'api', 'feed'));
            DROP TRIGGER audit_followerSnapshot_insert;
            CREATE TRIGGER audit_followerSnapshot_insert AFTER INSERT ON followerSnapshot WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'followerSnapshot', NEW.id, NULL, json_object('id', NEW.id, 'channelId', NEW.channelId, 'date', NEW.date, 'followers', NEW.followers, 'source', NEW.source));
            END;
            DROP TRIGGER audit_followerSnapshot_update;
            CREATE TRIGGER audit_followerSnapshot_update AFTER UPDATE ON followerSnapshot WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.channelId IS NOT NEW.channelId OR OLD.date IS NOT NEW.date OR OLD.followers IS NOT NEW.followers OR OLD.source IS NOT NEW.source) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'followerSnapshot', NEW.id, json_object('id', OLD.id, 'channelId', OLD.channelId, 'date', OLD.date, 'followers', OLD.followers, 'source', OLD.source), json_object('id', NEW.id, 'channelId', NEW.channelId, 'date', NEW.date, 'followers', NEW.followers, 'source', NEW.source));
            END;
            DROP TRIGGER audit_followerSnapshot_delete;
            CREATE TRIGGER audit_followerSnapshot_delete AFTER DELETE ON followerSnapshot WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'followerSnapshot', OLD.id, json_object('id', OLD.id, 'channelId', OLD.channelId, 'date', OLD.date, 'followers', OLD.followers, 'source', OLD.source), NULL);
            END;
            DROP TRIGGER audit_metricsSnapshot_insert;
            CREATE TRIGGER audit_metricsSnapshot_insert AFTER INSERT ON metricsSnapshot WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'metricsSnapshot', NEW.id, NULL, json_object('id', NEW.id, 'actionId', NEW.actionId, 'date', NEW.date, 'impressions', NEW.impressions, 'reactions', NEW.reactions, 'comments', NEW.comments, 'shares', NEW.shares, 'clicks', NEW.clicks, 'source', NEW.source));
            END;
            DROP TRIGGER audit_metricsSnapshot_update;
            CREATE TRIGGER audit_metricsSnapshot_update AFTER UPDATE ON metricsSnapshot WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.actionId IS NOT NEW.actionId OR OLD.date IS NOT NEW.date OR OLD.impressions IS NOT NEW.impressions OR OLD.reactions IS NOT NEW.reactions OR OLD.comments IS NOT NEW.comments OR OLD.shares IS NOT NEW.shares OR OLD.clicks IS NOT NEW.clicks OR OLD.source IS NOT NEW.source) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'metricsSnapshot', NEW.id, json_object('id', OLD.id, 'actionId', OLD.actionId, 'date', OLD.date, 'impressions', OLD.impressions, 'reactions', OLD.reactions, 'comments', OLD.comments, 'shares', OLD.shares, 'clicks', OLD.clicks, 'source', OLD.source), json_object('id', NEW.id, 'actionId', NEW.actionId, 'date', NEW.date, 'impressions', NEW.impressions, 'reactions', NEW.reactions, 'comments', NEW.comments, 'shares', NEW.shares, 'clicks', NEW.clicks, 'source', NEW.source));
            END;
            DROP TRIGGER audit_metricsSnapshot_delete;
            CREATE TRIGGER audit_metricsSnapshot_delete AFTER DELETE ON metricsSnapshot WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'metricsSnapshot', OLD.id, json_object('id', OLD.id, 'actionId', OLD.actionId, 'date', OLD.date, 'impressions', OLD.impressions, 'reactions', OLD.reactions, 'comments', OLD.comments, 'shares', OLD.shares, 'clicks', OLD.clicks, 'source', OLD.source), NULL);
            END;
            """

        static var texts: [String] { [schema] }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: schema)
        }
    }
}
