import AdvocacyCore
import AdvocacyStore
import Foundation
import Testing

@testable import AdvocacyCLI

@Suite("Import commands")
struct ImportCLITests {
    let admin = "admin@corp.fr"

    @Test func aFrenchRosterImportsAndImportingItAgainChangesNothing() throws {
        let cli = try CLIHarness.withProgramme()
        let roster = try cli.fixture("roster-fr.csv")
        let first = try cli.expectSuccess("import", "employees", roster, as: admin)
        #expect(first.output.contains("inserted 3, updated 0, unchanged 0, rejected 0"))
        let elodie = try AdvocacyStore.open(atPath: cli.databasePath).employee(try EmailAddress("elodie.martin@corp.fr"))
        #expect(elodie.name == "Élodie Martin" && elodie.team == "Sécurité" && elodie.hrID == "M-1001")
        let francois = try AdvocacyStore.open(atPath: cli.databasePath).employee(try EmailAddress("francois.dupre@corp.fr"))
        #expect(francois.role == .cio)
        let chloe = try AdvocacyStore.open(atPath: cli.databasePath).employee(try EmailAddress("chloe.lefevre@corp.fr"))
        #expect(chloe.name == "Lefèvre; Chloé" && chloe.role == .staff)

        let dump = try cli.databaseDump()
        let again = try cli.expectSuccess("import", "employees", roster, as: admin)
        #expect(again.output.contains("inserted 0, updated 0, unchanged 3, rejected 0"))
        #expect(try cli.databaseDump() == dump)
    }

    @Test func changingRegisteredPeopleNeedsUpdateAndEmptyCellsKeepWhatIsStored() throws {
        let cli = try CLIHarness.withProgramme()
        let moved = try cli.file("moved.csv", "email,name,team,role\njane@corp.fr,,Sécurité,\npaul@corp.fr,Paul Martin,,\n")
        let refused = cli.run(["import", "employees", moved], as: admin)
        #expect(refused.status == 1)
        #expect(refused.error.contains("moved.csv:2: jane@corp.fr is already registered with other details: pass --update"))
        let updated = try cli.expectSuccess("import", "employees", moved, "--update", as: admin)
        #expect(updated.output.contains("inserted 0, updated 1, unchanged 1, rejected 0"))
        let jane = try AdvocacyStore.open(atPath: cli.databasePath).employee(try EmailAddress("jane@corp.fr"))
        #expect(jane.name == "Jane Doe" && jane.team == "Sécurité")
    }

    @Test func importingEmployeesNeedsAnAdmin() throws {
        let cli = try CLIHarness.withProgramme()
        let roster = try cli.fixture("roster-fr.csv")
        let before = try cli.databaseDump()
        let result = cli.run(["import", "employees", roster], as: "jane@corp.fr")
        #expect(result.status == ExitStatus.permissionRefused)
        #expect(try cli.databaseDump() == before)
    }

    @Test func actionsImportOntoTheirChannelsWithTagsAndFigures() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("actions.csv")
        let result = try cli.expectSuccess("import", "actions", file, as: admin)
        #expect(result.output.contains("inserted 4, updated 0, unchanged 0, rejected 0"), "\(result.output) \(result.error)")
        let store = try AdvocacyStore.open(atPath: cli.databasePath)
        let erp = try store.actions(ActionFilter(project: try ProjectCode("ERP-2027")))
        #expect(Set(erp.map(\.url.string)) == ["https://blog.jane.dev/refonte-erp", "https://x.com/janedoe/status/42"])
        let post = try #require(erp.first { $0.url.host == "x.com" })
        #expect(post.title == "Une ligne, avec \"guillemets\"" && post.channel.string == "https://x.com/janedoe")
        #expect(post.metrics.reactions == 12 && post.metrics.shares == 1 && post.metrics.comments == 0)
        let article = try #require(erp.first { $0.url.host == "blog.jane.dev" })
        #expect(article.effortHours == 6 && article.metrics.impressions == 1200 && article.metricsDate == CLIHarness.today)
        let linkedIn = try #require(try store.actions().first { $0.url.host == "linkedin.com" })
        #expect(linkedIn.kind == .post && linkedIn.channel.string == "https://linkedin.com/in/janedoe")
    }

    @Test func theSameFileTwiceChangesNothingAndNewFiguresAddASnapshot() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("actions.csv")
        try cli.expectSuccess("import", "actions", file, as: admin)
        let dump = try cli.databaseDump()
        let again = try cli.expectSuccess("import", "actions", file, as: admin)
        #expect(again.output.contains("inserted 0, updated 0, unchanged 4, rejected 0"))
        #expect(try cli.databaseDump() == dump)

        let later = try cli.file(
            "later.csv",
            "email,url,reactions,date,metrics_date\njane@corp.fr,https://blog.jane.dev/refonte-erp,55,2026-10-01,2026-11-21\n")
        let changed = try cli.expectSuccess("import", "actions", later, as: admin)
        #expect(changed.output.contains("inserted 0, updated 1, unchanged 0, rejected 0"))
        let article = try AdvocacyStore.open(atPath: cli.databasePath).actions().first { $0.url.host == "blog.jane.dev" }
        // Counters the row leaves out keep their latest value, as with 'metrics'.
        #expect(article?.metrics == Metrics(impressions: 1200, reactions: 55, comments: 5, shares: 3, clicks: 30))
        // The summary scoring reads follows, and the triggers that keep it are back in place.
        #expect(
            try GRDBProbe.value(
                cli, "SELECT f.reactions FROM actionFact f JOIN action a ON a.id = f.actionId WHERE a.url LIKE '%refonte-erp'")
                == 55)
        #expect(
            try GRDBProbe.value(cli, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'actionFact%'")
                == 15)
        try cli.expectSuccess("metrics", "https://blog.jane.dev/refonte-erp", "--reactions", "60", as: "jane@corp.fr")
        #expect(
            try GRDBProbe.value(
                cli, "SELECT f.reactions FROM actionFact f JOIN action a ON a.id = f.actionId WHERE a.url LIKE '%refonte-erp'")
                == 60)
    }

    @Test func anInvalidLastRowLeavesTheDatabaseExactlyAsItWas() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("actions-bad-last-row.csv")
        let before = try cli.databaseDump()
        let result = cli.run(["import", "actions", file], as: admin)
        #expect(result.status == 1)
        #expect(result.error.contains("actions-bad-last-row.csv:4: '2026-13-45' is not a date"))
        #expect(result.errorLines.last?.contains("nothing was imported from") == true)
        #expect(result.output.contains("inserted 2, updated 0, unchanged 0, rejected 1 (nothing written)"))
        #expect(try cli.databaseDump() == before)
    }

    @Test func skipInvalidWritesTheValidRowsAndSetsTheOthersAsideWithTheirReason() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("actions-bad-last-row.csv")
        let result = try cli.expectSuccess("import", "actions", file, "--skip-invalid", as: admin)
        #expect(result.output.contains("inserted 2, updated 0, unchanged 0, rejected 1"))
        let rejects = try String(contentsOfFile: file + ".rejects.csv", encoding: .utf8)
        let records = try CSVReader.records(in: Data(rejects.utf8))
        #expect(records.count == 2)
        #expect(records[0].last == "reason" && records[1][1] == "https://blog.jane.dev/suite")
        #expect(records[1].last?.contains("'2026-13-45' is not a date") == true)
        #expect(try AdvocacyStore.open(atPath: cli.databasePath).actions().count == 2)
    }

    @Test func aDryRunCountsAndWritesNothing() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("actions.csv")
        let before = try cli.databaseDump()
        let result = try cli.expectSuccess("import", "actions", file, "--dry-run", "--format", "json", as: admin)
        let report = try #require(try cli.json(result) as? [String: Any])
        #expect(report["inserted"] as? Int == 4 && report["written"] as? Bool == false && report["dryRun"] as? Bool == true)
        #expect(try cli.databaseDump() == before)
    }

    @Test func moreThanTwentyProblemsAreCountedNotAllPrinted() throws {
        let cli = try CLIHarness.withProgramme()
        var text = "email,url,date\n"
        for index in 1...25 { text += "nobody@corp.fr,https://blog.example.org/p\(index),2026-10-01\n" }
        let result = cli.run(["import", "actions", try cli.file("many.csv", text)], as: admin)
        #expect(result.status == 1)
        #expect(
            result.errorLines.filter { $0.contains("many.csv:") && $0.contains("no employee with email nobody@corp.fr") }.count
                == 20)
        #expect(result.error.contains("… and 5 more invalid rows"))
    }

    @Test func staffImportTheirOwnActionsOnly() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("actions.csv")
        let result = cli.run(["import", "actions", file, "--skip-invalid"], as: "jane@corp.fr")
        #expect(result.status == 0)
        #expect(result.output.contains("inserted 3, updated 0, unchanged 0, rejected 1"))
        #expect(result.error.contains("actions.csv:5: jane@corp.fr (staff) may not import actions for others"))
    }

    @Test(arguments: [
        ("email,url\n", "the file has no date column"),
        ("", "the file is empty"),
        ("email,url,date\njane@corp.fr,\"https://blog.jane.dev/x,2026-10-01\n", "is never closed"),
        ("email,email,url,date\n", "names the email column twice"),
    ])
    func aFileThatIsNotAnImportIsRefusedAsAWhole(text: String, message: String) throws {
        let cli = try CLIHarness.withProgramme()
        let before = try cli.databaseDump()
        let result = cli.run(["import", "actions", try cli.file("broken.csv", text)], as: admin)
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1)
        #expect(result.error.contains(message), "\(result.error)")
        #expect(try cli.databaseDump() == before)
    }

    @Test func aMissingFileIsNamed() throws {
        let cli = try CLIHarness.withProgramme()
        let result = cli.run(["import", "actions", "/nowhere/actions.csv"], as: admin)
        #expect(
            result.status == 1
                && result.error
                    == "error: cannot read '/nowhere/actions.csv': No such file or directory: expected the path of a readable file (check the name, and that it is a file, not a folder)\n"
        )
    }

    @Test func followerCountsImportAndRefreshTheFactsScoringReads() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", "jane@corp.fr", "https://blog.jane.dev", as: admin)
        try cli.expectSuccess("log", "https://blog.jane.dev/refonte-erp", "--date", "2026-10-01", as: "jane@corp.fr")
        let file = try cli.file(
            "followers.csv",
            "url;date;followers\r\nhttps://blog.jane.dev/;2026-09-01;1200\r\nhttps://blog.jane.dev;2026-11-01;1500\r\n")
        let result = try cli.expectSuccess("import", "followers", file, as: admin)
        #expect(result.output.contains("inserted 2, updated 0, unchanged 0, rejected 0"))
        #expect(try cli.expectSuccess("import", "followers", file, as: admin).output.contains("unchanged 2"))
        let followers = try GRDBProbe.value(cli, "SELECT followers FROM actionFact")
        #expect(followers == 1200)
    }

    @Test func anXExportBecomesPostsWithTheirFigures() throws {
        let cli = try CLIHarness.withProgramme()
        let file = try cli.fixture("x-analytics.csv")
        let result = try cli.expectSuccess("import", "x-analytics", file, as: "jane@corp.fr")
        #expect(result.output.contains("inserted 3, updated 0, unchanged 0, rejected 0"), "\(result.error)")
        let posts = try AdvocacyStore.open(atPath: cli.databasePath).actions().sorted { $0.date < $1.date }
        #expect(posts.map(\.kind) == [.post, .post, .post])
        #expect(posts.map(\.channel.string) == Array(repeating: "https://x.com/janedoe", count: 3))
        #expect(posts[0].url.string == "https://x.com/janedoe/status/1840512345678901234")
        #expect(posts[0].date.description == "2026-09-30")
        #expect(posts[0].metrics == Metrics(impressions: 12840, reactions: 214, comments: 12, shares: 37, clicks: 96))
        #expect(posts[1].title == "Thread : comment on a migré 40 To sans interruption (1/5)")
        #expect(posts[1].metrics == Metrics(impressions: 5120, reactions: 61, comments: 3, shares: 8, clicks: 0))
        #expect(posts[2].title == "RT \"data mesh\" en pratique" && posts[2].metrics == .zero)
        #expect(try cli.expectSuccess("import", "x-analytics", file, as: "jane@corp.fr").output.contains("unchanged 3"))

        let older = try cli.fixture("x-analytics-favorites.csv")
        try cli.expectSuccess("import", "x-analytics", older, "--for", "jane@corp.fr", as: admin)
        let old = try AdvocacyStore.open(atPath: cli.databasePath).actions().first {
            $0.url.string.hasSuffix("1700000000000000001")
        }
        #expect(old?.metrics.reactions == 9)
    }

    @Test func importedActionsGiveTheSameRankingAsTheDemoLoadedDirectly() throws {
        let direct = try CLIHarness()
        try direct.expectSuccess("demo", "--employees", "60")
        let viaFile = try CLIHarness()
        let file = viaFile.folder.appendingPathComponent("demo-actions.csv").path
        try viaFile.expectSuccess("demo", "--employees", "60", "--export-actions", file)
        let admin = try GRDBProbe.admin(viaFile)
        let imported = try viaFile.expectSuccess("import", "actions", file, as: admin)
        #expect(imported.output.contains("rejected 0"), "\(imported.error)")

        // Typed figures imported from a file await review, where the demo
        // loaded directly has a queue of its own: compare the work itself,
        // everything accepted in both.
        for cli in [direct, viaFile] {
            try AdvocacyStore.open(atPath: cli.databasePath).writer.write { db in
                try db.execute(sql: "UPDATE action SET review = 'accepted' WHERE review <> 'accepted'")
            }
        }
        func ranking(_ cli: CLIHarness) throws -> String {
            try cli.expectSuccess("rank", "--format", "csv", as: admin).output
        }
        #expect(try ranking(viaFile) == ranking(direct))
        #expect(try GRDBProbe.facts(viaFile) == GRDBProbe.facts(direct))
    }

    @Test func anExportThatCannotBeWrittenOrLoadedLeavesNothingHalfDone() throws {
        // A folder that does not exist: one line, and no database created.
        let fresh = try CLIHarness()
        let missing = fresh.folder.appendingPathComponent("no-such-folder/actions.csv").path
        let refused = fresh.run("demo", "--employees", "20", "--export-actions", missing)
        #expect(refused.status == 1)
        #expect(refused.error.contains("no-such-folder") && refused.error.split(separator: "\n").count == 1, "\(refused.error)")
        #expect(!FileManager.default.fileExists(atPath: fresh.databasePath))

        // A programme already there, no --force: the load is refused and no file is written.
        let cli = try CLIHarness()
        try cli.expectSuccess("demo", "--employees", "20")
        let file = cli.folder.appendingPathComponent("actions.csv").path
        let again = cli.run("demo", "--employees", "20", "--export-actions", file)
        #expect(again.status != 0)
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}

extension ImportCLITests {
    @Test func everyMissingColumnIsNamedAtOnce() throws {
        let cli = try CLIHarness.withProgramme()
        let result = cli.run(["import", "actions", try cli.file("roster.csv", "courriel;nom\njane@corp.fr;Jane\n")], as: admin)
        #expect(result.status == 1)
        #expect(
            result.error.contains("roster.csv: the file has no url, date columns (its header is courriel, nom)"),
            "\(result.error)")
    }
}
