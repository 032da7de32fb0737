import AdvocacyCore
import Foundation
import GRDB

extension AdvocacyStore {
    // MARK: Catalogue

    /// The currency of every amount, from the policy in force.
    static func currency(_ db: Database) throws -> String { try currentPolicy(db).policy.rewards.currency }

    /// What is approved or granted in `period`.
    static func committedCents(_ db: Database, period: String) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT TOTAL(costCents) FROM rewardProposal WHERE period = ? AND status IN ('approved', 'granted')",
            arguments: [period]) ?? 0
    }

    /// Every current (not retired) item with its committed units.
    static func catalogue(_ db: Database, currency: String, code: RewardCode? = nil) throws -> [CatalogueEntry] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT i.code, i.name, i.category, i.costCents, i.stock, i.maxPerPerson, i.minTier,
                    (SELECT group_concat(p.code, ' ') FROM rewardItemProject ip JOIN project p ON p.id = ip.projectId WHERE ip.itemId = i.id)
                        AS projects,
                    (SELECT COUNT(*) FROM rewardProposal r WHERE r.itemId = i.id AND r.status IN ('approved', 'granted')) AS given
                FROM rewardItem i
                WHERE i.retiredAt IS NULL \(code == nil ? "" : "AND i.code = ?")
                """,
            arguments: code.map { [$0.value] } ?? [])
        return try rows.map { row in
            let projects =
                (row["projects"] as String?)?.split(separator: " ").map { ProjectCode(alreadyValid: String($0)) }.sorted() ?? []
            let item = RewardItem(
                code: RewardCode(alreadyValid: row["code"]), name: row["name"], category: try decode(row["category"]),
                costCents: row["costCents"], stock: row["stock"], maxPerPerson: row["maxPerPerson"],
                minTier: try (row["minTier"] as String?).map { try decode($0) }, projects: projects)
            return CatalogueEntry(item: item, given: row["given"], currency: currency)
        }
    }

    static func catalogueEntry(_ db: Database, _ code: RewardCode) throws -> CatalogueEntry {
        guard let entry = try catalogue(db, currency: try currency(db), code: code).first else {
            let retired =
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM rewardItem WHERE code = ?)", arguments: [code.value])
                ?? false
            throw retired ? StoreError.rewardRetired(code) : StoreError.unknownReward(code)
        }
        return entry
    }

    /// The id of a current (not retired) item.
    static func rewardItemID(_ db: Database, _ code: RewardCode) throws -> Int64 {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, retiredAt FROM rewardItem WHERE code = ?", arguments: [code.value])
        else {
            throw StoreError.unknownReward(code)
        }
        if (row["retiredAt"] as String?) != nil { throw StoreError.rewardRetired(code) }
        return row["id"]
    }

    static func saveItemProjects(_ db: Database, itemID: Int64, _ projects: [ProjectCode]) throws {
        for project in Set(projects) {
            try db.execute(
                sql: "INSERT INTO rewardItemProject (itemId, projectId) VALUES (?, ?)",
                arguments: [itemID, try requireProjectID(db, project)])
        }
    }

    // MARK: Budget

    static func budgets(_ db: Database, period: Period?, currency: String) throws -> [BudgetSummary] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT b.period, b.periodStart, b.periodEnd, b.amountCents,
                    TOTAL(CASE r.status WHEN 'proposed' THEN r.costCents END) AS proposed,
                    TOTAL(CASE r.status WHEN 'approved' THEN r.costCents END) AS approved,
                    TOTAL(CASE r.status WHEN 'granted' THEN r.costCents END) AS granted
                FROM rewardBudget b LEFT JOIN rewardProposal r ON r.period = b.period
                \(period == nil ? "" : "WHERE b.period = ?")
                GROUP BY b.period
                ORDER BY b.periodStart, b.periodEnd
                """,
            arguments: period.map { [$0.description] } ?? [])
        return try rows.map { row in
            BudgetSummary(
                period: row["period"], start: try date(row["periodStart"]), end: try date(row["periodEnd"]),
                amountCents: row["amountCents"],
                currency: currency, proposedCents: Int(row["proposed"] as Double), approvedCents: Int(row["approved"] as Double),
                grantedCents: Int(row["granted"] as Double))
        }
    }

    // MARK: Wishes

    /// Wishes of `email`, or of everyone when nil, by person then rank.
    static func wishes(_ db: Database, of email: EmailAddress?) throws -> [WishEntry] {
        if let email { _ = try Self.employeeID(db, email) }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.email, e.fullName, w.rank, i.code, i.name, i.category, i.costCents
                FROM rewardWish w JOIN employee e ON e.id = w.employeeId JOIN rewardItem i ON i.id = w.itemId
                \(email == nil ? "" : "WHERE e.email = ?")
                ORDER BY e.email, w.rank
                """,
            arguments: email.map { [$0.value] } ?? [])
        return try rows.map { row in
            WishEntry(
                email: EmailAddress(alreadyValid: row["email"]), name: row["fullName"], rank: row["rank"],
                code: RewardCode(alreadyValid: row["code"]), rewardName: row["name"],
                category: try Self.decode(row["category"]),
                costCents: row["costCents"])
        }
    }

}

extension StoreTransaction {
    /// Wishes of `email`, or of everyone when nil, by person then rank.
    public func wishes(of email: EmailAddress?) throws -> [WishEntry] {
        try AdvocacyStore.wishes(db, of: email)
    }

    /// Adds an item to the reward catalogue.
    public func insertRewardItem(_ item: RewardItem) throws -> CatalogueEntry {
        try RewardItem.check(name: item.name, costCents: item.costCents, stock: item.stock, maxPerPerson: item.maxPerPerson)
        let name = try TextField.required(item.name, field: "reward name", limit: 200)
        if let row = try Row.fetchOne(
            db, sql: "SELECT retiredAt FROM rewardItem WHERE code = ?", arguments: [item.code.value])
        {
            throw StoreError.duplicateReward(item.code, retired: (row["retiredAt"] as String?) != nil)
        }
        try db.execute(
            sql: """
                INSERT INTO rewardItem (code, name, category, costCents, stock, maxPerPerson, minTier, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                item.code.value, name, item.category.rawValue, item.costCents,
                item.stock, item.maxPerPerson, item.minTier?.rawValue, AdvocacyStore.timestamp(store.now()),
            ])
        try AdvocacyStore.saveItemProjects(db, itemID: db.lastInsertedRowID, item.projects)
        return try AdvocacyStore.catalogueEntry(db, item.code)
    }

    /// Changes a catalogue item Proposals already made keep
    /// the name and cost they were made with.
    public func updateRewardItem(_ code: RewardCode, _ changes: RewardItemChanges) throws
        -> CatalogueEntry
    {
        let current = try AdvocacyStore.catalogueEntry(db, code)
        var item = current.item
        if let name = changes.name { item.name = try TextField.required(name, field: "reward name", limit: 200) }
        if let category = changes.category { item.category = category }
        if let cost = changes.costCents { item.costCents = cost }
        if let stock = changes.stock { item.stock = stock }
        if let most = changes.maxPerPerson { item.maxPerPerson = most }
        if let tier = changes.minTier { item.minTier = tier }
        try RewardItem.check(name: item.name, costCents: item.costCents, stock: item.stock, maxPerPerson: item.maxPerPerson)
        if let stock = item.stock, stock < current.given {
            throw StoreError.stockBelowGiven(code, stock: stock, given: current.given)
        }
        try db.execute(
            sql:
                "UPDATE rewardItem SET name = ?, category = ?, costCents = ?, stock = ?, maxPerPerson = ?, minTier = ? WHERE code = ?",
            arguments: [
                item.name, item.category.rawValue, item.costCents, item.stock, item.maxPerPerson, item.minTier?.rawValue,
                code.value,
            ])
        if let projects = changes.projects {
            let itemID = try AdvocacyStore.rewardItemID(db, code)
            try db.execute(sql: "DELETE FROM rewardItemProject WHERE itemId = ?", arguments: [itemID])
            try AdvocacyStore.saveItemProjects(db, itemID: itemID, projects)
        }
        return try AdvocacyStore.catalogueEntry(db, code)
    }

    /// Takes an item out of the catalogue An item that was
    /// ever proposed stays in the database, retired, so its proposals keep
    /// their history; its open proposals and wishes go. Returns whether it
    /// was retired rather than deleted.
    public func removeRewardItem(_ code: RewardCode) throws -> Bool {
        let itemID = try AdvocacyStore.rewardItemID(db, code)
        try db.execute(sql: "DELETE FROM rewardProposal WHERE itemId = ? AND status = 'proposed'", arguments: [itemID])
        let referenced =
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM rewardProposal WHERE itemId = ?)", arguments: [itemID])
            ?? false
        if referenced {
            try db.execute(sql: "DELETE FROM rewardWish WHERE itemId = ?", arguments: [itemID])
            try db.execute(
                sql: "UPDATE rewardItem SET retiredAt = ? WHERE id = ?",
                arguments: [AdvocacyStore.timestamp(store.now()), itemID])
        } else {
            try db.execute(sql: "DELETE FROM rewardItem WHERE id = ?", arguments: [itemID])
        }
        return referenced
    }

    /// The catalogue, by category then code; open to every active employee.
    public func rewardCatalogue() throws -> [CatalogueEntry] {
        return try AdvocacyStore.catalogue(db, currency: try AdvocacyStore.currency(db)).sorted {
            ($0.item.category, $0.item.code) < ($1.item.category, $1.item.code)
        }
    }

    /// Sets the reward budget of `period` It may not fall
    /// below what is already approved or granted in that period.
    public func saveRewardBudget(_ period: Period, cents: Int, by actor: Actor) throws -> BudgetSummary {
        guard (0...Money.maximumCents).contains(cents) else { throw CoreError.invalidAmount(Money.text(cents)) }
        let currency = try AdvocacyStore.currency(db)
        let committed = try AdvocacyStore.committedCents(db, period: period.description)
        if cents < committed {
            throw StoreError.budgetBelowCommitted(
                period: period.description, amount: Money.text(cents, currency: currency),
                committed: Money.text(committed, currency: currency))
        }
        try db.execute(
            sql: """
                INSERT INTO rewardBudget (period, periodStart, periodEnd, amountCents, setBy, setAt) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (period) DO UPDATE SET amountCents = excluded.amountCents, setBy = excluded.setBy, setAt = excluded.setAt
                """,
            arguments: [
                period.description, period.start.description, period.end.description, cents,
                try AdvocacyStore.employeeID(db, actor.email),
                AdvocacyStore.timestamp(store.now()),
            ])
        return try AdvocacyStore.budgets(db, period: period, currency: currency)[0]
    }

    /// Budgets with what is proposed, approved and granted against them
    ///; every period's when `period` is nil.
    public func rewardBudgets(_ period: Period? = nil) throws -> [BudgetSummary] {
        let budgets = try AdvocacyStore.budgets(db, period: period, currency: try AdvocacyStore.currency(db))
        if let period, budgets.isEmpty { throw StoreError.noBudget(period: period.description) }
        return budgets
    }

    /// Records what the acting employee would like, at `rank` (1–3; the
    /// first free rank when nil). A wish already at that rank is replaced,
    /// and wishing again for an item moves it. Returns the rank and the
    /// item replaced, if any.
    public func addWish(_ code: RewardCode, rank: Int?, by actor: Actor) throws -> (rank: Int, replaced: RewardCode?) {
        if let rank, !(1...3).contains(rank) {
            throw CoreError.unknownValue(String(rank), field: "wish rank", allowed: ["1", "2", "3"])
        }
        let employeeID = try AdvocacyStore.employeeID(db, actor.email)
        let itemID = try AdvocacyStore.rewardItemID(db, code)
        try db.execute(sql: "DELETE FROM rewardWish WHERE employeeId = ? AND itemId = ?", arguments: [employeeID, itemID])
        let taken = try Int.fetchSet(db, sql: "SELECT rank FROM rewardWish WHERE employeeId = ?", arguments: [employeeID])
        guard let chosen = rank ?? (1...3).first(where: { !taken.contains($0) }) else { throw StoreError.wishesFull(code) }
        let replaced = try String.fetchOne(
            db,
            sql: "SELECT i.code FROM rewardWish w JOIN rewardItem i ON i.id = w.itemId WHERE w.employeeId = ? AND w.rank = ?",
            arguments: [employeeID, chosen])
        try db.execute(
            sql: """
                INSERT INTO rewardWish (employeeId, rank, itemId, createdAt) VALUES (?, ?, ?, ?)
                ON CONFLICT (employeeId, rank) DO UPDATE SET itemId = excluded.itemId, createdAt = excluded.createdAt
                """,
            arguments: [employeeID, chosen, itemID, AdvocacyStore.timestamp(store.now())])
        return (chosen, replaced.map { RewardCode(alreadyValid: $0) })
    }

    /// Withdraws one of the acting employee's wishes.
    public func removeWish(_ code: RewardCode, by actor: Actor) throws {
        try db.execute(
            sql: """
                DELETE FROM rewardWish WHERE employeeId = ? AND itemId IN (SELECT id FROM rewardItem WHERE code = ?)
                """,
            arguments: [try AdvocacyStore.employeeID(db, actor.email), code.value])
        if db.changesCount == 0 { throw StoreError.notWished(code) }
    }

    /// Lets a flagged person earn rewards in `period` after a cio checked
    /// their flags; the note says what was checked.
    public func saveClearance(_ email: EmailAddress, period: Period, note: String, by actor: Actor) throws {
        let note = try TextField.required(note, field: "note", limit: AdvocacyStore.noteLimit)
        try db.execute(
            sql: """
                INSERT INTO rewardClearance (employeeId, period, note, clearedBy, clearedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (employeeId, period) DO UPDATE SET note = excluded.note, clearedBy = excluded.clearedBy,
                    clearedAt = excluded.clearedAt
                """,
            arguments: [
                try AdvocacyStore.employeeID(db, email), period.description, note, try AdvocacyStore.employeeID(db, actor.email),
                AdvocacyStore.timestamp(store.now()),
            ])
    }
}
