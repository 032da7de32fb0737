import AdvocacyReport
import Testing

@Suite struct ReportLanguageTests {
    @Test func bothLanguagesAreOffered() {
        #expect(ReportLanguage.allCases == [.fr, .en])
    }
}
