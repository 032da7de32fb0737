import GRDB

/// The `actionFact` rule as the database holds it: the INSERT inside the
/// trigger `actionFact_action_insert`, which `v2-scoring` wrote.
///
/// The code that computes facts outside the triggers (an import, which sets
/// them aside, and `check`, which compares) reads the rule from there
/// rather than building its own copy of the SQL, so it always applies the
/// rule the file's migrations made: if a later migration changes the
/// triggers, both follow.
enum StoredFactRule {
    static let trigger = "actionFact_action_insert"
    /// How the stored rule picks the action it computes, replaced by the caller's condition.
    static let storedCondition = "WHERE a.id = NEW.id"

    /// `INSERT INTO actionFact (...) SELECT ...` for the actions matching
    /// `condition` (on `a`, the action; `c`, its channel).
    static func insert(_ db: Database, where condition: String) throws -> String {
        guard
            let sql = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: [trigger])
        else {
            throw try failure(db, "its trigger \(trigger), which holds the rule of actionFact, is missing; restore a backup")
        }
        guard let begin = sql.range(of: " BEGIN"), let end = sql.range(of: "END", options: .backwards),
            begin.upperBound < end.lowerBound
        else { throw try failure(db, "its trigger \(trigger) has an unexpected shape") }
        var body = sql[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        if body.hasSuffix(";") { body.removeLast() }
        guard body.hasPrefix("INSERT INTO actionFact"), body.hasSuffix(storedCondition) else {
            throw try failure(db, "its trigger \(trigger) has an unexpected shape")
        }
        return body.dropLast(storedCondition.count) + "WHERE " + condition
    }

    /// The SELECT of ``insert(_:where:)``: the facts the triggers would write, one row per action.
    static func select(_ db: Database, where condition: String) throws -> String {
        let insert = try insert(db, where: condition)
        guard let select = insert.range(of: "SELECT ") else {
            throw try failure(db, "its trigger \(trigger) has an unexpected shape")
        }
        return String(insert[select.lowerBound...])
    }

    private static func failure(_ db: Database, _ reason: String) throws -> StoreError {
        let file = try String.fetchOne(db, sql: "SELECT file FROM pragma_database_list WHERE name = 'main'") ?? ""
        return StoreError.databaseFailure(path: file.isEmpty ? ":memory:" : file, reason: reason)
    }
}

extension Migrations {
    /// A channel's followers on a day: the nearest count at or before it,
    /// else the earliest known (the rule of `FollowerHistory.audience(at:in:)`),
    /// for queries that read one channel's audience (ranking).
    ///
    /// Run-time SQL, called by no migration: the `actionFact` triggers hold
    /// their own copy, written out in `v2-scoring`; a test checks that they
    /// still say the same.
    static func followers(channel: String, on day: String) -> String {
        """
        COALESCE(
            (SELECT followers FROM followerSnapshot WHERE channelId = \(channel) AND date <= \(day) ORDER BY date DESC LIMIT 1),
            (SELECT followers FROM followerSnapshot WHERE channelId = \(channel) ORDER BY date LIMIT 1))
        """
    }
}
