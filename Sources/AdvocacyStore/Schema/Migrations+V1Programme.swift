import GRDB

extension Migrations {
    /// The programme: people, their channels and follower counts, projects,
    /// actions with their project tags and metrics.
    enum V1Programme: ShippedMigration {
        // FROZEN: shipped in a release. Never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v1-programme"

        static let schema = """
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
            """

        static var texts: [String] { [schema] }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: schema)
        }
    }
}
