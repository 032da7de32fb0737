import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
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
                .init(header: "id", numeric: true, priority: 0), .init(header: "period", priority: 3),
                .init(header: "name", maxWidth: 24, priority: 0, shrinks: true),
                .init(header: "team", maxWidth: 16, priority: 3, shrinks: true),
                .init(header: "rank", numeric: true, priority: 2),
                .init(header: "score", numeric: true, priority: 2), .init(header: "reward", priority: 0),
                .init(header: "cost", numeric: true), .init(header: "status", priority: 0, colour: TerminalColour.reward),
                .init(header: "approvedBy", priority: 3, shrinks: true), .init(header: "why", maxWidth: 70, shrinks: true),
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

extension ProposalReport {
    /// The proposals as a table: text for `rewards propose`, cut down by the demo.
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
}
