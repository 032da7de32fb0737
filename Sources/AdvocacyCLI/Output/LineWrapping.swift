/// Long lines of a report folded to a terminal's width at spaces, each
/// continuation indented under the start of its line's text (two more
/// spaces), so `explain` reads on an 80-column terminal (`--wide` keeps
/// whole lines and whole addresses).
enum LineWrapping {
    static func wrap(_ text: String, width: Int?) -> String {
        guard let width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrapLine(String($0), width: width) }
            .joined(separator: "\n")
    }

    static func wrapLine(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let hanging = indent + "  "
        // Too narrow to hang anything: leave the line whole.
        guard width > hanging.count + 10 else { return [line] }
        // Runs of spaces come back as they were: they may align columns. A
        // word longer than a line (an address) is shortened, as tables do.
        let room = width - hanging.count
        let words = line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.count > room ? String(word.prefix(room - 1)) + "…" : String(word)
        }
        var lines: [String] = []
        var current = indent + (words.first ?? "")
        for word in words.dropFirst() {
            if current.count + 1 + word.count > width && current.count > hanging.count {
                lines.append(current)
                current = hanging + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines
    }
}
