import AdvocacyCore
import Foundation

extension ProgrammeReport {
    /// The terminal version as Markdown, for a wiki: key figures, the top 10,
    /// the projects with no advocate and the flags, as tables.
    public func markdown() -> String {
        var lines = [
            "# " + Self.escaped(title), "", Self.escaped(periodLine + " · " + words.comparedWith(comparisonName)) + "  ",
            Self.escaped(provenance), "",
        ]
        lines.append("**" + Self.escaped(words.atAGlance) + "**")
        lines.append("")
        lines.append(contentsOf: highlights.map { "- " + Self.escaped($0) })
        lines.append("")
        let figures = keyFigureRows()
        lines.append("## " + Self.escaped(words.keyFigures))
        lines.append("")
        lines.append(Self.row(["", currentName, comparisonName]))
        lines.append("|---|---:|---:|")
        for figure in figures.dropFirst() {
            let label = figure.label.hasPrefix("  ") ? "— " + figure.label.dropFirst(2) : figure.label
            lines.append(Self.row([String(label), figure.now, figure.before]))
        }
        lines.append("")
        lines.append("## " + Self.escaped(words.topScoresTitle(Self.shortTopCount)))
        lines.append("")
        if current.people.isEmpty {
            lines.append(Self.escaped(words.noAction))
        } else {
            lines.append(Self.row([words.rank, words.name, words.team, words.tierHeader, words.score, words.actionsHeader]))
            lines.append("|---:|---|---|---|---:|---:|")
            for person in top(Self.shortTopCount) {
                lines.append(
                    Self.row([
                        String(person.rank), person.person.name, person.person.team ?? "", words.tier(person.tier),
                        score(person.score),
                        language.integer(person.actions),
                    ]))
            }
        }
        lines.append("")
        lines.append("## " + Self.escaped(words.gapsShort))
        lines.append("")
        if gaps.isEmpty { lines.append(Self.escaped(review.projects.isEmpty ? words.noProject : words.noGap)) }
        for gap in gaps { lines.append("- **\(Self.escaped(gap.project.code.value))** \(Self.escaped(gap.project.name))") }
        lines.append("")
        lines.append("## " + Self.escaped(words.authenticityFlags))
        lines.append("")
        let flags = self.flags
        if flags.isEmpty {
            lines.append(Self.escaped(words.noFlag))
        } else {
            lines.append(Self.row([words.person, words.flag, words.detail]))
            lines.append("|---|---|---|")
            for (person, flag) in flags.prefix(Self.shortFlagLimit) {
                lines.append(Self.row([person.person.name, words.flagKind(flag.kind), words.flagDetail(flag)]))
            }
            if flags.count > Self.shortFlagLimit {
                lines.append("")
                lines.append(Self.escaped(words.andMore(flags.count - Self.shortFlagLimit)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map(escaped).joined(separator: " | ") + " |"
    }

    /// Text that Markdown shows as written: its markup characters are
    /// escaped, and `<` `>` `&` become entities so a name cannot inject HTML
    /// into the wiki page.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\n", "\r": result += " "
            // `#` matters only at the start of a line, which a value never is.
            case "\\", "`", "*", "_", "[", "]", "|", "~": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }
}
