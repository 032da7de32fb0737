import AdvocacyCore
import Foundation
import Testing

@testable import AdvocacyStore

@Suite("The right of access: everything held about a person")
struct PersonalDataStoreTests {
    @Test func theExportHoldsEveryKindOfData() throws {
        let programme = try ErasureStoreTests.programme()
        let store = programme.store, jane = programme.fixture.jane
        let data = try store.personalData(of: jane, by: jane)
        #expect(data.person.name == "Jane Doe" && data.person.hrId == "MAT-770412" && data.person.team == "Plateforme")
        #expect(data.consent.state == .granted && data.consent.history.map(\.source) == [.command])
        let blog = try #require(data.channels.first { $0.url.string == "https://blog.janedoe-ecrit.example" })
        #expect(
            blog.followers.map(\.followers) == [1_200, 1_350]
                && blog.feedUrl?.string == "https://blog.janedoe-ecrit.example/flux.xml")
        #expect(data.channels.count == 2)
        #expect(data.actions.count == 3)
        let tweet = try #require(data.actions.first { $0.url.host == "x.com" })
        #expect(tweet.metrics.map(\.reactions) == [25] && tweet.channel.string == "https://x.com/janedoe_77")
        #expect(data.actions.first { $0.title.hasPrefix("Kafka") }?.projects == ["ERP-2027"])
        #expect(data.wishes.map(\.rewardCode) == ["BOOK-1"])
        #expect(data.clearances.first?.clearedBy == "cio@corp.fr")
        #expect(!data.proposals.isEmpty && data.proposals.allSatisfy { $0.email == jane })

        let entries = data.auditEntries
        // Her own writes, the admin's about her, and the removed draft (in the trail only).
        #expect(entries.contains { $0.actorEmail == jane.value && $0.entity == "channel" })
        #expect(entries.contains { $0.actorEmail == "admin@corp.fr" && $0.entity == "employee" && $0.operation == "update" })
        #expect(
            entries.contains {
                $0.entity == "action" && $0.operation == "delete" && $0.before?.contains("brouillon-perdu") == true
            })
        #expect(entries.contains { $0.entity == "metricsSnapshot" && $0.actorEmail == "admin@corp.fr" })
        #expect(entries.contains { $0.entity == "rewardProposal" && $0.actorEmail == "hr@corp.fr" })
        #expect(entries.contains { $0.entity == "consent" })
        // Nothing about Paul that Jane did not do.
        #expect(!entries.contains { $0.actorEmail == "paul@corp.fr" || ($0.after ?? "").contains("paul.example.org") })
        #expect(entries.map(\.id) == entries.map(\.id).sorted())
    }

    @Test func onlyThePersonOrAnAdminMayExport() throws {
        let fixture = try StoreFixture()
        #expect(throws: CoreError.self) { try fixture.store.personalData(of: fixture.jane, by: fixture.paul) }
        #expect(try fixture.store.personalData(of: fixture.jane, by: fixture.admin).person.email == fixture.jane)
    }
}
