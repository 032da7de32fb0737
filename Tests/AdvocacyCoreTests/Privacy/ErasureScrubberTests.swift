import AdvocacyCore
import AdvocacyTestSupport
import Testing

@Suite("ErasureScrubber")
struct ErasureScrubberTests {
    static let pseudonym = Pseudonym(random: 0xABCDEF)
    static let scrubber = valid {
        ErasureScrubber(
            name: "Élodie Dupont", email: try EmailAddress("elodie.dupont@corp.fr"), hrID: "4821",
            channels: ["https://x.com/elodupont", "https://elodie.example.org"],
            addresses: ["https://elodie.example.org/2026/kafka"], pseudonym: pseudonym)
    }

    @Test(arguments: [
        ("vu avec ÉLODIE DUPONT", "vu avec \(pseudonym.name)"),
        ("vu avec elodie dupont", "vu avec \(pseudonym.name)"),
        ("écrire à Elodie.Dupont@Corp.FR", "écrire à \(pseudonym.email.value)"),
        ("matricule 4821.", "matricule [erased]."),
        ("relayé par @EloDupont", "relayé par [erased]"),
        ("voir HTTPS://ELODIE.EXAMPLE.ORG/2026/KAFKA", "voir [erased]"),
        ("voir elodie.example.org/2026/kafka", "voir [erased]"),
    ])
    func namesTheirPersonInAnyCaseNoMore(text: String, expected: String) {
        #expect(Self.scrubber.scrubbed(text) == expected)
    }

    @Test func aLongerWordOrNumberIsLeftAlone() {
        #expect(Self.scrubber.scrubbed("matricule 48210 et 14821") == nil)
        #expect(Self.scrubber.scrubbed("Dupontel joue") == nil)
    }

    @Test func jsonKeepsItsKeysAndNumbers() throws {
        let json = #"{"id":4821,"note":"ok pour Élodie Dupont (4821)","reviewedBy":3}"#
        let scrubbed = try #require(Self.scrubber.scrubbedJSON(json))
        #expect(scrubbed == #"{"id":4821,"note":"ok pour \#(Self.pseudonym.name) ([erased])","reviewedBy":3}"#)
        #expect(Self.scrubber.scrubbedJSON(#"{"id":4821}"#) == nil)
    }
}
