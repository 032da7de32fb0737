import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyStore
import AdvocacyTestSupport
import Foundation
import Testing

/// The only HR officer and Jane both did work worth a reward this quarter, and both were proposed one
/// (from a budget of 1,000.00 EUR).
struct ProposedRewards {
    let fixture: ProgrammeFixture
    let hr: EmailAddress
    let cio: EmailAddress
    let hrProposal: Int64
    let janeProposal: Int64
    var programme: Programme { fixture.programme }
    var quarter: Period { .quarter(containing: fixture.today) }

    init() throws {
        let fixture = try ProgrammeFixture()
        let hr = try EmailAddress("hr@corp.fr"), cio = try EmailAddress("cio@corp.fr")
        let programme = fixture.programme
        try programme.addEmployee(try NewEmployee(email: hr, name: "Hugo HR", role: .hr), by: fixture.admin)
        try programme.addEmployee(try NewEmployee(email: cio, name: "Chloé CIO", role: .cio), by: fixture.admin)
        try programme.recordConsent(hr, granted: true, by: fixture.admin)
        for (author, site) in [(fixture.jane, "jane.example.org"), (hr, "hugo.example.org")] {
            try fixture.logAccepted(
                try fixture.draft(
                    "https://\(site)/erp", by: author, kind: .article, projects: [fixture.erp],
                    metrics: try MetricsUpdate(reactions: 40)),
                by: author)
        }
        try programme.addRewardItem(
            RewardItem(code: try RewardCode("BOOK-1"), name: "A book", category: .book, costCents: 4_000, stock: 10), by: hr)
        try programme.setRewardBudget(Period.quarter(containing: fixture.today), cents: 100_000, by: hr)
        _ = try programme.proposeRewards(period: Period.quarter(containing: fixture.today), today: fixture.today, by: hr)
        let proposals = try programme.rewardProposals(period: Period.quarter(containing: fixture.today), by: hr)
        let hrProposal = try #require(proposals.first { $0.email == hr }).id
        let janeProposal = try #require(proposals.first { $0.email == fixture.jane }).id
        (self.fixture, self.hr, self.cio, self.hrProposal, self.janeProposal) = (fixture, hr, cio, hrProposal, janeProposal)
    }
}

@Suite("Nobody decides their own case")
struct OwnCaseTests {

    @Test func hrDecidesNoRewardOfTheirOwnAndAnAdminGrantsItWithANote() throws {
        let proposed = try ProposedRewards()
        let (programme, hr, admin) = (proposed.programme, proposed.hr, proposed.fixture.admin)
        let own = "reward proposal \(proposed.hrProposal)"
        #expect(throws: CoreError.ownCase(subject: own)) {
            try programme.approveRewards([proposed.janeProposal, proposed.hrProposal], by: hr)
        }
        #expect(try programme.rewardProposals(period: proposed.quarter, by: hr).allSatisfy { $0.status == .proposed })
        #expect(throws: CoreError.ownCase(subject: own)) {
            try programme.rejectRewards([proposed.hrProposal], note: "no", by: hr)
        }

        // The cio approves it; the only HR officer may not grant it, an admin may, with a note.
        try programme.approveRewards([proposed.hrProposal, proposed.janeProposal], by: proposed.cio)
        #expect(throws: CoreError.ownCase(subject: own)) { try programme.grantRewards([proposed.hrProposal], by: hr) }
        #expect(throws: CoreError.self) { try programme.grantRewards([proposed.hrProposal], by: admin) }
        #expect(throws: CoreError.self) {
            try programme.grantRewards([proposed.janeProposal], note: "handed over", by: admin)
        }
        let granted = try programme.grantRewards(
            [proposed.hrProposal], note: "the only HR officer: granted by an admin", by: admin)
        #expect(granted.map(\.status) == [.granted])
        #expect(granted.first?.note == "the only HR officer: granted by an admin")
        let trail = try programme.auditEntries(AuditFilter(entity: "rewardProposal"), by: admin).last
        #expect(trail?.actorEmail == admin.value && trail?.actorRole == "admin")
        // Jane's, HR grants as usual.
        #expect(try programme.grantRewards([proposed.janeProposal], by: hr).map(\.status) == [.granted])
    }

    @Test func theCioClearsNoOneButOthersAndAnAdminNoOneButTheCio() throws {
        let proposed = try ProposedRewards()
        let (programme, cio, admin, quarter) = (proposed.programme, proposed.cio, proposed.fixture.admin, proposed.quarter)
        #expect(throws: CoreError.ownCase(subject: "the clearance of cio@corp.fr")) {
            try programme.clearForRewards(cio, period: quarter, note: "checked", by: cio)
        }
        #expect(throws: CoreError.self) {
            try programme.clearForRewards(proposed.fixture.jane, period: quarter, note: "checked", by: admin)
        }
        try programme.clearForRewards(cio, period: quarter, note: "the cio's jump: a keynote", by: admin)
        try programme.clearForRewards(proposed.fixture.jane, period: quarter, note: "checked", by: cio)
    }

    @Test func anAdminErasesOthersOnly() throws {
        let fixture = try ProgrammeFixture()
        let other = try EmailAddress("ops@corp.fr")
        try fixture.programme.addEmployee(try NewEmployee(email: other, name: "Otto Ops", role: .admin), by: fixture.admin)
        #expect(throws: CoreError.self) { try fixture.programme.erase(fixture.admin, by: fixture.admin) }
        let summary = try fixture.programme.erase(fixture.admin, by: other)
        let entry = try fixture.programme.auditEntries(AuditFilter(), by: other).last
        #expect(entry?.actorEmail == other.value)
        #expect(entry?.after?.contains(summary.pseudonym.value) == true)
    }
}
