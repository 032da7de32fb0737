import Foundation
import Testing

/// What the demo says to try works, even after HR proposes again (which
/// replaces the pending proposals and their ids).
@Suite("The demo's suggestions")
struct DemoSuggestionTests {
    /// A suggested command line's words, quotes removed ('…' and "…").
    static func words(_ line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test("Every 'Try:' line runs, after another rewards propose too")
    func suggestionsRun() throws {
        let cli = try CLIHarness()
        let demo = try cli.expectSuccess("demo")
        let tried = demo.output.components(separatedBy: "Try:\n").last ?? ""
        let lines = tried.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("advocacy ") && !$0.contains("ID…") }
        #expect(lines.count >= 6)
        let quarter = try #require(demo.output.firstMatch(of: /--period (\d{4}-Q\d)/)).1
        try cli.expectSuccess("rewards", "propose", "--period", String(quarter), as: "julien.thomas@dsi.example.fr")
        for line in lines {
            var arguments = Array(Self.words(line).dropFirst())
            if let output = arguments.firstIndex(of: "--output") {
                arguments[output + 1] = cli.folder.appendingPathComponent(arguments[output + 1]).path
            }
            let result = cli.run(arguments)
            #expect(result.status == 0, "\(line): \(result.error)")
        }
    }
}
