import AdvocacyPresentation
import Testing

@Suite("Text shown on a terminal")
struct TerminalTextTests {
    @Test func wideAndZeroWidthCharactersAreMeasuredInCells() {
        #expect(TerminalText.width("Refonte ERP") == 11)
        #expect(TerminalText.width("Développement") == 13, "an accent is one cell")
        #expect(TerminalText.width("e\u{0301}") == 1, "a combining accent adds nothing")
        #expect(TerminalText.width("🚀 Lancement") == 12, "an emoji takes two cells")
        #expect(TerminalText.width("👩🏽‍💻") == 2, "one emoji made of several scalars")
        #expect(TerminalText.width("データ基盤") == 10)
        #expect(TerminalText.width("ＡＢ") == 4, "fullwidth forms")
    }

    @Test func aPrefixNeverSplitsAWideCharacter() {
        #expect(TerminalText.prefix("データ基盤", cells: 5) == "デー")
        #expect(TerminalText.prefix("🚀 Go", cells: 1) == "")
        #expect(TerminalText.prefix("abc", cells: 10) == "abc")
    }
}
