import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Adds an item to the reward catalogue (hr or admin).
    @discardableResult
    public func addRewardItem(_ item: RewardItem, by actorEmail: EmailAddress) throws -> CatalogueEntry {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireRole(actor, in: [.hr, .admin], to: "manage the reward catalogue")
            return try tx.insertRewardItem(item)
        }
    }

    /// Changes a catalogue item (hr or admin). Proposals already made keep
    /// the name and cost they were made with.
    @discardableResult
    public func updateRewardItem(_ code: RewardCode, _ changes: RewardItemChanges, by actorEmail: EmailAddress) throws
        -> CatalogueEntry
    {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireRole(actor, in: [.hr, .admin], to: "manage the reward catalogue")
            return try tx.updateRewardItem(code, changes)
        }
    }

    /// Takes an item out of the catalogue (hr or admin). An item that was
    /// ever proposed stays in the database, retired, so its proposals keep
    /// their history; its open proposals and wishes go. Returns whether it
    /// was retired rather than deleted.
    @discardableResult
    public func removeRewardItem(_ code: RewardCode, by actorEmail: EmailAddress) throws -> Bool {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireRole(actor, in: [.hr, .admin], to: "manage the reward catalogue")
            return try tx.removeRewardItem(code)
        }
    }

    /// The catalogue, by category then code; open to every active employee.
    public func rewardCatalogue(by actorEmail: EmailAddress) throws -> [CatalogueEntry] {
        try store.reading { tx in
            let actor = try tx.actor(actorEmail)
            try AccessRules.requireActive(actor)
            return try tx.rewardCatalogue()
        }
    }

    /// Sets the reward budget of `period` (hr or admin). It may not fall
    /// below what is already approved or granted in that period.
    @discardableResult
    public func setRewardBudget(_ period: Period, cents: Int, by actorEmail: EmailAddress) throws -> BudgetSummary {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireRole(actor, in: [.hr, .admin], to: "set reward budgets")
            return try tx.saveRewardBudget(period, cents: cents, by: actor)
        }
    }

    /// Budgets with what is proposed, approved and granted against them
    /// (hr, cio or admin); every period's when `period` is nil.
    public func rewardBudgets(_ period: Period? = nil, by actorEmail: EmailAddress) throws -> [BudgetSummary] {
        try store.reading { tx in
            let actor = try tx.actor(actorEmail)
            try AccessRules.requireRole(actor, in: [.hr, .cio, .admin], to: "see reward budgets")
            return try tx.rewardBudgets(period)
        }
    }

    /// Records what the acting employee would like, at `rank` (1–3; the
    /// first free rank when nil). A wish already at that rank is replaced,
    /// and wishing again for an item moves it. Returns the rank and the
    /// item replaced, if any.
    @discardableResult
    public func addWish(_ code: RewardCode, rank: Int?, by actorEmail: EmailAddress) throws -> (rank: Int, replaced: RewardCode?)
    {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireActive(actor)
            return try tx.addWish(code, rank: rank, by: actor)
        }
    }

    /// Withdraws one of the acting employee's wishes.
    public func removeWish(_ code: RewardCode, by actorEmail: EmailAddress) throws {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireActive(actor)
            return try tx.removeWish(code, by: actor)
        }
    }

    /// Wishes of `email`, or of everyone when nil. Staff see only their own;
    /// hr, cio and admin see anyone's.
    public func wishes(of email: EmailAddress?, by actorEmail: EmailAddress) throws -> [WishEntry] {
        try store.reading { tx in
            let actor = try tx.actor(actorEmail)
            try AccessRules.requireActive(actor)
            let person = email ?? (actor.role == .staff ? actorEmail : nil)
            if let person, person != actorEmail {
                try AccessRules.requireRole(actor, in: [.hr, .cio, .admin], to: "see the wishes of \(person)")
            }
            return try tx.wishes(of: person)
        }
    }

    /// Lets a flagged person earn rewards in `period` after a cio checked
    /// their flags; the note says what was checked.
    public func clearForRewards(_ email: EmailAddress, period: Period, note: String, by actorEmail: EmailAddress) throws {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireDecider(
                actor, deciders: [.cio], of: [("the clearance of \(email)", email, try tx.actor(email).role)], note: note,
                to: "clear flagged people for rewards")
            return try tx.saveClearance(email, period: period, note: note, by: actor)
        }
    }
}
