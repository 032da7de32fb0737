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
                    .init(header: "rank", numeric: true, priority: 0), .init(header: "email", priority: 3, shrinks: true),
                    .init(header: "name", maxWidth: 26, priority: 0, shrinks: true),
                    .init(header: "team", maxWidth: 18, priority: 2, shrinks: true), .init(header: "tier", priority: 2),
                    .init(header: "score", numeric: true, priority: 0),
                ] + ScoreComponents.names.map { .init(header: $0, numeric: true, priority: 4) } + [
                    .init(header: "actions", numeric: true), .init(header: "pending", numeric: true, priority: 3),
                    .init(header: "engagement", numeric: true, priority: 3),
                    .init(
                        header: "tFactor", numeric: true, priority: 3,
                        legend: "the largest t such that t of the person's actions have at least t engagement each"),
                    .init(header: "flags", shrinks: true, colour: TerminalColour.flags),
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
        case .team, .project, .channel:
            return Table(
                columns: [
                    .init(header: "rank", numeric: true, priority: 0),
                    .init(header: by.rawValue, maxWidth: 24, priority: 0, shrinks: true),
                    .init(header: "score", numeric: true, priority: 0),
                    .init(header: "advocates", numeric: true), .init(header: "actions", numeric: true, priority: 2),
                    .init(header: "engagement", numeric: true, priority: 3), .init(header: "leader", shrinks: true),
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
