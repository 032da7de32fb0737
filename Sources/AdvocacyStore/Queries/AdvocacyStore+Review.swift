import AdvocacyCore
import Foundation
import GRDB
import GRDBSQLite

extension StoreTransaction {
    /// An action of a period: who wrote it and the engagement it drew.
    public struct ActionEngagement: Sendable {
        public var action: Int64
        public var employee: Int64
        public var engagement: Double

        public init(action: Int64, employee: Int64, engagement: Double) {
            self.action = action
            self.employee = employee
            self.engagement = engagement
        }
    }

    /// Each project's actions, advocates and engagement among `actions` (a
    /// period's, in `window`): the projects with actions, and the projects
    /// running in the window that nobody spoke for (its gaps).
    public func coverage(of actions: [ActionEngagement], in window: ClosedRange<LocalDate>) throws -> [ProjectCoverage] {
        try AdvocacyStore.coverage(db, of: actions, in: window)
    }

    /// The reward budgets set for `period` or for periods within it, added
    /// up (a year's is the sum of its quarters'); nil when there is none.
    public func budgetCents(within period: Period) throws -> Int? {
        try Int.fetchOne(
            db, sql: "SELECT SUM(amountCents) FROM rewardBudget WHERE periodStart >= ? AND periodEnd <= ?",
            arguments: [period.start.description, period.end.description])
    }

    /// The reward proposals of `period` or of periods within it, by category, then status.
    public func rewardTallies(within period: Period) throws -> [RewardTally] {
        try AdvocacyStore.rewardTallies(db, within: period)
    }
}

extension AdvocacyStore {
    /// Each project's actions, advocates and engagement among `actions`, the
    /// period's: projects with actions, and active projects already started.
    static func coverage(
        _ db: Database, of actions: [StoreTransaction.ActionEngagement], in window: ClosedRange<LocalDate>
    ) throws
        -> [ProjectCoverage]
    {
        var totals: [Int64: (actions: Int, advocates: Set<Int64>, engagement: Double)] = [:]
        try forEachProject(of: actions.sorted { $0.action < $1.action }, id: \.action, db) { action, project in
            // Modified in place: copying the tuple out would copy its set each time.
            totals[project, default: (0, [], 0)].actions += 1
            totals[project, default: (0, [], 0)].advocates.insert(action.employee)
            totals[project, default: (0, [], 0)].engagement += action.engagement
        }
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, code, name, strategicWeight, status, startDate, endDate FROM project ORDER BY code")
        return try rows.compactMap { row in
            let project = Project(
                code: ProjectCode(alreadyValid: row["code"]), name: row["name"], weight: row["strategicWeight"],
                status: try decode(row["status"]), start: try (row["startDate"] as String?).map(date),
                end: try (row["endDate"] as String?).map(date))
            let total = totals[row["id"]]
            let running = project.isRunning(during: window)
            guard total != nil || running else { return nil }
            return ProjectCoverage(
                project: project, actions: total?.actions ?? 0, advocates: total?.advocates.count ?? 0,
                engagement: total?.engagement ?? 0, isGap: running && total == nil)
        }
    }

    /// Calls `body` with each action of `actions` (sorted by `id`) and each
    /// project it is tagged with: a merge with `actionProject` read in its
    /// own key order. Joining in SQL (an index search per action, then a
    /// grouped count) took 1.9 s at a million actions, this 0.3 s.
    static func forEachProject<Action>(
        of actions: [Action], id: (Action) -> Int64, _ db: Database, _ body: (Action, _ projectID: Int64) -> Void
    ) throws {
        guard let first = actions.first.map(id), let last = actions.last.map(id) else { return }
        let statement = try db.makeStatement(
            sql: "SELECT actionId, projectId FROM actionProject WHERE actionId BETWEEN ? AND ? ORDER BY actionId")
        let rows = try Row.fetchCursor(statement, arguments: [first, last])
        let raw = statement.sqliteStatement
        var index = 0
        while try rows.next() != nil {
            let actionID = sqlite3_column_int64(raw, 0)
            while index < actions.count && id(actions[index]) < actionID { index += 1 }
            guard index < actions.count, id(actions[index]) == actionID else { continue }
            body(actions[index], sqlite3_column_int64(raw, 1))
        }
    }

    static func rewardTallies(_ db: Database, within period: Period) throws -> [RewardTally] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT category, status, COUNT(*) AS count, SUM(costCents) AS cost FROM rewardProposal
                WHERE periodStart >= ? AND periodEnd <= ? GROUP BY category, status
                """,
            arguments: [period.start.description, period.end.description])
        return try rows.map { row in
            RewardTally(
                category: try decode(row["category"]), status: try decode(row["status"]), count: row["count"],
                costCents: row["cost"])
        }.sorted {
            ($0.category, RewardStatus.allCases.firstIndex(of: $0.status) ?? 0) < (
                $1.category, RewardStatus.allCases.firstIndex(of: $1.status) ?? 0
            )
        }
    }
}
