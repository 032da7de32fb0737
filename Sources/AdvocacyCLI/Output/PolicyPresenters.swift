import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import Foundation

/// What `policy set` prints: the version now in force, each key it
/// changed, and whom the change moves at the top of the current period.
struct PolicyUpdateText {
    var update: PolicyUpdate

    init(_ update: PolicyUpdate) { self.update = update }

    func render() -> String {
        guard update.isNew, let effect = update.effect else {
            return "Unchanged: the file is version \(update.version), already in force."
        }
        var lines = ["Policy version \(update.version) is now in force (it replaces version \(update.previousVersion))."]
        lines.append("What changed:")
        lines += update.changes.map { "  \($0)" }
        lines.append("")
        let weeks = (effect.window.lowerBound.days(until: effect.window.upperBound) + 7) / 7
        lines.append(
            "Effect on \(effect.period) (\(effect.window.lowerBound) to \(effect.window.upperBound), "
                + "\(weeks) week\(weeks == 1 ? "" : "s"), \(effect.rankedPeople) \(effect.rankedPeople == 1 ? "person" : "people") ranked):"
        )
        let largest = Format.tenths(effect.largestScoreChange)
        if effect.rankedPeople == 0 {
            lines.append("  No one has an action in this period yet: no one moves.")
        } else if effect.moves.isEmpty {
            lines.append("  No one in the top \(effect.top) changes place; scores move by \(largest) points at most.")
        } else {
            let table = Table(
                columns: [
                    .init(header: "rank"), .init(header: "name", maxWidth: 30), .init(header: "email"),
                    .init(header: "score"),
                ],
                rows: effect.moves.map { move in
                    [
                        "\(Self.rank(move.before?.rank, top: effect.top)) → \(Self.rank(move.after?.rank, top: effect.top))",
                        move.person.name, move.person.email.value,
                        "\(move.before.map { Format.tenths($0.score) } ?? "-") → \(move.after.map { Format.tenths($0.score) } ?? "-")",
                    ]
                })
            lines += table.text().split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            lines.append(
                "\(effect.moves.count) \(effect.moves.count == 1 ? "person moves" : "people move") in the top \(effect.top); "
                    + "scores move by \(largest) points at most.")
        }
        lines.append(
            "Periods that ended before today keep the version in force when they ended; "
                + "'--policy \(update.version)' scores one with this version.")
        return lines.joined(separator: "\n")
    }

    /// A rank, or "-" for someone not ranked under that version.
    private static func rank(_ rank: Int?, top: Int) -> String { rank.map(String.init) ?? "-" }
}

/// `policy history` as text: one block per version, oldest first, each
/// change on its own line.
enum PolicyHistoryText {
    static func render(_ history: [PolicyHistoryEntry]) -> String {
        var lines: [String] = []
        for entry in history {
            let who = entry.setBy.map { "set by \($0)" } ?? "written when the database was created"
            let current = entry.version == history.last?.version ? " (in force)" : ""
            lines.append(
                "Version \(entry.version)\(current): from \(entry.inForceFrom), \(who) at \(entry.setAt.formatted(.iso8601))")
            if entry.version != history.first?.version {
                lines += entry.changes.isEmpty ? ["  (no key changed)"] : entry.changes.map { "  \($0)" }
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// `policy history --format csv`: the JSON record's keys as columns.
extension PolicyHistoryRecord {
    static func table(_ history: [PolicyHistoryEntry]) -> Table {
        Table(
            columns: [
                .init(header: "version", numeric: true), .init(header: "setAt"), .init(header: "inForceFrom"),
                .init(header: "setBy"), .init(header: "changes"),
            ],
            rows: history.map { entry in
                [
                    String(entry.version), entry.setAt.formatted(.iso8601), entry.inForceFrom.description,
                    entry.setBy?.value ?? "", entry.changes.map(\.description).joined(separator: "; "),
                ]
            })
    }
}
