import Testing

@testable import AdvocacyCore

@Suite("Proposal reasons as labels")
struct ProposalReasonLabelTests {
    @Test(arguments: [ProposalReason.wish(1), .wish(3), .work(try! ProjectCode("DATA-PLATFORM")), .development])
    func aLabelReadsBack(reason: ProposalReason) {
        #expect(ProposalReason(label: reason.label) == reason)
    }

    @Test(arguments: ["", "wish", "wish 0", "wish x", "work", "work 1bad", "development 2", "gift"])
    func anythingElseIsRefused(label: String) {
        #expect(ProposalReason(label: label) == nil)
    }
}
