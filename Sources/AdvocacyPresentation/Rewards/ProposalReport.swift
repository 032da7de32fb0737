import AdvocacyCore
import Foundation

/// What `rewards propose` prints: the run, the proposals and who is held
/// back, in the words and JSON every front end shows (the table is the CLI's).
public struct ProposalReport {
    /// The proposals made (or, in a dry run, that would be).
    public let run: ProposalRun
    /// The heading's first words.
    public let title: String

    /// The report of `run`, its heading starting with `title`.
    public init(run: ProposalRun, title: String = "Reward proposals") {
        self.run = run
        self.title = title
    }

    /// "Reward proposals for 2026-Q4 (policy version 1, scores of the whole period, 20 people ranked)"
    public var heading: String {
        let scope =
            run.window.upperBound < run.period.end
            ? "scores of \(run.window.lowerBound) to \(run.window.upperBound)" : "scores of the whole period"
        return
            "\(title) for \(run.period) (policy version \(run.policyVersion), \(scope), \(run.rankedPeople) \(run.rankedPeople == 1 ? "person" : "people") ranked)"
    }

    /// The budget, what is proposed to how many people, what is kept and what is left.
    public var summary: String {
        let allocation = run.allocation
        let people = Set(allocation.proposals.map(\.email)).count
        var text =
            "Budget \(money(allocation.budgetCents)): \(money(allocation.proposedCents)) proposed to \(people) "
            + (people == 1 ? "person" : "people")
        if allocation.keptCents > 0 { text += ", \(money(allocation.keptCents)) already approved or granted" }
        return text + ", \(money(allocation.remainingCents)) left."
    }

    /// `cents` in the run's currency, as every amount of the report is written.
    public func money(_ cents: Int) -> String { Money.text(cents, currency: run.currency) }

    /// Why nothing is proposed, and what would change that.
    public var nothingProposed: String {
        let eligible = run.allocation.entitlements
        guard let largest = eligible.map(\.entitlementCents).max() else {
            return "Nothing to propose: no one ranked in \(run.period) is eligible (see who is held back below)."
        }
        return
            "Nothing to propose: \(eligible.count) eligible \(eligible.count == 1 ? "person" : "people"), but no reward in the catalogue "
            + "fits their entitlements (the largest is \(money(largest)); no one gets more than \(money(run.maxShareCents))): "
            + "add cheaper rewards or raise the budget."
    }

    /// One line per person held back, saying why and what to do.
    public var heldBack: [String] {
        run.allocation.heldBack.map { held in
            let who =
                "\(held.score.person.name) <\(held.score.person.email)> (rank \(held.score.rank), \(NumberText.plain(held.score.score)) points)"
            switch held.reason {
            case .inactive: return "\(who): deactivated"
            case .scoreNotAboveMinimum(let minimum): return "\(who): score not above the minimum of \(NumberText.plain(minimum))"
            case .flagged(let penalty):
                let kinds = held.score.flags.filter { !$0.kind.isGaming }.map(\.kind.rawValue).joined(separator: ", ")
                return
                    "\(who): flags (\(kinds)) took \(String(format: "%.0f", penalty))% of the score; a cio may clear them with "
                    + "'advocacy rewards clear \(held.score.person.email) --period \(run.period) --note TEXT'"
            }
        }
    }

    /// JSON: the run and its proposals with rationale, printed by ``JSONOutput/encoded(_:)``.
    public struct JSONForm: Encodable {
        struct Item: Encodable {
            var id: Int64?
            var rank: Int
            var email: EmailAddress
            var name: String
            var team: String?
            var score: Double
            var tier: AudienceTier
            var entitlementCents: Int
            var rewardCode: RewardCode
            var rewardName: String
            var category: RewardCategory
            var costCents: Int
            var reason: String
            var fromLeftover: Bool
            var rationale: String
        }
        struct Held: Encodable {
            var email: EmailAddress
            var rank: Int
            var score: Double
            var reason: String
        }
        var period: String
        var policyVersion: Int
        var currency: String
        var dryRun: Bool
        var budgetCents: Int
        var keptCents: Int
        var proposedCents: Int
        var remainingCents: Int
        var replaced: Int
        var proposals: [Item]
        var heldBack: [Held]
    }

    /// What `rewards propose --format json` prints.
    public var json: JSONForm {
        // Every person proposed a reward has a score in `run.people`.
        let items = run.allocation.proposals.enumerated().compactMap { index, proposal -> JSONForm.Item? in
            guard let score = run.people[proposal.email] else { return nil }
            return JSONForm.Item(
                id: index < run.proposalIDs.count ? run.proposalIDs[index] : nil, rank: score.rank, email: proposal.email,
                name: score.person.name, team: score.person.team, score: score.score, tier: score.tier,
                entitlementCents: proposal.entitlementCents, rewardCode: proposal.item.code, rewardName: proposal.item.name,
                category: proposal.item.category, costCents: proposal.item.costCents, reason: proposal.reason.label,
                fromLeftover: proposal.fromLeftover,
                rationale: proposal.rationale)
        }
        let held = run.allocation.heldBack.map { held in
            let reason: String =
                switch held.reason {
                case .inactive: "inactive"
                case .scoreNotAboveMinimum: "score not above the minimum"
                case .flagged: "flagged"
                }
            return JSONForm.Held(email: held.score.person.email, rank: held.score.rank, score: held.score.score, reason: reason)
        }
        return JSONForm(
            period: run.period.description, policyVersion: run.policyVersion, currency: run.currency, dryRun: run.dryRun,
            budgetCents: run.allocation.budgetCents, keptCents: run.allocation.keptCents,
            proposedCents: run.allocation.proposedCents,
            remainingCents: run.allocation.remainingCents, replaced: run.replaced, proposals: items, heldBack: held)
    }
}
