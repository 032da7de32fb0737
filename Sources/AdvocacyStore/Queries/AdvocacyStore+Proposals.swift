import AdvocacyCore
import Foundation
import GRDB
import GRDBSQLite

extension AdvocacyStore {
    // MARK: Proposing

    /// Replaces `run.period`'s proposals that are still only proposed by
    /// `run`'s (approved, rejected and granted ones stay), recording the
    /// score run they come from, proposed by `actor` at the store's clock.
    /// Returns the new proposals' ids, in the order of the allocation's
    /// proposals, and how many open proposals were replaced.
    static func replaceProposals(_ db: Database, with run: ProposalRun, by actor: EmailAddress, at stamp: String) throws -> (
        ids: [Int64], replaced: Int
    ) {
        let actorID = try Self.employeeID(db, actor)
        try db.execute(
            sql: """
                INSERT INTO scoreRun (policyVersion, command, periodStart, periodEnd, filters, people, ranBy, ranAt)
                VALUES (?, 'propose', ?, ?, '{}', ?, ?, ?)
                """,
            arguments: [
                run.policyVersion, run.window.lowerBound.description, run.window.upperBound.description, run.rankedPeople,
                actorID, stamp,
            ])
        let scoreRunID = db.lastInsertedRowID
        let period = run.period
        try db.execute(
            sql: "DELETE FROM rewardProposal WHERE period = ? AND status = 'proposed'", arguments: [period.description])
        let replaced = db.changesCount

        let insert = try db.makeStatement(
            sql: """
                INSERT INTO rewardProposal (period, periodStart, periodEnd, employeeId, itemId, rewardCode, rewardName, category,
                    costCents, currency, rank, score, tier, entitlementCents, reason, fromLeftover, rationale, scoreRunId,
                    policyVersion, proposedBy, proposedAt)
                SELECT ?, ?, ?, e.id, i.id, i.code, i.name, i.category, i.costCents, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                FROM employee e, rewardItem i WHERE e.email = ? AND i.code = ?
                """)
        var ids: [Int64] = []
        for proposal in run.allocation.proposals {
            // Every person proposed a reward has a score; a missing one would break the NOT NULL constraints.
            let score = run.people[proposal.email]
            try insert.execute(arguments: [
                period.description, period.start.description, period.end.description, run.currency, score?.rank, score?.score,
                score?.tier.rawValue, proposal.entitlementCents, proposal.reason.label, proposal.fromLeftover,
                proposal.rationale, scoreRunID, run.policyVersion, actorID, stamp, proposal.email.value,
                proposal.item.code.value,
            ])
            ids.append(db.lastInsertedRowID)
        }
        return (ids, replaced)
    }

    /// Each worked action's hours and author, at its id's place from the
    /// lowest action id: the tags, read in action order after the scoring,
    /// find their action without sorting a million of them first. Sixteen
    /// bytes an action, a third of the sorted list it replaces.
    private struct WorkedHours {
        let firstID: Int64
        private(set) var hours: [Double]
        private(set) var authors: [Int64]
        /// The lowest and highest action recorded: the only ones whose tags matter.
        private(set) var recorded: ClosedRange<Int64>?

        /// Room for the actions `ids` (nil: there are none).
        init(ids: ClosedRange<Int64>?) {
            firstID = ids?.lowerBound ?? 0
            let count = ids.map { Int($0.upperBound - $0.lowerBound) + 1 } ?? 0
            hours = Array(repeating: 0, count: count)
            authors = Array(repeating: 0, count: count)
        }

        mutating func record(_ action: Int64, by author: Int64, hours worked: Double) {
            let place = Int(action - firstID)
            hours[place] = worked
            authors[place] = author
            recorded = recorded.map { min($0.lowerBound, action)...max($0.upperBound, action) } ?? action...action
        }

        /// The hours of `action` and its author; zero hours when it was not worked in the window.
        func worked(_ action: Int64) -> (hours: Double, author: Int64) {
            let place = Int(action - firstID)
            guard place >= 0 && place < hours.count else { return (0, 0) }
            return (hours[place], authors[place])
        }
    }

    /// Everyone ranked over `window`, and each as a reward candidate: their
    /// score, hours by project, actions by kind, and whether the cio cleared
    /// their flags for `period`. The facts are read once: the tallies are
    /// made while scoring.
    static func rewardCandidates(
        _ db: Database, policy: Policy, period: Period, window: ClosedRange<LocalDate>
    ) throws -> (ranked: [PersonScore], candidates: [RewardCandidate]) {
        let effort = EffortRule(policy.scoring)
        // Two subqueries: SQLite reads one end of the index for a lone
        // min() or max(), but scans the table for both in one SELECT.
        let actionIDs = try Row.fetchOne(
            db, sql: "SELECT (SELECT min(actionId) FROM actionFact), (SELECT max(actionId) FROM actionFact)"
        ).flatMap { row in
            (row[0] as Int64?).map { $0...(row[1] as Int64) }
        }
        var worked = WorkedHours(ids: actionIDs)
        let people = try scoredPeople(db)
        // Tallies by person are arrays at the person's id, as the hours are below.
        let employeeSlots = Int(people.keys.max() ?? 0) + 1
        var kindCounts = Array(repeating: [Int](), count: employeeSlots)
        let scored = try scores(db, policy: policy.scoring, window: window, filter: RankingFilter(), people: people) {
            employee, facts in
            // Kinds by position in `allCases`: hashing each kind's name cost more than the count.
            if kindCounts[Int(employee)].isEmpty {
                kindCounts[Int(employee)] = Array(repeating: 0, count: ActionKind.allCases.count)
            }
            kindCounts[Int(employee)][facts.kind.index] += 1
            let hours = effort.hours(facts)
            if hours != 0 { worked.record(facts.id, by: employee, hours: hours) }
        }
        let ranked = Ranking.rank(scored)
        let projectCodes = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, code FROM project").map {
                (row: Row) in (row[0] as Int64, ProjectCode(alreadyValid: row[1]))
            })
        // Summed by project id in a short list per person (most work on a
        // few projects), at the person's id, and named once per person:
        // hashing the code of each of a million tags, or even the pair of
        // ids, cost more than the sum.
        var hoursByID = Array(repeating: [(project: Int64, hours: Double)](), count: employeeSlots)
        if let recorded = worked.recorded {
            let tags = try db.makeStatement(sql: "SELECT actionId, projectId FROM actionProject WHERE actionId BETWEEN ? AND ?")
            let rows = try Row.fetchCursor(tags, arguments: [recorded.lowerBound, recorded.upperBound])
            let raw = tags.sqliteStatement
            while try rows.next() != nil {
                let (hours, author) = worked.worked(sqlite3_column_int64(raw, 0))
                guard hours != 0 else { continue }
                let project = sqlite3_column_int64(raw, 1)
                if let place = hoursByID[Int(author)].firstIndex(where: { $0.project == project }) {
                    hoursByID[Int(author)][place].hours += hours
                } else {
                    hoursByID[Int(author)].append((project, hours))
                }
            }
        }
        let cleared = try Set(
            String.fetchAll(
                db, sql: "SELECT e.email FROM rewardClearance c JOIN employee e ON e.id = c.employeeId WHERE c.period = ?",
                arguments: [period.description]
            ).map { EmailAddress(alreadyValid: $0) })
        let ids = Dictionary(uniqueKeysWithValues: people.map { id, person in (person.email, id) })
        let candidates = ranked.map { score in
            let email = score.person.email
            let slot = Int(ids[email] ?? 0)
            // Every tag names a project (a foreign key that restricts deletion).
            let hours = Dictionary(
                uniqueKeysWithValues: hoursByID[slot].compactMap { sum in projectCodes[sum.project].map { ($0, sum.hours) } })
            let kinds = Dictionary(uniqueKeysWithValues: zip(ActionKind.allCases, kindCounts[slot]).filter { $0.1 > 0 })
            return RewardCandidate(score: score, hoursByProject: hours, actionsByKind: kinds, cleared: cleared.contains(email))
        }

        return (ranked, candidates)
    }

    /// Every wish for an item still offered, by person, in their order of preference.
    ///
    /// Read by column position: one person in five has wishes, and reading
    /// 15,000 rows by column name cost more than the query.
    static func wishes(_ db: Database) throws -> [EmailAddress: [RewardCode]] {
        var wishes: [EmailAddress: [RewardCode]] = [:]
        let wished = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.email, i.code FROM rewardWish w JOIN employee e ON e.id = w.employeeId JOIN rewardItem i ON i.id = w.itemId
                WHERE i.retiredAt IS NULL ORDER BY e.email, w.rank
                """)
        while let row = try wished.next() {
            wishes[EmailAddress(alreadyValid: row[0]), default: []].append(RewardCode(alreadyValid: row[1]))
        }
        return wishes
    }

    /// The rewards approved or granted in any period, and those rejected in `period`.
    static func pastDecisions(_ db: Database, proposing period: Period) throws -> [PastDecision] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT e.email, i.code, r.category, r.costCents, r.status, r.period, r.periodEnd
                FROM rewardProposal r JOIN employee e ON e.id = r.employeeId JOIN rewardItem i ON i.id = r.itemId
                WHERE r.status IN ('approved', 'granted') OR (r.status = 'rejected' AND r.period = ?)
                """, arguments: [period.description]
        ).map { row in
            PastDecision(
                email: EmailAddress(alreadyValid: row["email"]), code: RewardCode(alreadyValid: row["code"]),
                category: try decode(row["category"]), costCents: row["costCents"], status: try decode(row["status"]),
                period: row["period"], periodEnd: try date(row["periodEnd"]))
        }
    }

    // MARK: Listing and export

    static func proposals(
        _ db: Database, period: Period?, statuses: Set<RewardStatus>?, only email: EmailAddress?, ids: [Int64]? = nil
    ) throws -> [RewardProposalRecord] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let period {
            conditions.append("r.period = ?")
            arguments.append(period.description)
        }
        if let statuses {
            conditions.append("r.status IN (\(statuses.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")))")
        }
        if let email {
            conditions.append("e.email = ?")
            arguments.append(email.value)
        }
        if let ids {
            conditions.append("r.id IN (\(ids.map(String.init).joined(separator: ", ")))")
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.id, r.period, e.hrId, e.email, e.fullName, e.team, r.rank, r.score, r.rewardCode, r.rewardName, r.category,
                    r.costCents, r.currency, r.status, r.reason, r.fromLeftover, r.rationale, r.note, r.decidedAt,
                    (SELECT email FROM employee WHERE id = r.decidedBy) AS decidedByEmail
                FROM rewardProposal r JOIN employee e ON e.id = r.employeeId
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY r.periodEnd DESC, r.periodStart DESC, r.rank, r.id
                """,
            arguments: StatementArguments(arguments))
        return try rows.map { row in
            let status: RewardStatus = try decode(row["status"])
            let approved = status == .approved || status == .granted
            return RewardProposalRecord(
                id: row["id"], period: row["period"], hrId: row["hrId"], email: EmailAddress(alreadyValid: row["email"]),
                name: row["fullName"], team: row["team"], rank: row["rank"], score: row["score"],
                rewardCode: RewardCode(alreadyValid: row["rewardCode"]), rewardName: row["rewardName"],
                category: try decode(row["category"]),
                costCents: row["costCents"], currency: row["currency"], status: status, reason: try reason(row["reason"]),
                fromLeftover: row["fromLeftover"], rationale: row["rationale"],
                approvedBy: approved ? (row["decidedByEmail"] as String?).map { EmailAddress(alreadyValid: $0) } : nil,
                approvedAt: approved ? row["decidedAt"] : nil, note: row["note"])
        }
    }

    static func reason(_ label: String) throws -> ProposalReason {
        guard let reason = ProposalReason(label: label) else {
            throw StoreError.constraintViolated("unexpected proposal reason '\(label)'")
        }
        return reason
    }

    /// The longest note kept with a decision or a clearance, in characters.
    public static let noteLimit = 1_000

    static func decide(
        _ db: Database, _ ids: [Int64], to status: RewardStatus, note: String?, by actor: Actor, now: Date,
        check: (Database, Int64, RewardPolicy) throws -> Void
    ) throws -> [RewardProposalRecord] {
        // The same id twice means once.
        let ids = ids.reduce(into: [Int64]()) { unique, id in if !unique.contains(id) { unique.append(id) } }
        let actorID = try Self.employeeID(db, actor.email)
        let stamp = Self.timestamp(now)
        let policy = try Self.currentPolicy(db).policy.rewards
        let note = try TextField.optional(note, field: "note", limit: Self.noteLimit)
        for id in ids {
            guard let stored = try String.fetchOne(db, sql: "SELECT status FROM rewardProposal WHERE id = ?", arguments: [id])
            else {
                throw StoreError.unknownProposal(id)
            }
            let current: RewardStatus = try Self.decode(stored)
            guard RewardStatus.sources(of: status).contains(current) else {
                throw StoreError.proposalTransition(id: id, status: current, to: status)
            }
            if status == .granted {
                try db.execute(
                    sql:
                        "UPDATE rewardProposal SET status = 'granted', grantedBy = ?, grantedAt = ?, note = COALESCE(?, note) WHERE id = ?",
                    arguments: [actorID, stamp, note, id])
            } else {
                try db.execute(
                    sql:
                        "UPDATE rewardProposal SET status = ?, decidedBy = ?, decidedAt = ?, note = COALESCE(?, note) WHERE id = ?",
                    arguments: [status.rawValue, actorID, stamp, note, id])
            }
            // Checked after the update, so each approval counts the ones before it.
            try check(db, id, policy)
        }
        return try Self.proposals(db, period: nil, statuses: nil, only: nil, ids: ids)
    }

    /// What an approval must still respect: the item is in the catalogue,
    /// in stock, within the person's yearly limits and the period's budget.
    static func checkApproval(_ db: Database, id: Int64, policy: RewardPolicy) throws {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT r.employeeId, r.itemId, r.category, r.period, r.periodEnd, r.rewardCode, i.retiredAt, i.stock, i.maxPerPerson,
                        (SELECT amountCents FROM rewardBudget WHERE period = r.period) AS budget
                    FROM rewardProposal r JOIN rewardItem i ON i.id = r.itemId WHERE r.id = ?
                    """, arguments: [id])
        else { throw StoreError.unknownProposal(id) }
        let code = RewardCode(alreadyValid: row["rewardCode"])
        let currency = policy.currency
        if (row["retiredAt"] as String?) != nil {
            throw StoreError.approvalBlocked(id: id, reason: "\(code) was removed from the catalogue")
        }
        let given =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM rewardProposal WHERE itemId = ? AND status IN ('approved', 'granted')",
                arguments: [row["itemId"] as Int64]) ?? 0
        if let stock = row["stock"] as Int?, given > stock {
            throw StoreError.approvalBlocked(id: id, reason: "\(code) has no stock left (\(stock) approved or granted already)")
        }
        let year = String((row["periodEnd"] as String).prefix(4))
        let sameYear = "employeeId = ? AND substr(periodEnd, 1, 4) = ? AND status IN ('approved', 'granted')"
        if let most = row["maxPerPerson"] as Int? {
            let count =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM rewardProposal WHERE itemId = ? AND \(sameYear)",
                    arguments: [row["itemId"] as Int64, row["employeeId"] as Int64, year]) ?? 0
            if count > most {
                throw StoreError.approvalBlocked(id: id, reason: "\(code) is limited to \(most) per person a year")
            }
        }
        let category: RewardCategory = try decode(row["category"])
        if let cap = policy.yearlyCap(category) {
            let spent =
                try Int.fetchOne(
                    db, sql: "SELECT TOTAL(costCents) FROM rewardProposal WHERE category = ? AND \(sameYear)",
                    arguments: [category.rawValue, row["employeeId"] as Int64, year]) ?? 0
            if spent > cap {
                throw StoreError.approvalBlocked(
                    id: id,
                    reason:
                        "it would bring this person's \(category.rawValue) rewards in \(year) to \(Money.text(spent, currency: currency)), above the yearly cap of \(Money.text(cap, currency: currency))"
                )
            }
        }
        let committed = try committedCents(db, period: row["period"])
        guard let budget = row["budget"] as Int? else { throw StoreError.noBudget(period: row["period"]) }
        if committed > budget {
            throw StoreError.approvalBlocked(
                id: id,
                reason:
                    "approvals in \(row["period"] as String) would reach \(Money.text(committed, currency: currency)), above its budget of \(Money.text(budget, currency: currency))"
            )
        }
    }
}

extension StoreTransaction {
    /// The reward budget set for `period`.
    ///
    /// - Throws: ``StoreError/noBudget(period:)`` when HR has set none.
    public func rewardBudget(_ period: Period) throws -> Int {
        guard
            let budget = try Int.fetchOne(
                db, sql: "SELECT amountCents FROM rewardBudget WHERE period = ?", arguments: [period.description])
        else { throw StoreError.noBudget(period: period.description) }
        return budget
    }

    /// Everyone ranked over `window`, and each as a reward candidate for
    /// `period`: score, hours by project, actions by kind, and clearance.
    public func rewardCandidates(policy: Policy, period: Period, window: ClosedRange<LocalDate>) throws -> (
        ranked: [PersonScore], candidates: [RewardCandidate]
    ) {
        try AdvocacyStore.rewardCandidates(db, policy: policy, period: period, window: window)
    }

    /// The catalogue's items still offered, with their projects.
    public func rewardItems(currency: String) throws -> [RewardItem] {
        try AdvocacyStore.catalogue(db, currency: currency).map(\.item)
    }

    /// Every wish for an item still offered, by person, in their order of preference.
    public func wishes() throws -> [EmailAddress: [RewardCode]] {
        try AdvocacyStore.wishes(db)
    }

    /// The rewards approved or granted in any period, and those rejected in `period`.
    public func pastDecisions(proposing period: Period) throws -> [PastDecision] {
        try AdvocacyStore.pastDecisions(db, proposing: period)
    }

    /// Replaces the period's open proposals by `run`'s, proposed by `actor`
    /// now; returns their ids (in the allocation's order) and how many open
    /// proposals were replaced.
    public func replaceProposals(with run: ProposalRun, by actor: EmailAddress) throws -> (ids: [Int64], replaced: Int) {
        try AdvocacyStore.replaceProposals(db, with: run, by: actor, at: AdvocacyStore.timestamp(store.now()))
    }
}

extension StoreTransaction {
    /// Proposals matching `period` and `statuses` (any when nil), only
    /// `email`'s when given, newest period first then by rank.
    public func rewardProposals(period: Period?, statuses: Set<RewardStatus>?, only email: EmailAddress?) throws
        -> [RewardProposalRecord]
    {
        try AdvocacyStore.proposals(db, period: period, statuses: statuses, only: email)
    }

    /// Approves proposed rewards, all of them or none. Stock, the period's
    /// budget and the yearly caps are checked again, since other periods may
    /// have been approved since the proposal was made.
    public func approveProposals(_ ids: [Int64], note: String?, by actor: Actor) throws -> [RewardProposalRecord] {
        try AdvocacyStore.decide(db, ids, to: .approved, note: note, by: actor, now: store.now()) { db, id, policy in
            try AdvocacyStore.checkApproval(db, id: id, policy: policy)
        }
    }

    /// Rejects proposed or approved (not yet granted) rewards, with a note saying why.
    public func rejectProposals(_ ids: [Int64], note: String, by actor: Actor) throws -> [RewardProposalRecord] {
        try AdvocacyStore.decide(db, ids, to: .rejected, note: note, by: actor, now: store.now()) { _, _, _ in }
    }

    /// Marks approved rewards as granted: handed over. A wish for the item
    /// granted is fulfilled and goes.
    public func grantProposals(_ ids: [Int64], note: String? = nil, by actor: Actor) throws -> [RewardProposalRecord] {
        try AdvocacyStore.decide(db, ids, to: .granted, note: note, by: actor, now: store.now()) { db, id, _ in
            try db.execute(
                sql:
                    "DELETE FROM rewardWish WHERE (employeeId, itemId) = (SELECT employeeId, itemId FROM rewardProposal WHERE id = ?)",
                arguments: [id])
        }
    }
}

extension StoreTransaction {
    /// Whom the proposals `ids` reward, and their role, for a decision's
    /// separation of duties (an id that does not exist is left out: deciding
    /// on it says so).
    public func proposalPeople(_ ids: [Int64]) throws -> [(subject: String, email: EmailAddress, role: Role)] {
        try ids.compactMap { id in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT e.email, e.role FROM rewardProposal r JOIN employee e ON e.id = r.employeeId WHERE r.id = ?",
                    arguments: [id])
            else { return nil }
            return ("reward proposal \(id)", EmailAddress(alreadyValid: row[0]), try AdvocacyStore.decode(row[1]) as Role)
        }
    }
}
