import AdvocacyCore
import Foundation
import GRDB

/// The purge's audit entry: what went, and from before which day.
private struct PurgeRecord: Encodable {
    var olderThan: String
    var cutoff: String
    var actions, metricsSnapshots, projectLinks, followerSnapshots: Int

    init(_ summary: PurgeSummary) {
        olderThan = summary.olderThan
        cutoff = summary.cutoff.description
        (actions, metricsSnapshots, projectLinks, followerSnapshots) =
            (summary.actions, summary.metricsSnapshots, summary.projectLinks, summary.followerSnapshots)
    }
}

extension AdvocacyStore {
    /// Removes what is older than the retention period: actions
    /// published before the cutoff with their metrics snapshots and project
    /// links, and follower counts taken before it, except each channel's
    /// last count before the cutoff, which is still its audience on that
    /// day. One transaction, recorded as one audit entry; with `dryRun`,
    /// only counts. `authorize` decides, inside the transaction, whether
    /// the acting person may.
    public func purge(
        olderThan retention: RetentionPeriod, today: LocalDate, dryRun: Bool, by actorEmail: EmailAddress,
        authorize: (Actor) throws -> Void
    ) throws -> PurgeSummary {
        let cutoff = retention.cutoff(today: today)
        var summary = PurgeSummary(
            olderThan: retention.description, cutoff: cutoff, actions: 0, metricsSnapshots: 0, projectLinks: 0,
            followerSnapshots: 0,
            dryRun: dryRun)
        let oldActions = "SELECT id FROM action WHERE publishedOn < :cutoff"
        // Counts before the cutoff that are not their channel's last one before it.
        let oldCounts = """
            SELECT f.id FROM followerSnapshot f
            WHERE f.date < :cutoff
              AND f.date < (SELECT MAX(date) FROM followerSnapshot l WHERE l.channelId = f.channelId AND l.date < :cutoff)
            """
        let arguments: StatementArguments = ["cutoff": cutoff.description]
        func count(_ db: Database) throws {
            func number(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
            summary.actions = try number("SELECT COUNT(*) FROM action WHERE publishedOn < :cutoff")
            summary.metricsSnapshots = try number("SELECT COUNT(*) FROM metricsSnapshot WHERE actionId IN (\(oldActions))")
            summary.projectLinks = try number("SELECT COUNT(*) FROM actionProject WHERE actionId IN (\(oldActions))")
            summary.followerSnapshots = try number("SELECT COUNT(*) FROM followerSnapshot WHERE id IN (\(oldCounts))")
        }
        if dryRun {
            try read { db in
                try authorize(try Self.actor(db, actorEmail))
                try count(db)
            }
            return summary
        }
        try secureWrite(by: actorEmail, authorize: authorize) { db in
            try count(db)
            guard summary.actions + summary.followerSnapshots > 0 else { return }
            // One entry for the purge: an entry per row would copy the old rows into the trail.
            try audit.withoutRecording {
                // The summary's triggers would refresh every action of a channel per count removed.
                let triggers = try SuspendedTriggers(db, on: ["action", "metricsSnapshot", "actionProject", "followerSnapshot"])
                let channels = Set(
                    try Int64.fetchAll(
                        db, sql: "SELECT DISTINCT channelId FROM followerSnapshot WHERE id IN (\(oldCounts))",
                        arguments: arguments))
                try db.execute(sql: "DELETE FROM actionFact WHERE actionId IN (\(oldActions))", arguments: arguments)
                try db.execute(sql: "DELETE FROM metricsSnapshot WHERE actionId IN (\(oldActions))", arguments: arguments)
                try db.execute(sql: "DELETE FROM actionProject WHERE actionId IN (\(oldActions))", arguments: arguments)
                try db.execute(sql: "DELETE FROM action WHERE publishedOn < :cutoff", arguments: arguments)
                try db.execute(sql: "DELETE FROM followerSnapshot WHERE id IN (\(oldCounts))", arguments: arguments)
                try triggers.restore(db, refreshingActions: [], channels: channels)
            }
            try Self.recordBulk(db, entity: "programme", entityId: "purge", after: PurgeRecord(summary))
        } afterCommit: { db in
            // Freed pages are zeroed (secure_delete); the log's old copies go too.
            _ = try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return summary
    }
}
