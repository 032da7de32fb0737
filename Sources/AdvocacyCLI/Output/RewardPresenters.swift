import AdvocacyCore
import AdvocacyKit
import Foundation

// How rewards print. Column names are the JSON keys, so text, CSV and JSON read alike.

extension CatalogueEntry {
    static func table(_ entries: [CatalogueEntry]) -> Table {
        Table(
            columns: [
                .init(header: "code"), .init(header: "name", maxWidth: 40), .init(header: "category"),
                .init(header: "cost", numeric: true), .init(header: "stock", numeric: true), .init(header: "left", numeric: true),
                .init(header: "maxPerPerson", numeric: true), .init(header: "minTier"), .init(header: "projects"),
            ],
            rows: entries.map {
                [
                    $0.item.code.value, $0.item.name, $0.item.category.rawValue,
                    Money.text($0.item.costCents, currency: $0.currency),
                    $0.item.stock.map(String.init) ?? "unlimited", $0.left.map(String.init) ?? "",
                    $0.item.maxPerPerson.map(String.init) ?? "",
                    $0.item.minTier?.rawValue ?? "", $0.item.projects.map(\.value).joined(separator: " "),
                ]
            })
    }

    /// The CSV form keeps money in cents, like the JSON.
    static func csvTable(_ entries: [CatalogueEntry]) -> Table {
        Table(
            columns: [
                "code", "name", "category", "costCents", "currency", "stock", "given", "left", "maxPerPerson", "minTier",
                "projects",
            ]
            .map { Table.Column(header: $0) },
            rows: entries.map {
                [
                    $0.item.code.value, $0.item.name, $0.item.category.rawValue, String($0.item.costCents), $0.currency,
                    $0.item.stock.map(String.init) ?? "", String($0.given), $0.left.map(String.init) ?? "",
                    $0.item.maxPerPerson.map(String.init) ?? "", $0.item.minTier?.rawValue ?? "",
                    $0.item.projects.map(\.value).joined(separator: " "),
                ]
            })
    }

    /// Says, on standard error, when the item will go only to people who
    /// wish for it: HR adding a free or unlimited item may expect otherwise.
    func noteWhoIsOffered(under policy: RewardPolicy, in context: CommandContext) {
        guard !policy.offersUnwished(item) else { return }
        let why =
            item.costCents == 0
            ? "it costs nothing (the policy's freeOrUnlimitedItems = \"anyone\" offers such items to everyone they fit)"
            : "it has no stock limit (give it one with --stock N to offer it to everyone it fits)"
        context.note("Note: \(item.code) is proposed only to people who wish for it, since \(why).")
    }

    /// "CERT-AWS \"AWS certification\" (certification, 380.00 EUR, stock 5)"
    var summary: String {
        var parts = [item.category.rawValue, Money.text(item.costCents, currency: currency)]
        parts.append(item.stock.map { "stock \($0)" } ?? "unlimited stock")
        if let most = item.maxPerPerson { parts.append("at most \(most) per person a year") }
        if let tier = item.minTier { parts.append("from the \(tier.rawValue) tier") }
        if !item.projects.isEmpty { parts.append("for " + item.projects.map(\.value).joined(separator: ", ")) }
        return "\(item.code) \"\(item.name)\" (\(parts.joined(separator: ", ")))"
    }
}

extension BudgetSummary {
    static func table(_ budgets: [BudgetSummary], csv: Bool) -> Table {
        func money(_ cents: Int, _ currency: String) -> String { csv ? String(cents) : Money.text(cents, currency: currency) }
        let suffix = csv ? "Cents" : ""
        return Table(
            columns: [.init(header: "period"), .init(header: "start"), .init(header: "end")]
                + ["amount", "proposed", "approved", "granted", "available"].map {
                    Table.Column(header: $0 + suffix, numeric: true)
                },
            rows: budgets.map {
                [
                    $0.period, $0.start.description, $0.end.description, money($0.amountCents, $0.currency),
                    money($0.proposedCents, $0.currency),
                    money($0.approvedCents, $0.currency), money($0.grantedCents, $0.currency),
                    money($0.availableCents, $0.currency),
                ]
            })
    }
}

extension WishEntry {
    /// Text shows the cost in the currency; CSV keeps cents, like the JSON.
    static func table(_ wishes: [WishEntry], currency: String, csv: Bool) -> Table {
        Table(
            columns: [
                .init(header: "email"), .init(header: "name", maxWidth: 30), .init(header: "rank", numeric: true),
                .init(header: "code"), .init(header: "rewardName", maxWidth: 40), .init(header: "category"),
                .init(header: csv ? "costCents" : "cost", numeric: true),
            ],
            rows: wishes.map {
                [
                    $0.email.value, $0.name, String($0.rank), $0.code.value, $0.rewardName, $0.category.rawValue,
                    csv ? String($0.costCents) : Money.text($0.costCents, currency: currency),
                ]
            })
    }
}

extension RewardProposalRecord {
    /// The list as text: money readable, and the reason in short (the rationale is in JSON and CSV).
    static func textTable(_ records: [RewardProposalRecord]) -> Table {
        Table(
            columns: [
                .init(header: "id", numeric: true), .init(header: "period"), .init(header: "name", maxWidth: 24),
                .init(header: "team", maxWidth: 16), .init(header: "rank", numeric: true), .init(header: "score", numeric: true),
                .init(header: "reward"), .init(header: "cost", numeric: true), .init(header: "status"),
                .init(header: "approvedBy"), .init(header: "why", maxWidth: 70),
            ],
            rows: records.map {
                [
                    String($0.id), $0.period, $0.name, $0.team ?? "", String($0.rank), NumberText.plain($0.score),
                    $0.rewardCode.value,
                    Money.text($0.costCents, currency: $0.currency), $0.status.rawValue, $0.approvedBy?.value ?? "",
                    $0.reason.description + ($0.fromLeftover ? " (leftover)" : ""),
                ]
            })
    }

    /// The export's columns, with the proposal's id first.
    static func csvTable(_ records: [RewardProposalRecord]) -> Table {
        Table(
            columns: (["id"] + exportColumns).map { Table.Column(header: $0) },
            rows: records.map { [String($0.id)] + $0.exportCells })
    }
}

/// What `rewards propose` prints: the run, the proposals and who is held back.
struct ProposalReport {
    let run: ProposalRun
    /// The heading's first words.
    var title = "Reward proposals"

    var heading: String {
        let scope =
            run.window.upperBound < run.period.end
            ? "scores of \(run.window.lowerBound) to \(run.window.upperBound)" : "scores of the whole period"
        return
            "\(title) for \(run.period) (policy version \(run.policyVersion), \(scope), \(run.rankedPeople) \(run.rankedPeople == 1 ? "person" : "people") ranked)"
    }

    var summary: String {
        let allocation = run.allocation
        let people = Set(allocation.proposals.map(\.email)).count
        var text =
            "Budget \(money(allocation.budgetCents)): \(money(allocation.proposedCents)) proposed to \(people) "
            + (people == 1 ? "person" : "people")
        if allocation.keptCents > 0 { text += ", \(money(allocation.keptCents)) already approved or granted" }
        return text + ", \(money(allocation.remainingCents)) left."
    }

    func money(_ cents: Int) -> String { Money.text(cents, currency: run.currency) }

    /// Why nothing is proposed, and what would change that.
    var nothingProposed: String {
        let eligible = run.allocation.entitlements
        guard let largest = eligible.map(\.entitlementCents).max() else {
            return "Nothing to propose: no one ranked in \(run.period) is eligible (see who is held back below)."
        }
        return
            "Nothing to propose: \(eligible.count) eligible \(eligible.count == 1 ? "person" : "people"), but no reward in the catalogue "
            + "fits their entitlements (the largest is \(money(largest)); no one gets more than \(money(run.maxShareCents))): "
            + "add cheaper rewards or raise the budget."
    }

    var table: Table {
        Table(
            columns: [
                .init(header: "id", numeric: true), .init(header: "rank", numeric: true), .init(header: "name", maxWidth: 24),
                .init(header: "team", maxWidth: 16), .init(header: "score", numeric: true), .init(header: "tier"),
                .init(header: "entitlement", numeric: true), .init(header: "reward"), .init(header: "category"),
                .init(header: "cost", numeric: true), .init(header: "why", maxWidth: 60),
            ],
            rows: run.allocation.proposals.enumerated().map { index, proposal in
                let score = run.people[proposal.email]
                return [
                    index < run.proposalIDs.count ? String(run.proposalIDs[index]) : "-", String(score?.rank ?? 0),
                    score?.person.name ?? proposal.email.value, score?.person.team ?? "",
                    score.map { NumberText.plain($0.score) } ?? "",
                    score?.tier.rawValue ?? "", money(proposal.entitlementCents), proposal.item.code.value,
                    proposal.item.category.rawValue, money(proposal.item.costCents),
                    proposal.reason.description + (proposal.fromLeftover ? " (leftover)" : ""),
                ]
            })
    }

    /// One line per person held back, saying why and what to do.
    var heldBack: [String] {
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

    /// JSON: the run and its proposals with rationale.
    struct JSONForm: Encodable {
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

    var json: JSONForm {
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
