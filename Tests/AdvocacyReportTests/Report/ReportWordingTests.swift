import AdvocacyCore
import Testing

@testable import AdvocacyReport

@Suite("The report's wording")
struct ReportWordingTests {
    @Test(
        arguments: [
            (
                1, "1 personne sans audience connue ne figure pas sur ce graphique.",
                "1 person with no known audience is not shown."
            ),
            (
                2, "2 personnes sans audience connue ne figurent pas sur ce graphique.",
                "2 people with no known audience are not shown."
            ),
            (
                1_500, "1\u{202F}500 personnes sans audience connue ne figurent pas sur ce graphique.",
                "1,500 people with no known audience are not shown."
            ),
        ] as [(Int, String, String)])
    func unknownAudience(people: Int, french: String, english: String) {
        #expect(ReportWording(language: .fr, policy: .standard).unknownAudience(people) == french)
        #expect(ReportWording(language: .en, policy: .standard).unknownAudience(people) == english)
    }
}
