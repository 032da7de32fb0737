/// The one sentence that says why a reward is proposed.
public enum Rationale {
    static func sentence(
        candidate: RewardCandidate, ranked: Int, entitlementCents: Int, budgetCents: Int, currency: String, item: RewardItem,
        reason: ProposalReason, fromLeftover: Bool
    ) -> String {
        let score = candidate.score
        var text = "Rank \(score.rank) of \(ranked) with \(NumberText.plain(score.score)) points (\(score.tier.rawValue) tier)"
        if let work = contributions(candidate) { text += " for \(work)" }
        text +=
            "; entitled to \(Money.text(entitlementCents, currency: currency)) of the \(Money.text(budgetCents, currency: currency)) budget; "
        let why: String
        switch reason {
        case .wish(let rank): why = "\(item.code) was their wish no. \(rank)"
        case .work(let project): why = "\(item.code) relates to their work on \(project)"
        case .development: why = "\(item.code) is a \(item.category.rawValue) reward that fits"
        }
        text += fromLeftover ? "\(why), paid from the budget left once every entitlement was used." : "\(why)."
        return text
    }

    /// "4 articles and 2 talks, mostly on DATA-PLAT": the main kinds of work
    /// and the project with the most hours.
    static func contributions(_ candidate: RewardCandidate) -> String? {
        let kinds = candidate.actionsByKind.filter { $0.value > 0 }
            .sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
        guard !kinds.isEmpty else { return nil }
        func count(_ entry: (key: ActionKind, value: Int)) -> String {
            "\(entry.value) \(entry.key.rawValue)\(entry.value == 1 ? "" : "s")"
        }
        var text: String
        switch kinds.count {
        case 1: text = count(kinds[0])
        case 2: text = "\(count(kinds[0])) and \(count(kinds[1]))"
        default:
            let others = kinds.dropFirst(2).map(\.value).reduce(0, +)
            text = "\(count(kinds[0])), \(count(kinds[1])) and \(others) other action\(others == 1 ? "" : "s")"
        }
        if let main = candidate.hoursByProject.filter({ $0.value > 0 }).max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
            text += ", mostly on \(main.key)"
        }
        return text
    }
}

extension RewardProposalRecord {
    /// The record as someone who may not read budgets sees it: its rationale
    /// no longer quotes the period's budget (``Rationale/withoutBudget(_:)``).
    public var withoutBudget: RewardProposalRecord {
        var record = self
        record.rationale = Rationale.withoutBudget(rationale)
        return record
    }
}

extension Rationale {
    /// "of the 6,000.00 EUR budget" becomes "of the period's budget": staff
    /// see their entitlement, not the budget, which only HR, the cio and
    /// admins read (`rewards budget show`). Applies to a rationale, and to
    /// the audit trail's JSON that quotes one.
    public static func withoutBudget(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"of the [0-9][0-9,.]* [A-Z]{3} budget"#, with: "of the period's budget", options: .regularExpression)
    }
}
