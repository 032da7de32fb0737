import GRDB

extension Migrations {
    /// The audit trail: `auditEntry`, append-only, and three triggers on
    /// each audited table (everything a person or a command decides; not
    /// `actionFact`, derived from `action`, nor `scoreRun`, a log of reads)
    /// that record its inserts, updates and deletes with the row as JSON
    /// before and after. The trail starts with every row as it is when
    /// auditing begins (an upgraded programme, or the first policy version),
    /// by the system.
    ///
    /// The triggers list the columns each table had at this version: a
    /// later migration that adds a column drops and recreates them
    /// (`v5-privacy` for `employee`, `v6-address-hash` for `action`).
    enum V4Audit: ShippedMigration {
        // FROZEN: shipped in a release. Never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v4-audit"

        static let schema = """
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
            """

        /// For each audited table: its rows so far, then its triggers.
        static let trail = """
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'employee', t.id, json_object('id', t.id, 'email', t.email, 'fullName', t.fullName, 'team', t.team, 'role', t.role, 'hrId', t.hrId, 'isActive', t.isActive, 'createdAt', t.createdAt) FROM employee t;
            CREATE TRIGGER audit_employee_insert AFTER INSERT ON employee WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'employee', NEW.id, NULL, json_object('id', NEW.id, 'email', NEW.email, 'fullName', NEW.fullName, 'team', NEW.team, 'role', NEW.role, 'hrId', NEW.hrId, 'isActive', NEW.isActive, 'createdAt', NEW.createdAt));
            END;
            CREATE TRIGGER audit_employee_update AFTER UPDATE ON employee WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.email IS NOT NEW.email OR OLD.fullName IS NOT NEW.fullName OR OLD.team IS NOT NEW.team OR OLD.role IS NOT NEW.role OR OLD.hrId IS NOT NEW.hrId OR OLD.isActive IS NOT NEW.isActive OR OLD.createdAt IS NOT NEW.createdAt) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'employee', NEW.id, json_object('id', OLD.id, 'email', OLD.email, 'fullName', OLD.fullName, 'team', OLD.team, 'role', OLD.role, 'hrId', OLD.hrId, 'isActive', OLD.isActive, 'createdAt', OLD.createdAt), json_object('id', NEW.id, 'email', NEW.email, 'fullName', NEW.fullName, 'team', NEW.team, 'role', NEW.role, 'hrId', NEW.hrId, 'isActive', NEW.isActive, 'createdAt', NEW.createdAt));
            END;
            CREATE TRIGGER audit_employee_delete AFTER DELETE ON employee WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'employee', OLD.id, json_object('id', OLD.id, 'email', OLD.email, 'fullName', OLD.fullName, 'team', OLD.team, 'role', OLD.role, 'hrId', OLD.hrId, 'isActive', OLD.isActive, 'createdAt', OLD.createdAt), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'channel', t.id, json_object('id', t.id, 'employeeId', t.employeeId, 'kind', t.kind, 'url', t.url, 'feedUrl', t.feedUrl, 'scope', t.scope, 'createdAt', t.createdAt) FROM channel t;
            CREATE TRIGGER audit_channel_insert AFTER INSERT ON channel WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'channel', NEW.id, NULL, json_object('id', NEW.id, 'employeeId', NEW.employeeId, 'kind', NEW.kind, 'url', NEW.url, 'feedUrl', NEW.feedUrl, 'scope', NEW.scope, 'createdAt', NEW.createdAt));
            END;
            CREATE TRIGGER audit_channel_update AFTER UPDATE ON channel WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.employeeId IS NOT NEW.employeeId OR OLD.kind IS NOT NEW.kind OR OLD.url IS NOT NEW.url OR OLD.feedUrl IS NOT NEW.feedUrl OR OLD.scope IS NOT NEW.scope OR OLD.createdAt IS NOT NEW.createdAt) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'channel', NEW.id, json_object('id', OLD.id, 'employeeId', OLD.employeeId, 'kind', OLD.kind, 'url', OLD.url, 'feedUrl', OLD.feedUrl, 'scope', OLD.scope, 'createdAt', OLD.createdAt), json_object('id', NEW.id, 'employeeId', NEW.employeeId, 'kind', NEW.kind, 'url', NEW.url, 'feedUrl', NEW.feedUrl, 'scope', NEW.scope, 'createdAt', NEW.createdAt));
            END;
            CREATE TRIGGER audit_channel_delete AFTER DELETE ON channel WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'channel', OLD.id, json_object('id', OLD.id, 'employeeId', OLD.employeeId, 'kind', OLD.kind, 'url', OLD.url, 'feedUrl', OLD.feedUrl, 'scope', OLD.scope, 'createdAt', OLD.createdAt), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'followerSnapshot', t.id, json_object('id', t.id, 'channelId', t.channelId, 'date', t.date, 'followers', t.followers) FROM followerSnapshot t;
            CREATE TRIGGER audit_followerSnapshot_insert AFTER INSERT ON followerSnapshot WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'followerSnapshot', NEW.id, NULL, json_object('id', NEW.id, 'channelId', NEW.channelId, 'date', NEW.date, 'followers', NEW.followers));
            END;
            CREATE TRIGGER audit_followerSnapshot_update AFTER UPDATE ON followerSnapshot WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.channelId IS NOT NEW.channelId OR OLD.date IS NOT NEW.date OR OLD.followers IS NOT NEW.followers) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'followerSnapshot', NEW.id, json_object('id', OLD.id, 'channelId', OLD.channelId, 'date', OLD.date, 'followers', OLD.followers), json_object('id', NEW.id, 'channelId', NEW.channelId, 'date', NEW.date, 'followers', NEW.followers));
            END;
            CREATE TRIGGER audit_followerSnapshot_delete AFTER DELETE ON followerSnapshot WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'followerSnapshot', OLD.id, json_object('id', OLD.id, 'channelId', OLD.channelId, 'date', OLD.date, 'followers', OLD.followers), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'project', t.id, json_object('id', t.id, 'code', t.code, 'name', t.name, 'strategicWeight', t.strategicWeight, 'status', t.status, 'startDate', t.startDate, 'endDate', t.endDate) FROM project t;
            CREATE TRIGGER audit_project_insert AFTER INSERT ON project WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'project', NEW.id, NULL, json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'strategicWeight', NEW.strategicWeight, 'status', NEW.status, 'startDate', NEW.startDate, 'endDate', NEW.endDate));
            END;
            CREATE TRIGGER audit_project_update AFTER UPDATE ON project WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name OR OLD.strategicWeight IS NOT NEW.strategicWeight OR OLD.status IS NOT NEW.status OR OLD.startDate IS NOT NEW.startDate OR OLD.endDate IS NOT NEW.endDate) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'project', NEW.id, json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'strategicWeight', OLD.strategicWeight, 'status', OLD.status, 'startDate', OLD.startDate, 'endDate', OLD.endDate), json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'strategicWeight', NEW.strategicWeight, 'status', NEW.status, 'startDate', NEW.startDate, 'endDate', NEW.endDate));
            END;
            CREATE TRIGGER audit_project_delete AFTER DELETE ON project WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'project', OLD.id, json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'strategicWeight', OLD.strategicWeight, 'status', OLD.status, 'startDate', OLD.startDate, 'endDate', OLD.endDate), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'action', t.id, json_object('id', t.id, 'employeeId', t.employeeId, 'channelId', t.channelId, 'kind', t.kind, 'title', t.title, 'url', t.url, 'publishedOn', t.publishedOn, 'effortHours', t.effortHours, 'createdAt', t.createdAt, 'contentFingerprint', t.contentFingerprint) FROM action t;
            CREATE TRIGGER audit_action_insert AFTER INSERT ON action WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'action', NEW.id, NULL, json_object('id', NEW.id, 'employeeId', NEW.employeeId, 'channelId', NEW.channelId, 'kind', NEW.kind, 'title', NEW.title, 'url', NEW.url, 'publishedOn', NEW.publishedOn, 'effortHours', NEW.effortHours, 'createdAt', NEW.createdAt, 'contentFingerprint', NEW.contentFingerprint));
            END;
            CREATE TRIGGER audit_action_update AFTER UPDATE ON action WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.employeeId IS NOT NEW.employeeId OR OLD.channelId IS NOT NEW.channelId OR OLD.kind IS NOT NEW.kind OR OLD.title IS NOT NEW.title OR OLD.url IS NOT NEW.url OR OLD.publishedOn IS NOT NEW.publishedOn OR OLD.effortHours IS NOT NEW.effortHours OR OLD.createdAt IS NOT NEW.createdAt OR OLD.contentFingerprint IS NOT NEW.contentFingerprint) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'action', NEW.id, json_object('id', OLD.id, 'employeeId', OLD.employeeId, 'channelId', OLD.channelId, 'kind', OLD.kind, 'title', OLD.title, 'url', OLD.url, 'publishedOn', OLD.publishedOn, 'effortHours', OLD.effortHours, 'createdAt', OLD.createdAt, 'contentFingerprint', OLD.contentFingerprint), json_object('id', NEW.id, 'employeeId', NEW.employeeId, 'channelId', NEW.channelId, 'kind', NEW.kind, 'title', NEW.title, 'url', NEW.url, 'publishedOn', NEW.publishedOn, 'effortHours', NEW.effortHours, 'createdAt', NEW.createdAt, 'contentFingerprint', NEW.contentFingerprint));
            END;
            CREATE TRIGGER audit_action_delete AFTER DELETE ON action WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'action', OLD.id, json_object('id', OLD.id, 'employeeId', OLD.employeeId, 'channelId', OLD.channelId, 'kind', OLD.kind, 'title', OLD.title, 'url', OLD.url, 'publishedOn', OLD.publishedOn, 'effortHours', OLD.effortHours, 'createdAt', OLD.createdAt, 'contentFingerprint', OLD.contentFingerprint), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'actionProject', t.actionId || '/' || t.projectId, json_object('actionId', t.actionId, 'projectId', t.projectId) FROM actionProject t;
            CREATE TRIGGER audit_actionProject_insert AFTER INSERT ON actionProject WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'actionProject', NEW.actionId || '/' || NEW.projectId, NULL, json_object('actionId', NEW.actionId, 'projectId', NEW.projectId));
            END;
            CREATE TRIGGER audit_actionProject_update AFTER UPDATE ON actionProject WHEN advocacy_audit('recording') AND (OLD.actionId IS NOT NEW.actionId OR OLD.projectId IS NOT NEW.projectId) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'actionProject', NEW.actionId || '/' || NEW.projectId, json_object('actionId', OLD.actionId, 'projectId', OLD.projectId), json_object('actionId', NEW.actionId, 'projectId', NEW.projectId));
            END;
            CREATE TRIGGER audit_actionProject_delete AFTER DELETE ON actionProject WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'actionProject', OLD.actionId || '/' || OLD.projectId, json_object('actionId', OLD.actionId, 'projectId', OLD.projectId), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'metricsSnapshot', t.id, json_object('id', t.id, 'actionId', t.actionId, 'date', t.date, 'impressions', t.impressions, 'reactions', t.reactions, 'comments', t.comments, 'shares', t.shares, 'clicks', t.clicks) FROM metricsSnapshot t;
            CREATE TRIGGER audit_metricsSnapshot_insert AFTER INSERT ON metricsSnapshot WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'metricsSnapshot', NEW.id, NULL, json_object('id', NEW.id, 'actionId', NEW.actionId, 'date', NEW.date, 'impressions', NEW.impressions, 'reactions', NEW.reactions, 'comments', NEW.comments, 'shares', NEW.shares, 'clicks', NEW.clicks));
            END;
            CREATE TRIGGER audit_metricsSnapshot_update AFTER UPDATE ON metricsSnapshot WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.actionId IS NOT NEW.actionId OR OLD.date IS NOT NEW.date OR OLD.impressions IS NOT NEW.impressions OR OLD.reactions IS NOT NEW.reactions OR OLD.comments IS NOT NEW.comments OR OLD.shares IS NOT NEW.shares OR OLD.clicks IS NOT NEW.clicks) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'metricsSnapshot', NEW.id, json_object('id', OLD.id, 'actionId', OLD.actionId, 'date', OLD.date, 'impressions', OLD.impressions, 'reactions', OLD.reactions, 'comments', OLD.comments, 'shares', OLD.shares, 'clicks', OLD.clicks), json_object('id', NEW.id, 'actionId', NEW.actionId, 'date', NEW.date, 'impressions', NEW.impressions, 'reactions', NEW.reactions, 'comments', NEW.comments, 'shares', NEW.shares, 'clicks', NEW.clicks));
            END;
            CREATE TRIGGER audit_metricsSnapshot_delete AFTER DELETE ON metricsSnapshot WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'metricsSnapshot', OLD.id, json_object('id', OLD.id, 'actionId', OLD.actionId, 'date', OLD.date, 'impressions', OLD.impressions, 'reactions', OLD.reactions, 'comments', OLD.comments, 'shares', OLD.shares, 'clicks', OLD.clicks), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'scoringPolicy', t.version, json_object('version', t.version, 'document', t.document, 'createdAt', t.createdAt, 'createdBy', t.createdBy) FROM scoringPolicy t;
            CREATE TRIGGER audit_scoringPolicy_insert AFTER INSERT ON scoringPolicy WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'scoringPolicy', NEW.version, NULL, json_object('version', NEW.version, 'document', NEW.document, 'createdAt', NEW.createdAt, 'createdBy', NEW.createdBy));
            END;
            CREATE TRIGGER audit_scoringPolicy_update AFTER UPDATE ON scoringPolicy WHEN advocacy_audit('recording') AND (OLD.version IS NOT NEW.version OR OLD.document IS NOT NEW.document OR OLD.createdAt IS NOT NEW.createdAt OR OLD.createdBy IS NOT NEW.createdBy) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'scoringPolicy', NEW.version, json_object('version', OLD.version, 'document', OLD.document, 'createdAt', OLD.createdAt, 'createdBy', OLD.createdBy), json_object('version', NEW.version, 'document', NEW.document, 'createdAt', NEW.createdAt, 'createdBy', NEW.createdBy));
            END;
            CREATE TRIGGER audit_scoringPolicy_delete AFTER DELETE ON scoringPolicy WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'scoringPolicy', OLD.version, json_object('version', OLD.version, 'document', OLD.document, 'createdAt', OLD.createdAt, 'createdBy', OLD.createdBy), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'rewardItem', t.id, json_object('id', t.id, 'code', t.code, 'name', t.name, 'category', t.category, 'costCents', t.costCents, 'stock', t.stock, 'maxPerPerson', t.maxPerPerson, 'minTier', t.minTier, 'retiredAt', t.retiredAt, 'createdAt', t.createdAt) FROM rewardItem t;
            CREATE TRIGGER audit_rewardItem_insert AFTER INSERT ON rewardItem WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'rewardItem', NEW.id, NULL, json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'costCents', NEW.costCents, 'stock', NEW.stock, 'maxPerPerson', NEW.maxPerPerson, 'minTier', NEW.minTier, 'retiredAt', NEW.retiredAt, 'createdAt', NEW.createdAt));
            END;
            CREATE TRIGGER audit_rewardItem_update AFTER UPDATE ON rewardItem WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name OR OLD.category IS NOT NEW.category OR OLD.costCents IS NOT NEW.costCents OR OLD.stock IS NOT NEW.stock OR OLD.maxPerPerson IS NOT NEW.maxPerPerson OR OLD.minTier IS NOT NEW.minTier OR OLD.retiredAt IS NOT NEW.retiredAt OR OLD.createdAt IS NOT NEW.createdAt) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'rewardItem', NEW.id, json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'costCents', OLD.costCents, 'stock', OLD.stock, 'maxPerPerson', OLD.maxPerPerson, 'minTier', OLD.minTier, 'retiredAt', OLD.retiredAt, 'createdAt', OLD.createdAt), json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'category', NEW.category, 'costCents', NEW.costCents, 'stock', NEW.stock, 'maxPerPerson', NEW.maxPerPerson, 'minTier', NEW.minTier, 'retiredAt', NEW.retiredAt, 'createdAt', NEW.createdAt));
            END;
            CREATE TRIGGER audit_rewardItem_delete AFTER DELETE ON rewardItem WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'rewardItem', OLD.id, json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'category', OLD.category, 'costCents', OLD.costCents, 'stock', OLD.stock, 'maxPerPerson', OLD.maxPerPerson, 'minTier', OLD.minTier, 'retiredAt', OLD.retiredAt, 'createdAt', OLD.createdAt), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'rewardItemProject', t.itemId || '/' || t.projectId, json_object('itemId', t.itemId, 'projectId', t.projectId) FROM rewardItemProject t;
            CREATE TRIGGER audit_rewardItemProject_insert AFTER INSERT ON rewardItemProject WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'rewardItemProject', NEW.itemId || '/' || NEW.projectId, NULL, json_object('itemId', NEW.itemId, 'projectId', NEW.projectId));
            END;
            CREATE TRIGGER audit_rewardItemProject_update AFTER UPDATE ON rewardItemProject WHEN advocacy_audit('recording') AND (OLD.itemId IS NOT NEW.itemId OR OLD.projectId IS NOT NEW.projectId) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'rewardItemProject', NEW.itemId || '/' || NEW.projectId, json_object('itemId', OLD.itemId, 'projectId', OLD.projectId), json_object('itemId', NEW.itemId, 'projectId', NEW.projectId));
            END;
            CREATE TRIGGER audit_rewardItemProject_delete AFTER DELETE ON rewardItemProject WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'rewardItemProject', OLD.itemId || '/' || OLD.projectId, json_object('itemId', OLD.itemId, 'projectId', OLD.projectId), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'rewardBudget', t.period, json_object('period', t.period, 'periodStart', t.periodStart, 'periodEnd', t.periodEnd, 'amountCents', t.amountCents, 'setBy', t.setBy, 'setAt', t.setAt) FROM rewardBudget t;
            CREATE TRIGGER audit_rewardBudget_insert AFTER INSERT ON rewardBudget WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'rewardBudget', NEW.period, NULL, json_object('period', NEW.period, 'periodStart', NEW.periodStart, 'periodEnd', NEW.periodEnd, 'amountCents', NEW.amountCents, 'setBy', NEW.setBy, 'setAt', NEW.setAt));
            END;
            CREATE TRIGGER audit_rewardBudget_update AFTER UPDATE ON rewardBudget WHEN advocacy_audit('recording') AND (OLD.period IS NOT NEW.period OR OLD.periodStart IS NOT NEW.periodStart OR OLD.periodEnd IS NOT NEW.periodEnd OR OLD.amountCents IS NOT NEW.amountCents OR OLD.setBy IS NOT NEW.setBy OR OLD.setAt IS NOT NEW.setAt) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'rewardBudget', NEW.period, json_object('period', OLD.period, 'periodStart', OLD.periodStart, 'periodEnd', OLD.periodEnd, 'amountCents', OLD.amountCents, 'setBy', OLD.setBy, 'setAt', OLD.setAt), json_object('period', NEW.period, 'periodStart', NEW.periodStart, 'periodEnd', NEW.periodEnd, 'amountCents', NEW.amountCents, 'setBy', NEW.setBy, 'setAt', NEW.setAt));
            END;
            CREATE TRIGGER audit_rewardBudget_delete AFTER DELETE ON rewardBudget WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'rewardBudget', OLD.period, json_object('period', OLD.period, 'periodStart', OLD.periodStart, 'periodEnd', OLD.periodEnd, 'amountCents', OLD.amountCents, 'setBy', OLD.setBy, 'setAt', OLD.setAt), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'rewardWish', t.employeeId || '/' || t.rank, json_object('employeeId', t.employeeId, 'rank', t.rank, 'itemId', t.itemId, 'createdAt', t.createdAt) FROM rewardWish t;
            CREATE TRIGGER audit_rewardWish_insert AFTER INSERT ON rewardWish WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'rewardWish', NEW.employeeId || '/' || NEW.rank, NULL, json_object('employeeId', NEW.employeeId, 'rank', NEW.rank, 'itemId', NEW.itemId, 'createdAt', NEW.createdAt));
            END;
            CREATE TRIGGER audit_rewardWish_update AFTER UPDATE ON rewardWish WHEN advocacy_audit('recording') AND (OLD.employeeId IS NOT NEW.employeeId OR OLD.rank IS NOT NEW.rank OR OLD.itemId IS NOT NEW.itemId OR OLD.createdAt IS NOT NEW.createdAt) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'rewardWish', NEW.employeeId || '/' || NEW.rank, json_object('employeeId', OLD.employeeId, 'rank', OLD.rank, 'itemId', OLD.itemId, 'createdAt', OLD.createdAt), json_object('employeeId', NEW.employeeId, 'rank', NEW.rank, 'itemId', NEW.itemId, 'createdAt', NEW.createdAt));
            END;
            CREATE TRIGGER audit_rewardWish_delete AFTER DELETE ON rewardWish WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'rewardWish', OLD.employeeId || '/' || OLD.rank, json_object('employeeId', OLD.employeeId, 'rank', OLD.rank, 'itemId', OLD.itemId, 'createdAt', OLD.createdAt), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'rewardClearance', t.employeeId || '/' || t.period, json_object('employeeId', t.employeeId, 'period', t.period, 'note', t.note, 'clearedBy', t.clearedBy, 'clearedAt', t.clearedAt) FROM rewardClearance t;
            CREATE TRIGGER audit_rewardClearance_insert AFTER INSERT ON rewardClearance WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'rewardClearance', NEW.employeeId || '/' || NEW.period, NULL, json_object('employeeId', NEW.employeeId, 'period', NEW.period, 'note', NEW.note, 'clearedBy', NEW.clearedBy, 'clearedAt', NEW.clearedAt));
            END;
            CREATE TRIGGER audit_rewardClearance_update AFTER UPDATE ON rewardClearance WHEN advocacy_audit('recording') AND (OLD.employeeId IS NOT NEW.employeeId OR OLD.period IS NOT NEW.period OR OLD.note IS NOT NEW.note OR OLD.clearedBy IS NOT NEW.clearedBy OR OLD.clearedAt IS NOT NEW.clearedAt) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'rewardClearance', NEW.employeeId || '/' || NEW.period, json_object('employeeId', OLD.employeeId, 'period', OLD.period, 'note', OLD.note, 'clearedBy', OLD.clearedBy, 'clearedAt', OLD.clearedAt), json_object('employeeId', NEW.employeeId, 'period', NEW.period, 'note', NEW.note, 'clearedBy', NEW.clearedBy, 'clearedAt', NEW.clearedAt));
            END;
            CREATE TRIGGER audit_rewardClearance_delete AFTER DELETE ON rewardClearance WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'rewardClearance', OLD.employeeId || '/' || OLD.period, json_object('employeeId', OLD.employeeId, 'period', OLD.period, 'note', OLD.note, 'clearedBy', OLD.clearedBy, 'clearedAt', OLD.clearedAt), NULL);
            END;
            INSERT INTO auditEntry (at, operation, entity, entityId, after)
            SELECT advocacy_audit('now'), 'insert', 'rewardProposal', t.id, json_object('id', t.id, 'period', t.period, 'periodStart', t.periodStart, 'periodEnd', t.periodEnd, 'employeeId', t.employeeId, 'itemId', t.itemId, 'rewardCode', t.rewardCode, 'rewardName', t.rewardName, 'category', t.category, 'costCents', t.costCents, 'currency', t.currency, 'rank', t.rank, 'score', t.score, 'tier', t.tier, 'entitlementCents', t.entitlementCents, 'reason', t.reason, 'fromLeftover', t.fromLeftover, 'rationale', t.rationale, 'status', t.status, 'scoreRunId', t.scoreRunId, 'policyVersion', t.policyVersion, 'proposedBy', t.proposedBy, 'proposedAt', t.proposedAt, 'decidedBy', t.decidedBy, 'decidedAt', t.decidedAt, 'note', t.note, 'grantedBy', t.grantedBy, 'grantedAt', t.grantedAt) FROM rewardProposal t;
            CREATE TRIGGER audit_rewardProposal_insert AFTER INSERT ON rewardProposal WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'insert', 'rewardProposal', NEW.id, NULL, json_object('id', NEW.id, 'period', NEW.period, 'periodStart', NEW.periodStart, 'periodEnd', NEW.periodEnd, 'employeeId', NEW.employeeId, 'itemId', NEW.itemId, 'rewardCode', NEW.rewardCode, 'rewardName', NEW.rewardName, 'category', NEW.category, 'costCents', NEW.costCents, 'currency', NEW.currency, 'rank', NEW.rank, 'score', NEW.score, 'tier', NEW.tier, 'entitlementCents', NEW.entitlementCents, 'reason', NEW.reason, 'fromLeftover', NEW.fromLeftover, 'rationale', NEW.rationale, 'status', NEW.status, 'scoreRunId', NEW.scoreRunId, 'policyVersion', NEW.policyVersion, 'proposedBy', NEW.proposedBy, 'proposedAt', NEW.proposedAt, 'decidedBy', NEW.decidedBy, 'decidedAt', NEW.decidedAt, 'note', NEW.note, 'grantedBy', NEW.grantedBy, 'grantedAt', NEW.grantedAt));
            END;
            CREATE TRIGGER audit_rewardProposal_update AFTER UPDATE ON rewardProposal WHEN advocacy_audit('recording') AND (OLD.id IS NOT NEW.id OR OLD.period IS NOT NEW.period OR OLD.periodStart IS NOT NEW.periodStart OR OLD.periodEnd IS NOT NEW.periodEnd OR OLD.employeeId IS NOT NEW.employeeId OR OLD.itemId IS NOT NEW.itemId OR OLD.rewardCode IS NOT NEW.rewardCode OR OLD.rewardName IS NOT NEW.rewardName OR OLD.category IS NOT NEW.category OR OLD.costCents IS NOT NEW.costCents OR OLD.currency IS NOT NEW.currency OR OLD.rank IS NOT NEW.rank OR OLD.score IS NOT NEW.score OR OLD.tier IS NOT NEW.tier OR OLD.entitlementCents IS NOT NEW.entitlementCents OR OLD.reason IS NOT NEW.reason OR OLD.fromLeftover IS NOT NEW.fromLeftover OR OLD.rationale IS NOT NEW.rationale OR OLD.status IS NOT NEW.status OR OLD.scoreRunId IS NOT NEW.scoreRunId OR OLD.policyVersion IS NOT NEW.policyVersion OR OLD.proposedBy IS NOT NEW.proposedBy OR OLD.proposedAt IS NOT NEW.proposedAt OR OLD.decidedBy IS NOT NEW.decidedBy OR OLD.decidedAt IS NOT NEW.decidedAt OR OLD.note IS NOT NEW.note OR OLD.grantedBy IS NOT NEW.grantedBy OR OLD.grantedAt IS NOT NEW.grantedAt) BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'update', 'rewardProposal', NEW.id, json_object('id', OLD.id, 'period', OLD.period, 'periodStart', OLD.periodStart, 'periodEnd', OLD.periodEnd, 'employeeId', OLD.employeeId, 'itemId', OLD.itemId, 'rewardCode', OLD.rewardCode, 'rewardName', OLD.rewardName, 'category', OLD.category, 'costCents', OLD.costCents, 'currency', OLD.currency, 'rank', OLD.rank, 'score', OLD.score, 'tier', OLD.tier, 'entitlementCents', OLD.entitlementCents, 'reason', OLD.reason, 'fromLeftover', OLD.fromLeftover, 'rationale', OLD.rationale, 'status', OLD.status, 'scoreRunId', OLD.scoreRunId, 'policyVersion', OLD.policyVersion, 'proposedBy', OLD.proposedBy, 'proposedAt', OLD.proposedAt, 'decidedBy', OLD.decidedBy, 'decidedAt', OLD.decidedAt, 'note', OLD.note, 'grantedBy', OLD.grantedBy, 'grantedAt', OLD.grantedAt), json_object('id', NEW.id, 'period', NEW.period, 'periodStart', NEW.periodStart, 'periodEnd', NEW.periodEnd, 'employeeId', NEW.employeeId, 'itemId', NEW.itemId, 'rewardCode', NEW.rewardCode, 'rewardName', NEW.rewardName, 'category', NEW.category, 'costCents', NEW.costCents, 'currency', NEW.currency, 'rank', NEW.rank, 'score', NEW.score, 'tier', NEW.tier, 'entitlementCents', NEW.entitlementCents, 'reason', NEW.reason, 'fromLeftover', NEW.fromLeftover, 'rationale', NEW.rationale, 'status', NEW.status, 'scoreRunId', NEW.scoreRunId, 'policyVersion', NEW.policyVersion, 'proposedBy', NEW.proposedBy, 'proposedAt', NEW.proposedAt, 'decidedBy', NEW.decidedBy, 'decidedAt', NEW.decidedAt, 'note', NEW.note, 'grantedBy', NEW.grantedBy, 'grantedAt', NEW.grantedAt));
            END;
            CREATE TRIGGER audit_rewardProposal_delete AFTER DELETE ON rewardProposal WHEN advocacy_audit('recording') BEGIN
                INSERT INTO auditEntry (at, actorId, actorEmail, actorRole, operation, entity, entityId, before, after)
            VALUES (advocacy_audit('now'), advocacy_audit('actorId'), advocacy_audit('actorEmail'), advocacy_audit('actorRole'),
                    'delete', 'rewardProposal', OLD.id, json_object('id', OLD.id, 'period', OLD.period, 'periodStart', OLD.periodStart, 'periodEnd', OLD.periodEnd, 'employeeId', OLD.employeeId, 'itemId', OLD.itemId, 'rewardCode', OLD.rewardCode, 'rewardName', OLD.rewardName, 'category', OLD.category, 'costCents', OLD.costCents, 'currency', OLD.currency, 'rank', OLD.rank, 'score', OLD.score, 'tier', OLD.tier, 'entitlementCents', OLD.entitlementCents, 'reason', OLD.reason, 'fromLeftover', OLD.fromLeftover, 'rationale', OLD.rationale, 'status', OLD.status, 'scoreRunId', OLD.scoreRunId, 'policyVersion', OLD.policyVersion, 'proposedBy', OLD.proposedBy, 'proposedAt', OLD.proposedAt, 'decidedBy', OLD.decidedBy, 'decidedAt', OLD.decidedAt, 'note', OLD.note, 'grantedBy', OLD.grantedBy, 'grantedAt', OLD.grantedAt), NULL);
            END;

            """

        static var texts: [String] { [schema, trail] }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: schema)
            try db.execute(sql: trail)
        }
    }
}
