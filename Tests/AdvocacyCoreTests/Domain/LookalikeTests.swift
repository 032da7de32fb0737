import AdvocacyCore
import Foundation
import Testing

/// One person, one identity (issue 22, item 6): addresses that only pass for
/// someone else's are refused, names keep their bytes but no hidden
/// characters, and a name like another's only warns.
@Suite("Look-alike identities")
struct LookalikeTests {
    @Test func aCyrillicLetterInTheLocalPartIsRefused() throws {
        let text = "\u{430}lice.vincent@corp.fr"
        #expect(
            throws: CoreError.mixedScriptEmail(
                text, part: "\u{430}lice.vincent", scripts: ["Cyrillic", "Latin"], letter: "the Cyrillic \u{430} (U+0430)")
        ) {
            try EmailAddress(text)
        }
        let message = Self.message { try EmailAddress(text) }
        #expect(
            message.contains("mixes Cyrillic and Latin letters") && message.contains("Cyrillic \u{430} (U+0430)"), "\(message)")
    }

    @Test func aCyrillicLetterInTheDomainIsRefused() {
        let text = "alice.vincent@c\u{43E}rp.fr"
        #expect(
            throws: CoreError.mixedScriptEmail(
                text, part: "c\u{43E}rp", scripts: ["Latin", "Cyrillic"], letter: "the Cyrillic \u{43E} (U+043E)")
        ) {
            try EmailAddress(text)
        }
    }

    @Test(arguments: [
        ("alice.vincent\u{200B}@corp.fr", UInt32(0x200B)), ("alice.vincent@corp.fr\u{202E}", 0x202E),
        ("\u{FEFF}alice.vincent@corp.fr", 0xFEFF), ("alice\u{200D}.vincent@corp.fr", 0x200D), ("alice\u{2060}@corp.fr", 0x2060),
        ("alice\u{AD}@corp.fr", 0xAD), ("alice\u{3164}@corp.fr", 0x3164),
    ])
    func invisibleCharactersInAnAddressAreRefusedAndNamed(text: String, codePoint: UInt32) {
        #expect(throws: CoreError.invisibleInEmail(text, codePoint: codePoint)) { try EmailAddress(text) }
        let message = Self.message { try EmailAddress(text) }
        let shown = String(format: "U+%04X", codePoint)
        #expect(message.contains("invisible character \(shown)") && message.contains("<\(shown)>"), "\(message)")
        // The message shows the character rather than holding it, so a U+202E cannot turn the line around.
        #expect(!message.unicodeScalars.contains { $0.value == codePoint }, "\(message)")
    }

    @Test func fullwidthLettersAreRefusedWithTheirPlainSpelling() {
        let text = "\u{FF41}\u{FF4C}\u{FF49}\u{FF43}\u{FF45}.vincent@corp.fr"
        #expect(throws: CoreError.compatibilityEmail(text, plain: "alice.vincent@corp.fr")) { try EmailAddress(text) }
        #expect(Self.message { try EmailAddress(text) }.contains("expected its usual spelling, alice.vincent@corp.fr"))
    }

    @Test func internationalisedAddressesInOneScriptAreKeptComposed() throws {
        #expect(try EmailAddress("Zoë@corp.fr").value == "zoë@corp.fr")
        #expect(try EmailAddress("иван@почта.рф").value == "иван@почта.рф")
        #expect(try EmailAddress("ivan@почта.рф").value == "ivan@почта.рф")
        #expect(try EmailAddress("田中さん@corp.jp").value == "田中さん@corp.jp")
        // A decomposed ë is the same address as a composed one, stored composed.
        let decomposed = try EmailAddress("zoe\u{308}@corp.fr")
        #expect(Array(decomposed.value.unicodeScalars) == Array("zo\u{EB}@corp.fr".unicodeScalars))
        #expect(decomposed == (try EmailAddress("zo\u{EB}@corp.fr")))
    }

    @Test func namesKeepTheirBytesButNoHiddenCharacters() throws {
        let decomposed = "Ame\u{301}lie Martin"
        let name = try NewEmployee(email: try EmailAddress("amelie@corp.fr"), name: decomposed).name
        #expect(name.utf8.elementsEqual(decomposed.utf8))
        // Persian needs the zero-width non-joiner, and the Indic scripts the joiner.
        for kept in ["\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645}", "\u{915}\u{94D}\u{200D}\u{937}", "Dana 👨‍👩‍👧"] {
            #expect(try TextField.required(kept, field: "name", limit: 200, rule: .name) == kept)
        }
        for (text, codePoint) in [
            ("Jane \u{202E}gpj.exe", UInt32(0x202E)), ("\u{200F}Dana", 0x200F), ("Dana\u{2066}x\u{2069}", 0x2066),
            ("Ze\u{200B}ro", 0x200B), ("\u{FEFF}Name", 0xFEFF), ("Dana\u{61C}", 0x61C),
        ] {
            #expect(throws: CoreError.hiddenCharacter(field: "name", codePoint: codePoint)) {
                try NewEmployee(email: try EmailAddress("x@corp.fr"), name: text)
            }
            #expect(throws: CoreError.hiddenCharacter(field: "name", codePoint: codePoint)) { try EmployeeChanges(name: text) }
        }
        #expect(
            Self.message { try EmployeeChanges(name: "Jane \u{202E}gpj.exe") }.hasPrefix("the name holds the bidi control U+202E")
        )
    }

    @Test func titlesAndProjectNamesRefuseReorderingControls() throws {
        let author = try EmailAddress("jane@corp.fr"), today = try LocalDate(parsing: "2026-11-21")
        let url = try CanonicalURL("https://blog.example.org/post")
        #expect(throws: CoreError.hiddenCharacter(field: "title", codePoint: 0x202E)) {
            try ActionDraft(author: author, url: url, title: "Invoice \u{202E}fdp.exe", date: today, today: today)
        }
        #expect(throws: CoreError.hiddenCharacter(field: "project name", codePoint: 0x2067)) {
            try Project.validated(code: try ProjectCode("ERP-2027"), name: "ERP \u{2067}x\u{2069}")
        }
        // A Hebrew title with a number keeps its marks, and a zero-width space identifies no one.
        let hebrew = "\u{200F}\u{5E9}\u{5DC}\u{5D5}\u{5DD} 2026\u{200E}"
        #expect(try ActionDraft(author: author, url: url, title: hebrew, date: today, today: today).title == hebrew)
    }

    @Test func anAddressThatLooksLikeARegisteredOneIsRefusedNamingIt() throws {
        var register = LookalikeRegister()
        register.add(try EmailAddress("ace@corp.fr"), name: "Ace Ventura")
        register.add(try EmailAddress("jim@corp.fr"), name: "Jim Hall")
        // Cyrillic а, с and е: one script, so a valid address, but the look of ace@corp.fr.
        let cyrillic = try EmailAddress("\u{430}\u{441}\u{435}@corp.fr")
        #expect(
            throws: CoreError.lookalikeEmail(
                cyrillic.value, existing: try EmailAddress("ace@corp.fr"), line: nil, letter: "the Cyrillic \u{430} (U+0430)")
        ) {
            try register.check(cyrillic, name: "Someone Else")
        }
        let message = Self.message { try register.check(cyrillic, name: "Someone Else") }
        #expect(
            message.hasPrefix(
                "\u{430}\u{441}\u{435}@corp.fr looks like ace@corp.fr, who is already in the programme: expected a distinct address"
            ), "\(message)")
        #expect(
            throws: CoreError.lookalikeEmail("jirn@corp.fr", existing: try EmailAddress("jim@corp.fr"), line: nil, letter: nil)
        ) {
            try register.check(try EmailAddress("jirn@corp.fr"), name: "Jirn")
        }
        // Someone's own address is no look-alike of itself, and a distinct one passes.
        #expect(try register.check(try EmailAddress("ace@corp.fr"), name: "Ace Ventura") == nil)
        #expect(try register.check(try EmailAddress("joe@corp.fr"), name: "Joe Hall") == nil)
    }

    @Test func aNameLikeAnotherOnlyWarns() throws {
        var register = LookalikeRegister()
        let marie = try EmailAddress("marie.martin@corp.fr")
        register.add(marie, name: "Marie Martin")
        register.add(try EmailAddress("amelie@corp.fr"), name: "Am\u{E9}lie Roux")
        let other = try EmailAddress("marie.martin2@corp.fr")
        let warning = try register.check(other, name: "Marie Martin")
        #expect(warning == LookalikeName(name: "Marie Martin", existing: marie, line: nil))
        #expect(
            warning?.description
                == "'Marie Martin' looks like the name of marie.martin@corp.fr, already in the programme; added anyway: two people may share a name"
        )
        for alike in ["MARIE  MARTIN", "M\u{430}rie Martin", "Ma\u{200D}rie Martin"] {
            #expect(try register.check(other, name: alike)?.existing == marie, "\(alike)")
        }
        // The same name decomposed (NFD) and composed (NFC).
        #expect(
            try register.check(try EmailAddress("amelie2@corp.fr"), name: "Ame\u{301}lie Roux")?.existing.value
                == "amelie@corp.fr")
        #expect(try register.check(other, name: "Marie Morin") == nil)
    }

    @Test func peopleGivenEarlierInAFileAreNamedByTheirLine() throws {
        var register = LookalikeRegister()
        register.add(try EmailAddress("ace@corp.fr"), name: "Ace Ventura", line: 3)
        #expect(
            throws: CoreError.lookalikeEmail(
                "\u{430}\u{441}\u{435}@corp.fr", existing: try EmailAddress("ace@corp.fr"), line: 3,
                letter: "the Cyrillic \u{430} (U+0430)")
        ) {
            try register.check(try EmailAddress("\u{430}\u{441}\u{435}@corp.fr"), name: "A")
        }
        #expect(try register.check(try EmailAddress("ace2@corp.fr"), name: "Ace Ventura")?.line == 3)
    }

    static func message(_ body: () throws -> Any?) -> String {
        do {
            _ = try body()
            return ""
        } catch {
            return error.localizedDescription
        }
    }
}
