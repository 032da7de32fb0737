import AdvocacyCore
import Testing

@Suite("Names in filters: matched as typed, the nearest suggested")
struct NearestNamesTests {
    let teams = ["Développement", "Data", "Direction", "Sécurité", "Cloud & DevOps"]

    @Test func caseAndAccentsDoNotMatter() {
        #expect(NearestNames.folded("Développement") == NearestNames.folded("developpement"))
        #expect(NearestNames.folded("SÉCURITÉ") == NearestNames.folded("Sécurité"))
        #expect(NearestNames.folded("Data") != NearestNames.folded("Datta"))
        #expect(NearestNames.nearest(to: "developpement", in: teams) == ["Développement"])
    }

    @Test func aTypoSuggestsTheNearestOnly() {
        #expect(NearestNames.nearest(to: "Datta", in: teams) == ["Data"])
        #expect(NearestNames.nearest(to: "Secu", in: teams) == ["Sécurité"])
        #expect(NearestNames.nearest(to: "Marketing", in: teams).isEmpty)
        let emails = ["ines.benali@corp.fr", "louis.benali@corp.fr", "ines.bernard@corp.fr"]
        #expect(NearestNames.nearest(to: "ines.benali@corp.com", in: emails) == ["ines.benali@corp.fr"])
    }

    @Test func theSuggestionReadsAsAQuestion() {
        #expect(NearestNames.suggestion(["Data"]) == "did you mean Data? ")
        #expect(NearestNames.suggestion(["A", "B"]) == "did you mean A or B? ")
        #expect(NearestNames.suggestion([]).isEmpty)
    }
}
