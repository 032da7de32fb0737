import AdvocacyCore
import Foundation

extension Programme {
    /// Adds an item to the reward catalogue (hr or admin).
    @discardableResult
    public func addRewardItem(_ item: RewardItem, by actorEmail: EmailAddress) throws -> CatalogueEntry {
        try store.addRewardItem(item, by: actorEmail)
    }

    /// Changes a catalogue item (hr or admin). Proposals already made keep
    /// the name and cost they were made with.
    @discardableResult
    public func updateRewardItem(_ code: RewardCode, _ changes: RewardItemChanges, by actorEmail: EmailAddress) throws
        -> CatalogueEntry
    {
        try store.updateRewardItem(code, changes, by: actorEmail)
    }

    /// Takes an item out of the catalogue (hr or admin). An item that was
    /// ever proposed stays in the database, retired, so its proposals keep
    /// their history; its open proposals and wishes go. Returns whether it
    /// was retired rather than deleted.
    @discardableResult
    public func removeRewardItem(_ code: RewardCode, by actorEmail: EmailAddress) throws -> Bool {
        try store.removeRewardItem(code, by: actorEmail)
    }

    /// The catalogue, by category then code; open to every active employee.
    public func rewardCatalogue(by actorEmail: EmailAddress) throws -> [CatalogueEntry] {
        try store.rewardCatalogue(by: actorEmail)
    }

    /// Sets the reward budget of `period` (hr or admin). It may not fall
    /// below what is already approved or granted in that period.
    @discardableResult
    public func setRewardBudget(_ period: Period, cents: Int, by actorEmail: EmailAddress) throws -> BudgetSummary {
        try store.setRewardBudget(period, cents: cents, by: actorEmail)
    }

    /// Budgets with what is proposed, approved and granted against them
    /// (hr, cio or admin); every period's when `period` is nil.
    public func rewardBudgets(_ period: Period? = nil, by actorEmail: EmailAddress) throws -> [BudgetSummary] {
        try store.rewardBudgets(period, by: actorEmail)
    }

    /// Records what the acting employee would like, at `rank` (1–3; the
    /// first free rank when nil). A wish already at that rank is replaced,
    /// and wishing again for an item moves it. Returns the rank and the
    /// item replaced, if any.
    @discardableResult
    public func addWish(_ code: RewardCode, rank: Int?, by actorEmail: EmailAddress) throws -> (rank: Int, replaced: RewardCode?)
    {
        try store.addWish(code, rank: rank, by: actorEmail)
    }

    /// Withdraws one of the acting employee's wishes.
    public func removeWish(_ code: RewardCode, by actorEmail: EmailAddress) throws {
        try store.removeWish(code, by: actorEmail)
    }

    /// Wishes of `email`, or of everyone when nil. Staff see only their own;
    /// hr, cio and admin see anyone's.
    public func wishes(of email: EmailAddress?, by actorEmail: EmailAddress) throws -> [WishEntry] {
        try store.wishes(of: email, by: actorEmail)
    }

    /// Lets a flagged person earn rewards in `period` after a cio checked
    /// their flags; the note says what was checked.
    public func clearForRewards(_ email: EmailAddress, period: Period, note: String, by actorEmail: EmailAddress) throws {
        try store.clearForRewards(email, period: period, note: note, by: actorEmail)
    }
}
