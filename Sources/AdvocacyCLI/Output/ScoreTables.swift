import AdvocacyCore
import AdvocacyPresentation

// How rankings print as tables (text and CSV), the CLI's own layout of the
// shared ``RankingReport``. Table headers match its JSON keys.

extension RankingReport {
    /// The people without their email and components: fits a terminal.
    var shortTable: Table {
        table.keeping(["rank", "name", "team", "tier", "score", "actions", "pending", "engagement", "tFactor", "flags"])
    }

    var table: Table {
        switch by {
        case .person:
            let columns: [Table.Column] =
                [
                    .init(header: "rank", numeric: true), .init(header: "email"), .init(header: "name", maxWidth: 26),
                    .init(header: "team", maxWidth: 18), .init(header: "tier"), .init(header: "score", numeric: true),
                ] + ScoreComponents.names.map { .init(header: $0, numeric: true) } + [
                    .init(header: "actions", numeric: true), .init(header: "pending", numeric: true),
                    .init(header: "engagement", numeric: true), .init(header: "tFactor", numeric: true),
                    .init(header: "flags"),
                ]
            return Table(
                columns: columns,
                rows: people.map { score in
                    // A colleague on staff sees a hidden person's place, nothing more.
                    guard !score.person.isPlaceholder else {
                        return [String(score.rank), score.person.email.value, score.person.name]
                            + Array(repeating: "", count: columns.count - 3)
                    }
                    return [
                        String(score.rank), score.person.email.value, score.displayName, score.person.team ?? "",
                        score.tier.rawValue,
                        Format.tenths(score.score),
                    ]
                        + score.components.values.map(Format.tenths)
                        + [
                            String(score.actions), String(score.pendingActions), Format.plainWhole(score.engagement),
                            String(score.tFactor),
                            score.flags.map(\.kind.rawValue).joined(separator: " "),
                        ]
                })
        case .team:
            return Table(
                columns: [
                    .init(header: "rank", numeric: true), .init(header: "team", maxWidth: 24),
                    .init(header: "score", numeric: true),
                    .init(header: "advocates", numeric: true), .init(header: "actions", numeric: true),
                    .init(header: "engagement", numeric: true), .init(header: "leader"),
                ],
                rows: teams.map { team in
                    [
                        String(team.rank), team.team, Format.tenths(team.score), String(team.advocates), String(team.actions),
                        Format.plainWhole(team.engagement), leader(of: team)?.name ?? "",
                    ]
                })
        }
    }
}
