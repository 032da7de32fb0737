import AdvocacyCore
import Foundation
import GRDB

extension StoreTransaction {
    /// Checks the database: SQLite's own integrity and foreign keys, then the
    /// programme's rules that the schema alone cannot enforce.
    ///
    /// Every check runs on one read snapshot, so other processes may keep
    /// writing meanwhile and the report describes one moment. A check that
    /// cannot run (a damaged table) reports that as its problem; the others
    /// still run.
    public func checkReport() -> CheckReport {
        CheckReport(path: store.path, checks: AdvocacyStore.databaseChecks.map { $0.run(db) })
    }
}

extension AdvocacyStore {

    /// The checks `check` runs, in order.
    static let databaseChecks: [DatabaseCheck] = [
        DatabaseCheck(name: "integrity", about: "SQLite's structure check (PRAGMA integrity_check)", body: integrityProblems),
        DatabaseCheck(
            name: "foreign-keys", about: "every reference points at an existing row (PRAGMA foreign_key_check)",
            body: foreignKeyProblems),
        DatabaseCheck(
            name: "action-owners", about: "every action has an existing author and sits on a channel of that author",
            body: actionOwnerProblems),
        DatabaseCheck(
            name: "action-addresses", about: "every address is logged once, its stored hash is true and its guard triggers exist",
            body: addressProblems),
        DatabaseCheck(
            name: "action-facts", about: "the scoring summary (actionFact) matches the actions, row for row", body: factProblems),
        DatabaseCheck(
            name: "reward-budgets", about: "approved and granted rewards of a period stay within its budget", body: budgetProblems
        ),
        DatabaseCheck(
            name: "reward-stock", about: "approved and granted units of an item stay within its stock", body: stockProblems),
        DatabaseCheck(name: "active-admin", about: "the programme has at least one active admin", body: adminProblems),
        DatabaseCheck(name: "policy-versions", about: "every stored policy version can be read", body: policyProblems),
        DatabaseCheck(
            name: "audit-trail", about: "the audit trail, when present, refuses UPDATE and DELETE (its triggers exist)",
            body: auditProblems),
    ]

    // MARK: SQLite's own checks

    static func integrityProblems(_ db: Database, _ problems: inout CheckProblems) throws {
        let messages = try String.fetchAll(db, sql: "PRAGMA integrity_check(\(CheckResult.listedProblems))")
        guard messages != ["ok"] else { return }
        for message in messages { problems.add(message) }
    }

    static func foreignKeyProblems(_ db: Database, _ problems: inout CheckProblems) throws {
        let rows = try Row.fetchCursor(db, sql: "PRAGMA foreign_key_check")
        while let row = try rows.next() {
            let table: String = row[0], rowID: Int64? = row[1], parent: String = row[2]
            // WITHOUT ROWID tables (actionProject, rewardWish...) have no rowid to name.
            problems.add("\(rowID.map { "\(table) row \($0)" } ?? "a row of \(table)") refers to a missing \(parent) row")
        }
    }

    // MARK: Actions

    /// Address uniqueness rests on `urlHash` and two triggers (schema v6),
    /// which bulk loads set aside while they check the same themselves: this
    /// is the backstop that would show a load, or a hand edit, that did not.
    static func addressProblems(_ db: Database, _ problems: inout CheckProblems) throws {
        let guards = try Set(
            String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN ('action_url_insert', 'action_url_update')"
            ))
        for name in ["action_url_insert", "action_url_update"] where !guards.contains(name) {
            problems.add("the trigger \(name) is missing: a second action could be logged at an address")
        }
        let wrong = try Row.fetchCursor(
            db, sql: "SELECT id, url, urlHash FROM action WHERE urlHash IS NOT advocacy_url_hash(url) ORDER BY id")
        while let row = try wrong.next() {
            problems.add(
                "action \(row["id"] as Int64) (\(row["url"] as String)): its stored hash \(row["urlHash"] as Int64) is not its address's"
            )
        }
        let repeated = try Row.fetchCursor(
            db,
            sql: """
                SELECT url, group_concat(id, ', ') AS ids FROM (SELECT url, urlHash, id FROM action ORDER BY id)
                GROUP BY urlHash, url HAVING COUNT(*) > 1 ORDER BY MIN(id)
                """)
        while let row = try repeated.next() {
            problems.add("\(row["url"] as String) is logged more than once: actions \(row["ids"] as String)")
        }
    }

    static func actionOwnerProblems(_ db: Database, _ problems: inout CheckProblems) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.id, a.url, a.employeeId, a.channelId, e.id IS NOT NULL AS hasAuthor, c.id IS NOT NULL AS hasChannel,
                    c.employeeId AS channelOwner
                FROM action a
                LEFT JOIN employee e ON e.id = a.employeeId
                LEFT JOIN channel c ON c.id = a.channelId
                WHERE e.id IS NULL OR c.id IS NULL OR c.employeeId IS NOT a.employeeId
                ORDER BY a.id
                """)
        while let row = try rows.next() {
            let action = "action \(row["id"] as Int64) (\(row["url"] as String))"
            let author: Int64 = row["employeeId"], channel: Int64 = row["channelId"]
            if !(row["hasAuthor"] as Bool) { problems.add("\(action): its author, employee \(author), does not exist") }
            if !(row["hasChannel"] as Bool) {
                problems.add("\(action): its channel \(channel) does not exist")
            } else if let owner = row["channelOwner"] as Int64?, owner != author {
                problems.add(
                    "\(action): its channel \(channel) belongs to employee \(owner), not to its author, employee \(author)")
            }
        }
    }

    /// The columns of `actionFact`, in the order its stored rule (``StoredFactRule``) computes them.
    static let factCheckColumns = [
        "employeeId", "day", "actionId", "channelId", "channelKind", "kind", "effortHours", "contentFingerprint",
        "impressions", "reactions", "comments", "shares", "clicks", "followers", "strategicWeight", "review",
    ]

    /// The facts the triggers would write for the actions matching
    /// `condition`: the SELECT of the rule the file's own trigger holds, so
    /// the rule is stated once.
    static func expectedFacts(_ db: Database, where condition: String) throws -> String {
        try StoredFactRule.select(db, where: condition)
    }

    static func factProblems(_ db: Database, _ problems: inout CheckProblems) throws {
        let actions = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action") ?? 0
        let facts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM actionFact") ?? 0
        if actions != facts {
            problems.add("actionFact holds \(facts) row\(facts == 1 ? "" : "s") for \(actions) action\(actions == 1 ? "" : "s")")
        }

        let columns = factCheckColumns.joined(separator: ", ")
        let differing = try Int64.fetchCursor(
            db,
            sql: """
                WITH expected(\(columns)) AS (\(try expectedFacts(db, where: "1"))),
                    stored AS (SELECT \(columns) FROM actionFact)
                SELECT actionId FROM (SELECT * FROM expected EXCEPT SELECT * FROM stored)
                UNION
                SELECT actionId FROM (SELECT * FROM stored EXCEPT SELECT * FROM expected)
                ORDER BY actionId
                """)
        while let id = try differing.next() {
            guard problems.listsMore else {
                problems.countUnlisted()
                continue
            }
            let expected = try Row.fetchOne(db, sql: try expectedFacts(db, where: "a.id = \(id)"))
            let stored = try Row.fetchOne(db, sql: "SELECT \(columns) FROM actionFact WHERE actionId = ?", arguments: [id])
            let url = try String.fetchOne(db, sql: "SELECT url FROM action WHERE id = ?", arguments: [id])
            let action = "action \(id)\(url.map { " (\($0))" } ?? "")"
            switch (expected, stored) {
            case (_, nil):
                problems.add(url == nil ? "action \(id) has no fact and its channel is missing" : "\(action) has no fact")
            case (nil, _):
                problems.add(
                    url == nil
                        ? "a fact remains for action \(id), which does not exist"
                        : "\(action) has a fact but its channel is missing")
            case (let expected?, let stored?):
                let changed = factCheckColumns.indices.filter { expected[$0] as DatabaseValue != stored[$0] as DatabaseValue }
                let details = changed.map {
                    "\(factCheckColumns[$0]) \(stored[$0] as DatabaseValue), expected \(expected[$0] as DatabaseValue)"
                }
                problems.add("\(action): its fact differs (\(details.joined(separator: "; ")))")
            }
        }
    }

    // MARK: Rewards

    static func budgetProblems(_ db: Database, _ problems: inout CheckProblems) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.period, TOTAL(r.costCents) AS committed, b.amountCents AS budget, MIN(r.currency) AS currency,
                    COUNT(*) AS proposals, group_concat(r.id, ', ') AS ids
                FROM rewardProposal r LEFT JOIN rewardBudget b ON b.period = r.period
                WHERE r.status IN ('approved', 'granted')
                GROUP BY r.period
                HAVING b.amountCents IS NULL OR TOTAL(r.costCents) > b.amountCents
                ORDER BY r.period
                """)
        for row in rows {
            let period: String = row["period"], currency: String = row["currency"], count: Int = row["proposals"]
            let ids = idList(row["ids"], count: count)
            if let budget = row["budget"] as Int? {
                problems.add(
                    "\(period): approved and granted rewards come to \(Money.text(row["committed"], currency: currency)), above its budget of "
                        + "\(Money.text(budget, currency: currency)) (proposal\(count == 1 ? "" : "s") \(ids))")
            } else {
                problems.add(
                    "\(period): \(count) approved or granted reward\(count == 1 ? "" : "s") (proposal\(count == 1 ? "" : "s") \(ids)) but no budget"
                )
            }
        }
    }

    static func stockProblems(_ db: Database, _ problems: inout CheckProblems) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT i.id, i.code, i.stock, COUNT(*) AS given, group_concat(r.id, ', ') AS ids
                FROM rewardItem i JOIN rewardProposal r ON r.itemId = i.id AND r.status IN ('approved', 'granted')
                WHERE i.stock IS NOT NULL
                GROUP BY i.id
                HAVING COUNT(*) > i.stock
                ORDER BY i.code
                """)
        for row in rows {
            let given: Int = row["given"]
            problems.add(
                "\(row["code"] as String) (item \(row["id"] as Int64)): \(given) approved or granted, above its stock of \(row["stock"] as Int) "
                    + "(proposals \(idList(row["ids"], count: given)))")
        }
    }

    /// "4, 7, 9", or the first ten and how many more.
    static func idList(_ ids: String?, count: Int) -> String {
        let all = (ids ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.sorted {
            Int($0) ?? 0 < Int($1) ?? 0
        }
        return all.prefix(10).joined(separator: ", ") + (count > 10 ? " and \(count - 10) more" : "")
    }

    // MARK: The programme

    static func adminProblems(_ db: Database, _ problems: inout CheckProblems) throws {
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employee WHERE role = 'admin' AND isActive") == 0 {
            problems.add(
                "no active admin, so nobody may manage people and projects: register one with 'advocacy init --admin EMAIL --name NAME'"
            )
        }
    }

    static func policyProblems(_ db: Database, _ problems: inout CheckProblems) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT version, document FROM scoringPolicy ORDER BY version")
        if rows.isEmpty { problems.add("no policy version is stored: scores and rewards cannot be computed") }
        for row in rows {
            do {
                _ = try Policy(document: try PolicyValue.parseJSON(row["document"]))
            } catch {
                problems.add("version \(row["version"] as Int) cannot be read: \(error.localizedDescription)")
            }
        }
    }

    /// The audit trail is whichever tables are named `audit…`; each must
    /// have a BEFORE UPDATE and a BEFORE DELETE trigger that raises.
    static func auditProblems(_ db: Database, _ problems: inout CheckProblems) throws {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'audit%' ORDER BY name")
        let auditMigrations = try String.fetchAll(
            db, sql: "SELECT identifier FROM grdb_migrations WHERE identifier LIKE '%audit%' ORDER BY identifier")
        if tables.isEmpty, let migration = auditMigrations.first {
            problems.add("the migration \(migration) is applied, but no audit table exists")
        }
        for table in tables {
            let triggers = try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql IS NOT NULL",
                arguments: [table])
            for statement in ["UPDATE", "DELETE"] {
                let refuses = triggers.contains { sql in
                    sql.range(of: #"\bBEFORE\s+\#(statement)\b"#, options: [.regularExpression, .caseInsensitive]) != nil
                        && sql.range(
                            of: #"\bRAISE\s*\(\s*(ABORT|FAIL|ROLLBACK)"#, options: [.regularExpression, .caseInsensitive]) != nil
                }
                if !refuses { problems.add("\(table) has no trigger refusing \(statement): its rows could be changed") }
            }
        }
    }
}

/// One named check: a body that reports problems into a ``CheckProblems``.
struct DatabaseCheck: Sendable {
    var name: String
    var about: String
    var body: @Sendable (Database, inout CheckProblems) throws -> Void

    /// Runs the check; a check that cannot run reports why as its problem.
    func run(_ db: Database) -> CheckResult {
        var problems = CheckProblems()
        do {
            try body(db, &problems)
        } catch let error as DatabaseError {
            problems.add("could not run: \(error.message ?? "\(error.resultCode)")")
        } catch {
            problems.add("could not run: \(error.localizedDescription)")
        }
        return CheckResult(name: name, about: about, problems: problems.listed, problemCount: problems.count)
    }
}

/// The problems a check found: all of them counted, the first listed.
struct CheckProblems {
    private(set) var listed: [String] = []
    private(set) var count = 0

    /// Whether another problem would still be listed.
    var listsMore: Bool { listed.count < CheckResult.listedProblems }

    mutating func add(_ problem: String) {
        count += 1
        if listsMore { listed.append(problem) }
    }

    /// Counts a problem past the listed ones without working out its text.
    mutating func countUnlisted() { count += 1 }
}
