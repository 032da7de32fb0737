import AdvocacyPresentation

/// Long lines of a report folded to a terminal's width at spaces, each
/// continuation indented under the start of its line's text (two more
/// spaces), so `explain` reads on an 80-column terminal. Widths are
/// terminal cells (``TerminalText/width(_:)``). A word longer than a line
/// (an address) is shortened with "…", and a last line says that `--wide`
/// shows it whole.
enum LineWrapping {
    static func wrap(_ text: String, width: Int?) -> String {
        guard let width else { return text }
        var shortened = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrapLine(String($0), width: width, shortened: &shortened) }
        let note = shortened ? ["(long addresses shortened to fit \(width) columns: --wide shows them whole)"] : []
        return (lines + note).joined(separator: "\n")
    }

    static func wrapLine(_ line: String, width: Int) -> [String] {
        var shortened = false
        return wrapLine(line, width: width, shortened: &shortened)
    }

    static func wrapLine(_ line: String, width: Int, shortened: inout Bool) -> [String] {
        guard TerminalText.width(line) > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let hanging = indent + "  "
        // Too narrow to hang anything: leave the line whole.
        guard width > hanging.count + 10 else { return [line] }
        let room = width - hanging.count
        // Runs of spaces come back as they were (they may align columns), except where a line breaks.
        var words: [String] = []
        for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false) {
            if TerminalText.width(String(word)) > room {
                words.append(TerminalText.prefix(String(word), cells: room - 1) + "…")
                shortened = true
            } else {
                words.append(String(word))
            }
        }
        var lines: [String] = []
        var current = indent + (words.first ?? "")
        var start = indent.count
        for word in words.dropFirst() {
            let atStart = current.count == start
            if atStart && word.isEmpty { continue }
            if !atStart && TerminalText.width(current) + 1 + TerminalText.width(word) > width {
                lines.append(current)
                current = hanging + word
                start = hanging.count
            } else {
                current += (atStart ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines
    }
}
