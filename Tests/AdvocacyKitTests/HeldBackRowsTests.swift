import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyStore
import Foundation
import GRDB
import Testing

/// An import holds new actions back, thousands at a time, and writes them
/// hundreds to a statement. A file imported at once must leave exactly what
/// its rows leave imported one file each, however its repeated addresses fall
/// against what is held.
@Suite("Imports written in batches")
struct HeldBackRowsTests {
    /// 500 rows by two people: new posts with 0 to 2 projects and figures,
    /// and rows that come back to an earlier post (under its other scheme, or
    /// its X form without the account) while it is held back, just after its
    /// batch was written (its tags and figures may still be held), and later.
    static func rows() -> [String] {
        var rows: [String] = []
        let projects = ["", "ERP-2027", "ERP-2027|DATA"]
        func author(_ index: Int) -> String { index % 3 == 0 ? "paul@corp.fr" : "jane@corp.fr" }
        func address(_ index: Int) -> String {
            let handle = author(index).hasPrefix("paul") ? "paulmartin" : "janedoe"
            return index % 4 == 0
                ? "https://x.com/\(handle)/status/\(1_840_512_345_670_000_000 + index)"
                : "https://\(handle).github.io/post-\(index)"
        }
        func day(_ index: Int) -> String { String(format: "2026-%02d-%02d", 1 + index % 10, 1 + index % 27) }
        func revisit(_ index: Int, at row: Int) -> String { "\(author(index)),\(address(index)),\(day(index)),DATA,\(row)," }
        let xPost = "18405123456789000\(20)"
        for index in 0..<500 {
            let row: String
            switch index {
            // Rows 0 to 259 are new posts but for three, each coming back to the
            // new post just before it.
            case 64, 129, 194: row = revisit(index - 1, at: index)
            case 270, 330:  // row 10's post again, over http, with other projects and more reactions
                row = "jane@corp.fr,http://janedoe.github.io/post-10,2026-02-11,DATA,\(index),"
            case 280:
                row = "jane@corp.fr,https://x.com/janedoe/status/\(xPost),2026-03-21,ERP-2027,5,"
            case 281, 300, 420:  // row 280's X post without its account
                row = "jane@corp.fr,https://x.com/i/web/status/\(xPost),2026-03-21,,\(index + 1),"
            case 350:  // an X post logged first without its account, then with it
                row = "paul@corp.fr,https://x.com/i/web/status/1840512345678999999,2026-04-02,,3,"
            case 351:
                row = "paul@corp.fr,https://x.com/paulmartin/status/1840512345678999999,2026-04-02,ERP-2027,4,"
            // From row 400, each odd row comes back to the one before, still held back.
            case _ where index >= 400 && index % 2 == 1 && index - 1 != 420: row = revisit(index - 1, at: index)
            default:
                let figures = index % 5 == 0 ? "," : "\(index % 17),\(index % 7 == 0 ? "" : String(index * 13))"
                row = "\(author(index)),\(address(index)),\(day(index)),\(projects[index % 3]),\(figures)"
            }
            rows.append(row)
        }
        return rows
    }

    static let header = "email,url,date,projects,reactions,impressions"

    static func programme() throws -> ProgrammeFixture {
        let fixture = try ProgrammeFixture()
        try fixture.programme.addProject(
            try Project.validated(code: ProjectCode("DATA"), name: "Plateforme de données", weight: 2), by: fixture.admin)
        for (email, handle) in [(fixture.jane, "janedoe"), (fixture.paul, "paulmartin")] {
            _ = try fixture.programme.addChannel(
                try NewChannel(
                    owner: email, url: fixture.url("https://x.com/\(handle)"), followers: 1_200,
                    followersDate: try LocalDate(parsing: "2026-01-01")), by: fixture.admin)
        }
        return fixture
    }

    /// Every table an import writes, row by row, in a stable order.
    static func contents(_ fixture: ProgrammeFixture) throws -> [String] {
        try fixture.store.writer.read { db in
            try [
                "SELECT id, employeeId, channelId, kind, title, url, urlHash, publishedOn, effortHours, contentFingerprint FROM action ORDER BY id",
                "SELECT * FROM actionProject ORDER BY actionId, projectId",
                "SELECT actionId, date, impressions, reactions, comments, shares, clicks, source FROM metricsSnapshot ORDER BY actionId, date",
                "SELECT * FROM actionFact ORDER BY actionId",
                "SELECT id, employeeId, url, kind FROM channel ORDER BY id",
                "SELECT name, seq FROM sqlite_sequence WHERE name = 'action'",
            ].flatMap { sql in try Row.fetchAll(db, sql: sql).map { "\($0)" } }
        }
    }

    @Test func aFileAtOnceLeavesWhatItsRowsLeaveOneByOne() throws {
        let rows = Self.rows()
        let atOnce = try Self.programme()
        let summary = try atOnce.programme.importTable(
            try ImportTable(.bytes(Data(([Self.header] + rows).joined(separator: "\n").utf8), name: "all.csv"), kind: .actions),
            mode: .allOrNothing, today: atOnce.today, by: atOnce.admin,
            onReject: { record, reason in Issue.record("line \(record.line): \(reason)") })
        #expect(summary.rejected == 0, "\(summary)")
        #expect(summary.updated >= 50 && summary.inserted > 400, "\(summary)")
        // Foreign keys are not looked up during the import: every row must still name rows that exist,
        // and the connection enforces them again afterwards.
        let (orphans, enforced) = try atOnce.store.writer.read { db in
            (try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(orphans.isEmpty && enforced == 1)

        let oneByOne = try Self.programme()
        for (index, row) in rows.enumerated() {
            _ = try oneByOne.programme.importTable(
                try ImportTable(.bytes(Data("\(Self.header)\n\(row)".utf8), name: "row-\(index).csv"), kind: .actions),
                mode: .allOrNothing, today: oneByOne.today, by: oneByOne.admin)
        }
        let expected = try Self.contents(oneByOne), found = try Self.contents(atOnce)
        #expect(found.count == expected.count)
        for (foundRow, expectedRow) in zip(found, expected) where foundRow != expectedRow {
            Issue.record("at once: \(foundRow)\none by one: \(expectedRow)")
            break
        }
        // Row 10's post: the last of its three rows' projects and reactions.
        let post = try #require(try atOnce.programme.actions().first { $0.url.string == "https://janedoe.github.io/post-10" })
        #expect(post.projects.map(\.value) == ["DATA"])
        #expect(post.metrics.reactions == 330)
        // Row 280's post keeps its account's form and takes the last reactions given for it.
        let xPost = try #require(
            try atOnce.programme.actions().first { $0.url.string == "https://x.com/janedoe/status/1840512345678900020" })
        #expect(xPost.metrics.reactions == 421)
    }
    /// Past its 10,000th row, an import asks the database only about
    /// addresses its filter may hold, and past ``ActionRowWriter/rowsHeld``
    /// new actions it has written what it held: rows that come back to a
    /// post must still find it, whatever form or scheme they use.
    @Test func pastTheFilterAndAWriteRowsStillFindTheirPosts() throws {
        let fixture = try Self.programme()
        func post(_ index: Int) -> String { "https://janedoe.github.io/\(index)" }
        let count = 32_800
        var rows = (0..<count).map { index in
            index % 10 == 0
                ? "jane@corp.fr,https://x.com/janedoe/status/\(1_840_512_345_670_000_000 + index),2026-03-01,,1,"
                : "jane@corp.fr,\(post(index)),2026-03-01,,1,"
        }
        // The 32,768th new post filled what is held; the next row comes back to it, just written.
        rows.insert("jane@corp.fr,http://janedoe.github.io/32767,2026-03-01,,90,", at: 32_768)
        rows += [
            "jane@corp.fr,http://janedoe.github.io/5,2026-03-01,,50,",  // long written, other scheme
            "jane@corp.fr,\(post(count - 1)),2026-03-01,,60,",  // still held back
            "jane@corp.fr,https://x.com/i/web/status/\(1_840_512_345_670_000_000 + 10_030),2026-03-01,,70,",
            "jane@corp.fr,https://twitter.com/JaneDoe/status/\(1_840_512_345_670_000_000 + 40),2026-03-01,,80,",
        ]
        let summary = try fixture.programme.importTable(
            try ImportTable(.bytes(Data(([Self.header] + rows).joined(separator: "\n").utf8), name: "big.csv"), kind: .actions),
            mode: .allOrNothing, today: fixture.today, by: fixture.admin)
        #expect(summary.inserted == count && summary.updated == 5, "\(summary)")
        let reactions = Dictionary(
            uniqueKeysWithValues: try fixture.programme.actions().map { ($0.url.string, $0.metrics.reactions) })
        #expect(reactions.count == count)
        #expect(reactions[post(5)] == 50 && reactions[post(count - 1)] == 60 && reactions[post(32_767)] == 90)
        #expect(reactions["https://x.com/janedoe/status/\(1_840_512_345_670_000_000 + 10_030)"] == 70)
        #expect(reactions["https://x.com/janedoe/status/\(1_840_512_345_670_000_000 + 40)"] == 80)
    }
}
