import GRDB

extension Migrations {
    /// The record of the data upgrades applied (``DataUpgrade``): each one
    /// runs once, after the migrations, and says here what it changed.
    enum V8DataUpgrades: ShippedMigration {
        // FROZEN once shipped: never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v8-data-upgrades"

        static let schema = """
            CREATE TABLE dataUpgrade (
                number INTEGER PRIMARY KEY CHECK (number >= 1),
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                appliedAt TEXT NOT NULL,               -- ISO 8601, UTC
                summary TEXT NOT NULL                  -- what it changed, for people
            );

            -- A record of what was done to the data: kept as it was written.
            CREATE TRIGGER dataUpgrade_no_update BEFORE UPDATE ON dataUpgrade BEGIN
                SELECT RAISE(ABORT, 'the record of data upgrades cannot be changed');
            END;
            """

        static var texts: [String] { [schema] }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: schema)
        }
    }
}
