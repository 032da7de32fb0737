import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

@Suite("Erasure: a person anonymised everywhere, the file included")
struct ErasureStoreTests {
    /// A programme in a real file where Jane has left a trace in every
    /// table: a blog with a feed and follower counts, an X account made by
    /// a post, actions with figures (one removed since), a wish, a cio's
    /// clearance and an approved reward whose notes name her, and writes of
    /// her own and about her in the audit trail.
    struct ErasedProgramme {
        let folder: TemporaryFolder
        let path: String
        let fixture: ProgrammeFixture
        let hr: EmailAddress
        let cio: EmailAddress
        let quarter: Period
        /// Every string of Jane's the erasure must remove.
        let janeStrings: [String]

        var store: AdvocacyStore { fixture.store }
        var kit: Programme { fixture.programme }
    }

    static func programme() throws -> ErasedProgramme {
        let folder = try TemporaryFolder()
        let path = folder.path("programme.sqlite")
        let fixture = try ProgrammeFixture(
            store: try AdvocacyStore.open(atPath: path, create: true, now: { ProgrammeFixture.now }))
        let programme = fixture.programme, jane = fixture.jane, admin = fixture.admin, paul = fixture.paul
        let hr = try EmailAddress("hr@corp.fr"), cio = try EmailAddress("cio@corp.fr")
        try programme.addEmployee(try NewEmployee(email: hr, name: "Hugo HR", role: .hr), by: admin)
        try programme.addEmployee(try NewEmployee(email: cio, name: "Chloé CIO", role: .cio), by: admin)
        try programme.updateEmployee(jane, try EmployeeChanges(team: "Plateforme", hrID: "MAT-770412"), by: admin)

        let blog = fixture.url("https://blog.janedoe-ecrit.example")
        try programme.addChannel(
            try NewChannel(
                owner: jane, url: blog, feedURL: fixture.url("https://blog.janedoe-ecrit.example/flux.xml"), followers: 1_200,
                followersDate: fixture.today.adding(days: -40)),
            by: jane)
        try programme.recordFollowers(blog, count: 1_350, on: fixture.today.adding(days: -3), by: jane)
        for (slug, title, days) in [
            ("kafka-a-l-echelle", "Kafka à l'échelle chez Zéphyrine", -30),
            ("erp-retours", "Nos retours sur la refonte Quetzalcoatl", -12),
        ] {
            let draft = try ActionDraft(
                author: jane, url: fixture.url("https://blog.janedoe-ecrit.example/\(slug)"), kind: .article, title: title,
                date: fixture.today.adding(days: days), projects: [fixture.erp],
                metrics: try MetricsUpdate(reactions: 60, comments: 9),
                today: fixture.today)
            try fixture.logAccepted(draft, by: jane)
        }
        try fixture.logAccepted(
            try fixture.draft("https://x.com/janedoe_77/status/1860000000000000001", metrics: try MetricsUpdate(reactions: 5)),
            by: jane)
        try programme.recordMetrics(
            fixture.url("https://x.com/janedoe_77/status/1860000000000000001"), try MetricsUpdate(reactions: 25),
            on: fixture.today, by: admin)
        let draft = try ActionDraft(
            author: jane, url: fixture.url("https://blog.janedoe-ecrit.example/brouillon-perdu"),
            title: "Un brouillon jamais publié",
            date: fixture.today.adding(days: -2), today: fixture.today)
        try programme.logAction(draft, by: jane)
        try programme.removeAction(draft.url, by: jane)
        try fixture.logAccepted(
            try fixture.draft(
                "https://paul.example.org/sso", by: paul, kind: .article, projects: [fixture.erp],
                metrics: try MetricsUpdate(reactions: 20)), by: paul)

        let quarter = Period.quarter(containing: fixture.today)
        let book = try RewardCode("BOOK-1")
        try programme.addRewardItem(
            RewardItem(code: book, name: "A book", category: .book, costCents: 4_000, stock: 10), by: hr)
        try programme.setRewardBudget(quarter, cents: 100_000, by: hr)
        try programme.addWish(book, rank: 1, by: jane)
        try programme.clearForRewards(
            jane, period: quarter, note: "Checked Jane Doe's jump with jane@corp.fr: a conference talk", by: cio)
        let run = try fixture.programme.proposeRewards(period: quarter, today: fixture.today, by: hr)
        let janes = try programme.rewardProposals(period: quarter, by: hr).filter { $0.email == jane }.map(\.id)
        #expect(!janes.isEmpty && janes.count < run.proposalIDs.count)
        try programme.approveRewards(janes, note: "Well deserved, Jane Doe", by: hr)
        // A reviewer's reason may name the person too.
        let unpublished = try fixture.draft("https://blog.janedoe-ecrit.example/pas-encore", by: jane, kind: .article)
        try programme.logAction(unpublished, by: jane)
        try programme.rejectActions(
            [unpublished.url], reason: "Asked Jane Doe (jane@corp.fr): not published yet", today: fixture.today, by: cio)
        // So may a cio's note clearing a flag for gaming.
        let kafka = "https://blog.janedoe-ecrit.example/kafka-a-l-echelle"
        let kafkaID = try #require(
            try fixture.store.writer.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM action WHERE url = ?", arguments: [kafka])
            })
        try fixture.store.writing(as: cio) { transaction, acting in
            try transaction.clearFlag(
                .busyDay, actions: [kafkaID], note: "Jane Doe (jane@corp.fr) was at a conference", by: acting)
        }

        return ErasedProgramme(
            folder: folder, path: path, fixture: fixture, hr: hr, cio: cio, quarter: quarter,
            janeStrings: [
                "jane@corp.fr", "Jane Doe", "MAT-770412", "janedoe-ecrit", "https://blog.janedoe-ecrit.example",
                "https://blog.janedoe-ecrit.example/flux.xml", "https://blog.janedoe-ecrit.example/kafka-a-l-echelle",
                "Kafka à l'échelle chez Zéphyrine", "Nos retours sur la refonte Quetzalcoatl", "https://x.com/janedoe_77",
                "janedoe_77/status/1860000000000000001", "brouillon-perdu", "Un brouillon jamais publié",
            ])
    }

    /// The bytes of the database file and its write-ahead log.
    static func fileBytes(_ path: String) throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        if let wal = FileManager.default.contents(atPath: path + "-wal") { data.append(wal) }
        return data
    }

    static func found(_ strings: [String], in data: Data) -> [String] {
        strings.filter { data.range(of: Data($0.utf8)) != nil }
    }

    @Test func noneOfThePersonsStringsRemainsInTheFile() throws {
        let programme = try Self.programme()
        let jane = programme.fixture.jane
        // What the test looks for is there to begin with (file or log).
        #expect(Self.found(programme.janeStrings, in: try Self.fileBytes(programme.path)) == programme.janeStrings)

        let summary = try programme.kit.erase(jane, by: programme.fixture.admin, random: 0x7F3A_91C2_0B4D)
        #expect(summary.pseudonym.value == "erased-7f3a91c20b4d@erased.invalid")
        #expect(summary.channels == 2 && summary.actions == 4 && summary.fileCompacted)

        let bytes = try Self.fileBytes(programme.path)
        #expect(Self.found(programme.janeStrings, in: bytes) == [])
        // Others are untouched, and the pseudonym is there instead.
        #expect(
            Self.found(["paul@corp.fr", "Paul Martin", "https://paul.example.org/sso", summary.pseudonym.value], in: bytes).count
                == 4)

        // Closed and opened again, still nothing.
        let reopened = try AdvocacyStore.open(atPath: programme.path)
        #expect(try reopened.employees().map(\.email).contains(summary.pseudonym))
        #expect(Self.found(programme.janeStrings, in: try Self.fileBytes(programme.path)) == [])
    }

    @Test func figuresBudgetsAndRewardsStillAddUp() throws {
        let programme = try Self.programme()
        let jane = programme.fixture.jane, hr = programme.hr, today = programme.fixture.today
        let before = try programme.kit.rank(period: programme.quarter, today: today, by: hr)
        let proposalsBefore = try programme.kit.rewardProposals(period: programme.quarter, by: hr)
        let budgetBefore = try programme.kit.rewardBudgets(programme.quarter, by: hr)

        let summary = try programme.kit.erase(jane, by: programme.fixture.admin, random: 42)

        let after = try programme.kit.rank(period: programme.quarter, today: today, by: hr)
        #expect(after.people.map(\.score) == before.people.map(\.score))
        #expect(
            after.people.map(\.person.email)
                == before.people.map { $0.person.email == jane ? summary.pseudonym : $0.person.email })
        let erased = try #require(after.people.first { $0.person.email == summary.pseudonym })
        #expect(erased.person.name == summary.pseudonymName && erased.person.team == "Plateforme" && !erased.person.isActive)

        let proposalsAfter = try programme.kit.rewardProposals(period: programme.quarter, by: hr)
        #expect(proposalsAfter.map(\.costCents) == proposalsBefore.map(\.costCents))
        #expect(proposalsAfter.map(\.status) == proposalsBefore.map(\.status))
        let theirs = proposalsAfter.filter { $0.email == summary.pseudonym }
        #expect(!theirs.isEmpty && theirs.allSatisfy { $0.hrId == nil && $0.name == summary.pseudonymName })
        #expect(theirs.allSatisfy { $0.note == "Well deserved, \(summary.pseudonymName)" })
        #expect(try programme.kit.rewardBudgets(programme.quarter, by: hr) == budgetBefore)

        let actions = try programme.kit.actions(ActionFilter(author: summary.pseudonym))
        #expect(
            actions.count == 4 && actions.allSatisfy { $0.url.host == "erased.invalid" && $0.title.hasPrefix("Erased action ") })
        #expect(actions.map(\.metrics.reactions).sorted() == [0, 25, 60, 60])
        #expect(
            try programme.kit.channels(owner: summary.pseudonym).allSatisfy {
                $0.feedURL == nil && $0.url.host == "erased.invalid"
            })

        // The pseudonym can no longer act or be tracked.
        #expect(throws: CoreError.self) {
            try programme.kit.logAction(
                try programme.fixture.draft("https://erased.invalid/x", by: summary.pseudonym), by: summary.pseudonym)
        }
        #expect(throws: StoreError.alreadyErased(summary.pseudonym)) {
            try programme.kit.erase(summary.pseudonym, by: programme.fixture.admin)
        }
    }

    @Test func theTrailKeepsEveryEntryUnderThePseudonymAndRecordsTheErasure() throws {
        let programme = try Self.programme()
        let admin = programme.fixture.admin
        let countBefore = try programme.kit.auditEntries(by: admin).count
        // The hashes of her addresses, removed ones included: a guessed address hashes to them.
        let hashes = try programme.store.writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT json_extract(COALESCE(after, before), '$.url') FROM auditEntry
                    WHERE entity = 'action' AND json_extract(COALESCE(after, before), '$.url') LIKE '%janedoe%'
                    """)
        }.map { String(AddressHash.of($0)) }
        #expect(hashes.count == 5)
        #expect(try programme.kit.auditEntries(by: admin).contains { ($0.after ?? "").contains(hashes[0]) })
        // And her titles' content fingerprints, which a guessed title would match.
        let fingerprintsOf = { (sql: String) in try programme.store.writer.read { db in try Int64.fetchAll(db, sql: sql) } }
        let janeActions =
            "SELECT actionId FROM actionFact WHERE employeeId = (SELECT id FROM employee WHERE email = 'jane@corp.fr')"
        let fingerprints = try fingerprintsOf(
            "SELECT contentFingerprint FROM action WHERE contentFingerprint != 0 AND id IN (\(janeActions))")
        #expect(!fingerprints.isEmpty)
        let duplicates = fingerprints.count - Set(fingerprints).count
        let summary = try programme.kit.erase(programme.fixture.jane, by: admin, random: 0xABC)
        let erasedActions =
            "SELECT actionId FROM actionFact WHERE employeeId = (SELECT id FROM employee WHERE email = '\(summary.pseudonym.value)')"
        let replaced = try fingerprintsOf(
            "SELECT contentFingerprint FROM action WHERE contentFingerprint != 0 AND id IN (\(erasedActions))")
        #expect(replaced.count == fingerprints.count && replaced.count - Set(replaced).count == duplicates)
        #expect(Set(replaced).isDisjoint(with: fingerprints))
        #expect(
            try fingerprintsOf(
                "SELECT contentFingerprint FROM actionFact WHERE contentFingerprint != 0 AND actionId IN (\(erasedActions))"
            ).sorted() == replaced.sorted())

        let entries = try programme.kit.auditEntries(by: admin)
        #expect(entries.count == countBefore + 1)
        let text = entries.map { "\($0.actorEmail ?? "") \($0.before ?? "") \($0.after ?? "")" }.joined(separator: "\n")
        for string in programme.janeStrings + hashes + fingerprints.map(String.init) {
            #expect(!text.contains(string), "\(string) is still in the trail")
        }
        #expect(entries.contains { $0.actorEmail == summary.pseudonym.value })
        let erasure = try #require(entries.last)
        #expect(erasure.actorEmail == admin.value && erasure.entity == "employee" && erasure.operation == "bulk")
        #expect(erasure.after?.contains(summary.pseudonym.value) == true)
        // The rewrite replaces values and adds no key: the erasure's own entry says only what it did.
        #expect(AuditEntry.row(erasure.after).map { Set($0.keys) } == ["actions", "channels", "erased"])
        // Every rewritten entry is still valid JSON with its keys.
        #expect(
            entries.allSatisfy {
                ($0.before == nil || AuditEntry.row($0.before) != nil) && ($0.after == nil || AuditEntry.row($0.after) != nil)
            })
        // The trail is still append-only.
        #expect(throws: (any Error).self) {
            try programme.store.write { try $0.execute(sql: "UPDATE auditEntry SET actorEmail = 'x'") }
        }
    }

    @Test func onlyAnAdminErasesAndNeverTheLastOne() throws {
        let fixture = try ProgrammeFixture()
        let programme = fixture.programme
        #expect(throws: CoreError.self) { try programme.erase(fixture.paul, by: fixture.jane) }
        // No admin erases themself: the trail keeps who erased.
        #expect(throws: CoreError.self) { try programme.erase(fixture.admin, by: fixture.admin) }
        #expect(throws: StoreError.unknownEmployee(try EmailAddress("ghost@corp.fr"))) {
            try programme.erase(try EmailAddress("ghost@corp.fr"), by: fixture.admin)
        }
        // With a second admin, an admin may be erased by the other: their own entries are pseudonymised,
        // and the erasure's entry names who erased.
        let second = try EmailAddress("second@corp.fr")
        try programme.addEmployee(try NewEmployee(email: second, name: "Second Admin", role: .admin), by: fixture.admin)
        #expect(throws: CoreError.self) { try programme.erase(fixture.admin, by: fixture.admin) }
        let summary = try programme.erase(fixture.admin, by: second)
        let entries = try programme.auditEntries(by: second)
        #expect(!entries.contains { $0.actorEmail == fixture.admin.value })
        #expect(entries.contains { $0.actorEmail == summary.pseudonym.value })
        #expect(entries.last?.actorEmail == second.value)
    }
}
