import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import Testing

@Suite("The latest audit entries")
struct AuditLatestTests {
    @Test func theLatestAreReadOldestFirstAndMatchTheWholeTrailsEnd() throws {
        let fixture = try ProgrammeFixture()
        for index in 1...5 {
            try fixture.programme.logAction(
                try fixture.draft("https://jane.example.org/posts/\(index)"), by: fixture.jane)
        }
        let whole = try fixture.programme.auditEntries(AuditFilter(), by: fixture.admin)
        #expect(whole.count > 3)
        let latest = try fixture.programme.auditEntries(AuditFilter(latest: 3), by: fixture.admin)
        #expect(latest.map(\.id) == whole.suffix(3).map(\.id))
        let actions = try fixture.programme.auditEntries(AuditFilter(entity: "action", latest: 2), by: fixture.admin)
        #expect(actions.count == 2 && actions.allSatisfy { $0.entity == "action" })
        #expect(actions.map(\.id) == whole.filter { $0.entity == "action" }.suffix(2).map(\.id))
    }
}
