import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import Testing

@Suite("Need to know: budgets and payroll ids")
struct NeedToKnowTests {
    @Test func staffSeeTheirEntitlementButNotThePeriodsBudget() throws {
        let proposed = try ProposedRewards()
        let (programme, jane, hr) = (proposed.programme, proposed.fixture.jane, proposed.hr)
        let budget = "1,000.00 EUR"
        #expect(throws: CoreError.self) { try programme.rewardBudgets(by: jane) }
        #expect(try programme.rewardProposals(by: hr).allSatisfy { $0.rationale.contains("of the \(budget) budget") })

        let own = try programme.rewardProposals(by: jane)
        #expect(own.count == 1 && own.allSatisfy { $0.email == jane })
        #expect(own.allSatisfy { !$0.rationale.contains(budget) && $0.rationale.contains("of the period's budget") })

        let exported = try programme.personalData(of: jane, by: jane)
        #expect(!exported.proposals.isEmpty && exported.proposals.allSatisfy { !$0.rationale.contains(budget) })
        let text = String(decoding: try JSONEncoder().encode(exported), as: UTF8.self)
        #expect(!text.contains("1,000.00"), "the export quotes the budget")
        // An admin exporting it for her reads budgets anyway.
        #expect(
            try programme.personalData(of: jane, by: proposed.fixture.admin).proposals.first?.rationale.contains(budget) == true)
    }

    @Test func payrollIdsAreForHRAndAdminsOnly() throws {
        let fixture = try ProgrammeFixture()
        let programme = fixture.programme
        try programme.updateEmployee(fixture.paul, try EmployeeChanges(hrID: "MAT-0042"), by: fixture.admin)
        let hr = try EmailAddress("hr@corp.fr")
        try programme.addEmployee(try NewEmployee(email: hr, name: "Hugo HR", role: .hr), by: fixture.admin)
        for viewer in [fixture.admin, hr] {
            #expect(try programme.employees(seenBy: viewer).first { $0.email == fixture.paul }?.hrID == "MAT-0042")
            #expect(try programme.profile(fixture.paul, seenBy: viewer).employee.hrID == "MAT-0042")
        }
        for viewer in [fixture.jane, nil] {
            #expect(try programme.employees(seenBy: viewer).allSatisfy { $0.hrID == nil })
            #expect(try programme.profile(fixture.paul, seenBy: viewer).employee.hrID == nil)
        }
        // Paul reads his own, and only his.
        #expect(try programme.profile(fixture.paul, seenBy: fixture.paul).employee.hrID == "MAT-0042")
        #expect(try programme.employees(seenBy: fixture.paul).compactMap(\.hrID) == ["MAT-0042"])
    }
}
