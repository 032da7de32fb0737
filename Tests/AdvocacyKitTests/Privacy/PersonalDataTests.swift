import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import Testing

@testable import AdvocacyStore

@Suite("The right of access: everything held about a person")
struct PersonalDataStoreTests {
    @Test func theExportHoldsEveryKindOfData() throws {
        let programme = try ErasureStoreTests.programme()
        let jane = programme.fixture.jane
        let data = try programme.kit.personalData(of: jane, by: jane)
        #expect(data.person.name == "Jane Doe" && data.person.hrId == "MAT-770412" && data.person.team == "Plateforme")
        #expect(data.consent.state == .granted && data.consent.history.map(\.source) == [.command])
        let blog = try #require(data.channels.first { $0.url.string == "https://blog.janedoe-ecrit.example" })
        #expect(
            blog.followers.map(\.followers) == [1_200, 1_350]
                && blog.feedUrl?.string == "https://blog.janedoe-ecrit.example/flux.xml")
        #expect(data.channels.count == 2)
        #expect(data.actions.count == 4)
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

    /// Each part of the export, with every optional value absent: every key is written, the absent ones as null.
    @Test func absentValuesAreWrittenAsNullUnderEveryKey() throws {
        let day = ProgrammeFixture.today, url = CanonicalURL(alreadyCanonical: "https://x.com/janedoe_77")
        func object(_ value: some Encodable) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value)) as? [String: Any])
        }
        let cases: [(value: any Encodable, keys: Set<String>, null: Set<String>)] = [
            (
                PersonalData.Person(
                    email: try EmailAddress("jane@corp.fr"), name: "Jane Doe", team: nil, role: .staff, hrId: nil, active: true,
                    hidden: false,
                    createdAt: "2026-11-21T12:00:00Z", erasedAt: nil),
                ["email", "name", "team", "role", "hrId", "active", "hidden", "createdAt", "erasedAt"],
                ["team", "hrId", "erasedAt"]
            ),
            (
                PersonalData.ChannelData(
                    url: url, kind: .x, scope: .external, feedUrl: nil, createdAt: "2026-11-21T12:00:00Z", followers: []),
                ["url", "kind", "scope", "feedUrl", "createdAt", "followers"], ["feedUrl"]
            ),
            (
                PersonalData.MetricsData(date: day, impressions: nil, reactions: 1, comments: 2, shares: 3, clicks: 4),
                ["date", "impressions", "reactions", "comments", "shares", "clicks"], ["impressions"]
            ),
            (
                PersonalData.ActionData(
                    url: url, kind: .post, title: "A post", publishedOn: day, effortHours: nil, channel: url, projects: [],
                    createdAt: "2026-11-21T12:00:00Z", metrics: []),
                ["url", "kind", "title", "publishedOn", "effortHours", "channel", "projects", "createdAt", "metrics"],
                ["effortHours"]
            ),
            (
                PersonalData.Clearance(period: "2026-Q4", note: "A talk", clearedBy: nil, clearedAt: "2026-11-21T12:00:00Z"),
                ["period", "note", "clearedBy", "clearedAt"], ["clearedBy"]
            ),
        ]
        for (value, keys, null) in cases {
            let json = try object(value)
            #expect(Set(json.keys) == keys, "\(type(of: value))")
            #expect(Set(json.filter { $0.value is NSNull }.keys) == null, "\(type(of: value))")
        }
    }

    @Test func onlyThePersonOrAnAdminMayExport() throws {
        let fixture = try ProgrammeFixture()
        #expect(throws: CoreError.self) { try fixture.programme.personalData(of: fixture.jane, by: fixture.paul) }
        #expect(try fixture.programme.personalData(of: fixture.jane, by: fixture.admin).person.email == fixture.jane)
    }
}
