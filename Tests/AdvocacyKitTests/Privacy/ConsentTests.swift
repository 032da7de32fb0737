import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

@Suite("Consent in the store")
struct ConsentStoreTests {
    /// The fixture plus Léa, who has recorded nothing.
    static func withLea() throws -> (ProgrammeFixture, EmailAddress) {
        let fixture = try ProgrammeFixture()
        let lea = try EmailAddress("lea@corp.fr")
        try fixture.programme.addEmployee(try NewEmployee(email: lea, name: "Léa Petit", team: "Data"), by: fixture.admin)
        return (fixture, lea)
    }

    @Test func trackingOneselfRecordsConsentOnce() throws {
        let (fixture, lea) = try Self.withLea()
        let programme = fixture.programme
        #expect(try programme.consentState(of: lea) == .unrecorded)
        try programme.addChannel(
            try NewChannel(owner: lea, url: fixture.url("https://lea.dev"), followersDate: fixture.today), by: lea)
        try programme.logAction(try fixture.draft("https://lea.dev/post", by: lea), by: lea)
        let status = try programme.consent(of: lea, by: lea)
        #expect(status.state == .granted)
        #expect(status.history.map(\.source) == [.ownChannel])
        #expect(status.history.first?.recordedBy == lea)
        // Recorded in the trail like any write.
        let entries = try programme.auditEntries(AuditFilter(entity: "consent"), by: fixture.admin)
        #expect(entries.contains { $0.actorEmail == lea.value && $0.operation == "insert" })
    }

    @Test func othersNeedConsentForExternalChannelsButNotInternalOnes() throws {
        let (fixture, lea) = try Self.withLea()
        let programme = fixture.programme, admin = fixture.admin
        let before = try fixture.snapshot()
        let blog = fixture.url("https://lea.dev")
        #expect(throws: StoreError.noConsent(lea, channel: blog)) {
            try programme.addChannel(
                try NewChannel(owner: lea, url: blog, followers: 10, followersDate: fixture.today), by: admin)
        }
        #expect(throws: StoreError.noConsent(lea, channel: fixture.url("https://x.com/lea"))) {
            try programme.logAction(try fixture.draft("https://x.com/lea/status/1", by: lea), by: admin)
        }
        #expect(try fixture.snapshot() == before)
        #expect(
            StoreError.noConsent(lea, channel: blog).localizedDescription.contains("advocacy privacy consent lea@corp.fr --grant")
        )

        // The company's own network needs no consent; nothing is recorded for her.
        let intranet = fixture.url("https://intranet.corp.fr/people/lea")
        try programme.addChannel(
            try NewChannel(owner: lea, url: intranet, kind: .internal, followersDate: fixture.today), by: admin)
        try programme.recordFollowers(intranet, count: 40, on: fixture.today, by: admin)
        #expect(try programme.consentState(of: lea) == .unrecorded)

        try programme.recordConsent(lea, granted: true, by: admin)
        try programme.addChannel(try NewChannel(owner: lea, url: blog, followers: 10, followersDate: fixture.today), by: admin)
        try programme.logAction(try fixture.draft("https://lea.dev/first", by: lea), by: admin)
    }

    @Test func aWithdrawalStopsAllNewTrackingByAnyone() throws {
        let fixture = try ProgrammeFixture()
        let programme = fixture.programme, jane = fixture.jane, admin = fixture.admin
        let blog = fixture.url("https://jane.dev")
        try programme.addChannel(try NewChannel(owner: jane, url: blog, followersDate: fixture.today), by: jane)
        let post = try programme.logAction(try fixture.draft("https://jane.dev/one", by: jane), by: jane)

        let (status, changed) = try programme.recordConsent(jane, granted: false, by: jane)
        #expect(changed && status.state == .withdrawn)
        #expect(try programme.recordConsent(jane, granted: false, by: admin).changed == false)

        let refused = StoreError.consentWithdrawn(jane, on: "2026-11-21")
        let before = try fixture.snapshot()
        #expect(throws: refused) { try programme.logAction(try fixture.draft("https://jane.dev/two", by: jane), by: jane) }
        #expect(throws: refused) { try programme.logAction(try fixture.draft("https://jane.dev/three", by: jane), by: admin) }
        #expect(throws: refused) {
            try programme.recordMetrics(post.url, try MetricsUpdate(reactions: 3), on: fixture.today, by: jane)
        }
        #expect(throws: refused) { try programme.recordFollowers(blog, count: 12, on: fixture.today, by: admin) }
        #expect(throws: refused) {
            try programme.addChannel(
                try NewChannel(
                    owner: jane, url: fixture.url("https://intranet.corp.fr/jane"), kind: .internal, followersDate: fixture.today),
                by: jane)
        }
        #expect(try fixture.snapshot() == before)
        #expect(refused.localizedDescription.contains("withdrew their consent on 2026-11-21"))

        // Only she or an admin records it; granting again resumes tracking.
        #expect(throws: CoreError.self) { try programme.recordConsent(jane, granted: true, by: fixture.paul) }
        try programme.recordConsent(jane, granted: true, by: jane)
        try programme.logAction(try fixture.draft("https://jane.dev/two", by: jane), by: jane)
        #expect(try programme.consent(of: jane, by: admin).history.map(\.granted) == [true, false, true])
        #expect(throws: CoreError.self) { try programme.consent(of: jane, by: fixture.paul) }
    }

    @Test func syncLeavesOutTheFeedsItMayNotRead() throws {
        let (fixture, lea) = try Self.withLea()
        let programme = fixture.programme, admin = fixture.admin, jane = fixture.jane
        try programme.addChannel(
            try NewChannel(
                owner: jane, url: fixture.url("https://jane.dev"), feedURL: fixture.url("https://jane.dev/feed"),
                followersDate: fixture.today),
            by: jane)
        try programme.addChannel(
            try NewChannel(
                owner: lea, url: fixture.url("https://lea.dev"), feedURL: fixture.url("https://lea.dev/feed"),
                followersDate: fixture.today),
            by: lea)
        try programme.recordConsent(lea, granted: false, by: lea)
        #expect(try programme.feedChannels(by: admin).map(\.owner) == [jane])
        #expect(try programme.feedChannels(by: lea).isEmpty)
        // Asked for by name, the channel is still handed over: the import then says why it is refused.
        #expect(try programme.feedChannels(only: fixture.url("https://lea.dev"), by: admin).count == 1)
    }

    @Test func theDemoRecordsConsentForItsFictionalPeople() throws {
        let dataset = try DemoProgramme.generate(employees: 30, seed: 7, today: ProgrammeFixture.today)
        let store = try AdvocacyStore.inMemory(now: { ProgrammeFixture.now })
        let programme = Programme(store: store)
        _ = try programme.loadDemo(dataset, replacing: false)
        let counts = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, SUM(granted) AS granted, MIN(source) AS source FROM consent")
        }
        let n: Int? = counts?["n"], granted: Int? = counts?["granted"], source: String? = counts?["source"]
        #expect(n == 30 && granted == 30 && source == "demo")
        // Replacing it starts the consent history again.
        _ = try programme.loadDemo(dataset, replacing: true, by: dataset.admin)
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM consent") } == 30)
    }
}
