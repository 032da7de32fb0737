import AdvocacyCore
import Foundation

extension ProgrammeReport {
    /// The widest line the terminal version writes.
    public static let textWidth = 100

    /// A compact terminal version: key figures, the top 10, the projects
    /// with no advocate and the flags, within ``textWidth`` columns.
    public func text() -> String {
        var lines = [title, periodLine + " · " + words.comparedWith(comparisonName), provenance, ""]
        lines.append(words.atAGlance)
        for highlight in highlights {
            lines.append(contentsOf: Self.wrap(highlight, width: Self.textWidth, indent: "  - ", continuation: "    "))
        }
        lines.append("")
        lines.append(
            contentsOf: keyFigureRows().map { row in
                // A figure with nothing to compare (the budget) may use both columns.
                Self.cell(row.label, 32) + "  "
                    + (row.before.isEmpty ? Self.cell(row.now, 66) : Self.cell(row.now, 24) + "  " + Self.cell(row.before, 40))
            })
        lines.append("")
        lines.append(words.topScoresTitle(Self.shortTopCount))
        if current.people.isEmpty {
            lines.append("  " + words.noAction)
        } else {
            lines.append(topRow(words.rank, words.name, words.team, words.tierHeader, words.score, words.actionsHeader))
            for person in top(Self.shortTopCount) {
                lines.append(
                    topRow(
                        String(person.rank), person.person.name, person.person.team ?? "", words.tier(person.tier),
                        score(person.score),
                        language.integer(person.actions)))
            }
        }
        lines.append("")
        lines.append(words.gapsShort)
        if gaps.isEmpty { lines.append("  " + (review.projects.isEmpty ? words.noProject : words.noGap)) }
        for gap in gaps { lines.append("  " + Self.cell(gap.project.code.value, 14) + "  " + Self.cell(gap.project.name, 80)) }
        lines.append("")
        lines.append(words.authenticityFlags)
        let flags = self.flags
        if flags.isEmpty { lines.append("  " + words.noFlag) }
        for (person, flag) in flags.prefix(Self.shortFlagLimit) {
            let text = "\(person.person.name) — " + words.labelled(words.flagKind(flag.kind), words.flagDetail(flag))
            lines.append(contentsOf: Self.wrap(text, width: Self.textWidth, indent: "  ", continuation: "    "))
        }
        if flags.count > Self.shortFlagLimit { lines.append("  " + words.andMore(flags.count - Self.shortFlagLimit)) }
        // Terminals and their fonts do not all know the narrow no-break space.
        return lines.map { line in
            let plain = line.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
            return String(plain.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n") + "\n"
    }

    /// Key figures as (label, this period, comparison period).
    func keyFigureRows() -> [(label: String, now: String, before: String)] {
        var rows: [(String, String, String)] = [
            (words.keyFigures, currentName, comparisonName),
            (words.activeAdvocates, advocatesFigure(current), advocatesFigure(comparison)),
            (
                words.actions, language.integer(current.activity.actions),
                compared(
                    early: language.integer(comparison.activity.earlyActions),
                    whole: language.integer(comparison.activity.actions))
            ),
            (
                words.totalEngagement, language.number(current.activity.engagement),
                compared(
                    early: language.number(comparison.activity.earlyEngagement),
                    whole: language.number(comparison.activity.engagement))
            ),
            (words.medianRates, ratedTiers.isEmpty ? words.noRate : "", ratedTiers.isEmpty ? words.noRate : ""),
        ]
        for tier in ratedTiers {
            rows.append(("  " + words.tierWithRange(tier), rate(tier, in: current), rate(tier, in: comparison)))
        }
        rows.append((words.rewardBudget, budgetFigure, ""))
        return rows
    }

    /// "4,1 % (sur 120 actions)"
    func rate(_ tier: AudienceTier, in period: PeriodReview) -> String {
        guard let median = period.activity.medianRate(of: tier) else { return words.noRate }
        return "\(language.percent(median)) (\(words.ratedOver(period.activity.ratedActions(of: tier))))"
    }

    /// "6 000 € · proposé 5 855 €, dont approuvé 0 €"
    var budgetFigure: String {
        let money = rewardMoney
        let use = words.budgetUse(proposed: self.money(money.proposedCents), approved: self.money(money.approvedCents))
        guard let budget = review.budgetCents else { return money == (0, 0) ? words.noBudget : words.noBudget + " · " + use }
        return self.money(budget) + " · " + use
    }

    private func topRow(_ rank: String, _ name: String, _ team: String, _ tier: String, _ score: String, _ actions: String)
        -> String
    {
        Self.cell(rank, 4, right: true) + "  " + Self.cell(name, 32) + "  " + Self.cell(team, 22) + "  " + Self.cell(tier, 13)
            + "  "
            + Self.cell(score, 6, right: true) + "  " + Self.cell(actions, 7, right: true)
    }

    /// `text` cut or padded to `width` characters ("…" marks a cut).
    static func cell(_ text: String, _ width: Int, right: Bool = false) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let fitted = flat.count > width ? flat.prefix(width - 1) + "…" : flat
        let padding = String(repeating: " ", count: max(0, width - fitted.count))
        return right ? padding + fitted : fitted + padding
    }

    /// Words of `text` in lines of at most `width` characters.
    static func wrap(_ text: String, width: Int, indent: String, continuation: String) -> [String] {
        var lines: [String] = []
        var line = indent
        var lineIsEmpty = true
        for word in text.split(separator: " ") {
            if !lineIsEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = continuation
                lineIsEmpty = true
            }
            line += (lineIsEmpty ? "" : " ") + word
            lineIsEmpty = false
        }
        if !lineIsEmpty { lines.append(line) }
        // A single word longer than the width (a long address) is cut rather than overflowing.
        return lines.map { $0.count > width ? String($0.prefix(width - 1)) + "…" : $0 }
    }
}
