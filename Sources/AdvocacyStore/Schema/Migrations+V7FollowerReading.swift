import GRDB

extension Migrations {
    /// Follower counts are read channel by channel for every ranking (the
    /// audience at the end of the period, and follower spikes). The unique
    /// index on `(channelId, date)` finds each count, but SQLite then looked
    /// up every count's row in the table for `followers`: at 730,000 counts
    /// that was a third of the reading. This index holds the count too, so
    /// the reading never leaves it.
    enum V7FollowerReading: ShippedMigration {
        // FROZEN: shipped in a release. Never edit this migration, not even its
        // comments inside the SQL (a digest test fails): add a new one instead.
        static let identifier = "v7-follower-reading"

        static let schema = "CREATE INDEX followerSnapshot_reading ON followerSnapshot(channelId, date, followers)"

        static var texts: [String] { [schema] }

        static func migrate(_ db: Database) throws {
            try db.execute(sql: schema)
        }
    }
}
