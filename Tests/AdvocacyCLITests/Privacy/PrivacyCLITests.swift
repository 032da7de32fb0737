import AdvocacyCore
import AdvocacyStore
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI

@Suite("privacy on the command line")
struct PrivacyCLITests {
    let admin = "admin@corp.fr"

    /// The harness's programme plus Léa, who has recorded no consent.
    static func withLea() throws -> CLIHarness {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("employee", "add", "lea@corp.fr", "--name", "Léa Petit", "--team", "Data", as: "admin@corp.fr")
        return cli
    }

    @Test func consentIsGrantedWithdrawnAndShown() throws {
        let cli = try Self.withLea()
        let granted = try cli.expectSuccess("privacy", "consent", "lea@corp.fr", "--grant", as: "lea@corp.fr")
        #expect(granted.output == "Recorded lea@corp.fr's consent on 2026-11-21.\n")
        #expect(
            try cli.expectSuccess("privacy", "consent", "lea@corp.fr", "--grant", as: admin).output.contains("already consents"))
        let withdrawn = try cli.expectSuccess("privacy", "consent", "lea@corp.fr", "--withdraw", as: admin)
        #expect(withdrawn.output.contains("withdrew consent on 2026-11-21: nothing new will be tracked"))

        let shown = try cli.expectSuccess("privacy", "consent", "lea@corp.fr", as: "lea@corp.fr").output
        #expect(shown.hasPrefix("lea@corp.fr: consent withdrawn"))
        #expect(shown.contains("granted    command by lea@corp.fr") && shown.contains("withdrawn  command by admin@corp.fr"))
        let json = try #require(
            try cli.json(cli.expectSuccess("privacy", "consent", "lea@corp.fr", "--format", "json", as: admin)) as? [String: Any])
        #expect(json["state"] as? String == "withdrawn")
        #expect(
            (json["history"] as? [[String: Any]])?.map { $0["recordedAt"] as? String } == [
                "2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z",
            ])

        #expect(
            cli.run("privacy", "consent", "lea@corp.fr", "--grant", as: "jane@corp.fr").status == ExitStatus.permissionRefused)
        #expect(cli.run("privacy", "consent", "lea@corp.fr", as: "jane@corp.fr").status == ExitStatus.permissionRefused)
        let both = cli.run("privacy", "consent", "lea@corp.fr", "--grant", "--withdraw", as: admin)
        #expect(both.status == ExitStatus.usage && both.errorLines.count == 1)
    }

    @Test func aPersonsOwnFirstChannelRecordsConsentWithANotice() throws {
        let cli = try Self.withLea()
        let first = try cli.expectSuccess("channel", "add", "lea@corp.fr", "https://lea.dev", as: "lea@corp.fr")
        #expect(first.errorLines.count == 1)
        #expect(
            first.error.contains("you consent to the programme tracking them")
                && first.error.contains("privacy consent lea@corp.fr --withdraw"))
        let second = try cli.expectSuccess("log", "https://lea.dev/post", as: "lea@corp.fr")
        #expect(second.error.isEmpty)
        #expect(
            try cli.expectSuccess("privacy", "consent", "lea@corp.fr", as: admin).output.contains(
                "granted    own-channel by lea@corp.fr"))
    }

    @Test func othersAreRefusedOnAnExternalChannelWithoutConsent() throws {
        let cli = try Self.withLea()
        let before = try cli.databaseDump()
        for arguments in [
            ["log", "https://x.com/lea/status/1", "--for", "lea@corp.fr"], ["channel", "add", "lea@corp.fr", "https://lea.dev"],
        ] {
            let refused = cli.run(arguments, as: admin)
            #expect(refused.status == ExitStatus.failure)
            #expect(refused.errorLines.count == 1)
            #expect(
                refused.error.contains("lea@corp.fr has not consented")
                    && refused.error.contains("'advocacy privacy consent lea@corp.fr --grant'"))
        }
        #expect(try cli.databaseDump() == before)
        // The company's own network needs none.
        try cli.expectSuccess("channel", "add", "lea@corp.fr", "https://intranet.corp.fr/lea", "--kind", "internal", as: admin)
        // A withdrawal stops her own logging too.
        try cli.expectSuccess("privacy", "consent", "jane@corp.fr", "--withdraw", as: "jane@corp.fr")
        let own = cli.run("log", "https://x.com/jane/status/5", as: "jane@corp.fr")
        #expect(own.status == ExitStatus.failure && own.error.contains("jane@corp.fr withdrew their consent on 2026-11-21"))
    }

    @Test func importsRefuseTheRowsOfPeopleWhoDidNotConsent() throws {
        let cli = try Self.withLea()
        let file = try cli.file(
            "actions.csv",
            "email,url,date,title\njane@corp.fr,https://blog.jane.dev/a,2026-11-02,A\nlea@corp.fr,https://lea.dev/b,2026-11-03,B\n"
        )
        let refused = cli.run(["import", "actions", file], as: admin)
        #expect(refused.status == ExitStatus.failure)
        #expect(
            refused.error.contains(
                "actions.csv:3: lea@corp.fr has not consented to others tracking their external channel https://lea.dev"))
        let kept = try cli.expectSuccess("import", "actions", file, "--skip-invalid", as: admin)
        #expect(kept.output.contains("inserted 1, updated 0, unchanged 0, rejected 1"))
        // Nothing of Léa's row was written, not even the channel it would have created.
        #expect(try AdvocacyStore.open(atPath: cli.databasePath).channels(owner: try EmailAddress("lea@corp.fr")).isEmpty)
        let rejects = try String(contentsOfFile: file + ".rejects.csv", encoding: .utf8)
        #expect(rejects.contains("privacy consent lea@corp.fr --grant"))
        // Her own import is her consent.
        let own = try cli.file("own.csv", "email,url,date\nlea@corp.fr,https://lea.dev/b,2026-11-03\n")
        let mine = try cli.expectSuccess("import", "actions", own, as: "lea@corp.fr")
        #expect(mine.output.contains("inserted 1") && mine.error.contains("you consent"))
    }

    @Test func theRosterRecordsConsentInFrenchAndNeverOverridesAWithdrawal() throws {
        let cli = try CLIHarness.withProgramme()
        let roster = try cli.file(
            "equipe.csv",
            "courriel;nom;consentement\nlea@corp.fr;Léa Petit;oui\nmax@corp.fr;Max Roy;non\nzoe@corp.fr;Zoé Blanc;\n")
        let first = try cli.expectSuccess("import", "employees", roster, as: admin)
        #expect(first.output.contains("inserted 3, updated 0, unchanged 0, rejected 0"))
        let states = try ["lea", "max", "zoe"].map {
            try AdvocacyStore.open(atPath: cli.databasePath).consentState(of: try EmailAddress("\($0)@corp.fr"))
        }
        #expect(states == [.granted, .withdrawn, ConsentState.unrecorded])
        #expect(
            try cli.expectSuccess("import", "employees", roster, as: admin).output.contains("inserted 0, updated 0, unchanged 3"))

        try cli.expectSuccess("privacy", "consent", "lea@corp.fr", "--withdraw", as: "lea@corp.fr")
        let stale = cli.run(["import", "employees", roster], as: admin)
        #expect(stale.status == ExitStatus.failure && stale.error.contains("equipe.csv:2: lea@corp.fr withdrew their consent"))
        // Known people whose answer is news: recorded without --update (their details do not change).
        let answers = try cli.file("answers.csv", "email,name,consent\nzoe@corp.fr,,yes\n")
        #expect(try cli.expectSuccess("import", "employees", answers, as: admin).output.contains("updated 1"))
    }

    @Test func theExportIsWrittenWholeToAFile() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("log", "https://x.com/jane/status/1", "--reactions", "4", as: "jane@corp.fr")
        let path = cli.folder.appendingPathComponent("jane.json").path
        let result = try cli.expectSuccess("privacy", "export", "jane@corp.fr", "--output", path, as: "jane@corp.fr")
        #expect(result.output.isEmpty && result.error.contains("Wrote jane@corp.fr's data to \(path): 1 channels, 1 actions"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(
            Set(json.keys) == [
                "exportedAt", "exportedBy", "person", "consent", "channels", "actions", "wishes", "clearances", "proposals",
                "scoreRuns", "auditEntries",
            ])
        #expect((json["person"] as? [String: Any])?["hrId"] is NSNull)
        #expect(((json["actions"] as? [[String: Any]])?.first?["metrics"] as? [[String: Any]])?.first?["reactions"] as? Int == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasSuffix(".tmp") }.isEmpty)

        let toStandardOutput = try cli.expectSuccess("privacy", "export", "jane@corp.fr", as: admin)
        #expect(toStandardOutput.output.hasPrefix("{"))
        let refused = cli.run("privacy", "export", "jane@corp.fr", as: "paul@corp.fr")
        #expect(refused.status == ExitStatus.permissionRefused && refused.output.isEmpty)
    }

    @Test func eraseLeavesNoTraceAndWarnsAboutBackups() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess(
            "channel", "add", "jane@corp.fr", "https://blog.janedoe-unique.example", "--followers", "300", as: "jane@corp.fr")
        try cli.expectSuccess(
            "log", "https://blog.janedoe-unique.example/mon-article", "--title", "Un titre très personnel", as: "jane@corp.fr")
        #expect(cli.run("privacy", "erase", "jane@corp.fr", as: "jane@corp.fr").status == ExitStatus.permissionRefused)
        let result = try cli.expectSuccess("privacy", "erase", "jane@corp.fr", as: admin)
        #expect(result.output.hasPrefix("Erased jane@corp.fr: now erased-"))
        #expect(result.output.contains("1 channel, 1 action and"))
        #expect(result.error.contains("backups made before this erasure still contain jane@corp.fr"))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        if let wal = FileManager.default.contents(atPath: cli.databasePath + "-wal") { bytes.append(wal) }
        for string in ["jane@corp.fr", "Jane Doe", "janedoe-unique", "Un titre très personnel"] {
            #expect(bytes.range(of: Data(string.utf8)) == nil, "\(string) is still in the file")
        }
        #expect(!(try cli.expectSuccess("employee", "list").output.contains("Jane")))
        let json = try #require(
            try cli.json(cli.expectSuccess("privacy", "erase", "paul@corp.fr", "--format", "json", as: admin)) as? [String: Any])
        #expect((json["pseudonym"] as? String)?.hasSuffix("@erased.invalid") == true)
    }

    @Test func purgeCountsRemovesAndRefusesShortPeriods() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess(
            "log", "https://x.com/jane/status/1", "--date", "2023-05-02", "--reactions", "2", as: "jane@corp.fr")
        try cli.expectSuccess("log", "https://x.com/jane/status/2", "--date", "2026-11-02", as: "jane@corp.fr")
        let dry = try cli.expectSuccess("privacy", "purge", "--older-than", "24m", "--dry-run", as: admin)
        #expect(
            dry.output
                == "Would remove what is older than 24m (before 2024-11-21): 1 actions, 1 metrics snapshots, 0 project links, 0 follower counts.\nDry run: nothing was removed.\n"
        )
        #expect(try AdvocacyStore.open(atPath: cli.databasePath).actions().count == 2)
        let done = try cli.expectSuccess("privacy", "purge", "--older-than", "2y", as: admin)
        #expect(done.output.hasPrefix("Removed what is older than 2y (before 2024-11-21): 1 actions"))
        #expect(try AdvocacyStore.open(atPath: cli.databasePath).actions().map(\.url.string) == ["https://x.com/jane/status/2"])

        for period in ["2w", "29d", "0m", "soon"] {
            let refused = cli.run("privacy", "purge", "--older-than", period, as: admin)
            #expect(
                refused.status == ExitStatus.usage && refused.error.contains("at least a month"), "\(period): \(refused.error)")
        }
        #expect(cli.run("privacy", "purge", "--older-than", "24m", as: "jane@corp.fr").status == ExitStatus.permissionRefused)
    }

    @Test func hiddenPeopleShowAsHiddenToOthersInRankingsAndTheReport() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess(
            "log", "https://x.com/jane/status/1", "--project", "ERP-2027", "--reactions", "30", as: "jane@corp.fr")
        try cli.expectSuccess("log", "https://x.com/paul/status/1", "--reactions", "3", as: "paul@corp.fr")
        #expect(
            try cli.expectSuccess("privacy", "hide", as: "jane@corp.fr").output
                == "jane@corp.fr is now hidden from others' rankings and reports.\n")
        #expect(cli.run("privacy", "hide", "jane@corp.fr", as: "paul@corp.fr").status == ExitStatus.permissionRefused)

        for format in ["text", "csv", "json"] {
            let seen = try cli.expectSuccess("rank", "--format", format, as: "cio@corp.fr").output
            #expect(
                seen.contains("(hidden)") && !seen.contains("Jane Doe") && !seen.contains("jane@corp.fr"), "\(format): \(seen)")
            #expect(seen.contains("Paul Martin"))
            for viewer in ["hr@corp.fr", "jane@corp.fr"] {
                let named = try cli.expectSuccess("rank", "--format", format, as: viewer).output
                #expect(named.contains("Jane Doe") && !named.contains("(hidden)"), "\(format) as \(viewer)")
            }
        }
        // The cio sees a hidden leader as such; staff see no leader of a small team (HidingCLITests).
        let teams = try cli.expectSuccess("rank", "--by", "team", "--format", "json", as: "cio@corp.fr").output
        #expect(!teams.contains("jane@corp.fr") && teams.contains("hidden-1"))

        cli.environment["LANG"] = "fr_FR.UTF-8"
        let french = try cli.expectSuccess("report", as: "cio@corp.fr").output
        #expect(french.contains("(masqué)") && !french.contains("Jane Doe"))
        #expect(try cli.expectSuccess("report", "--lang", "en", as: "admin@corp.fr").output.contains("(hidden)"))
        #expect(try cli.expectSuccess("report", as: "hr@corp.fr").output.contains("Jane Doe"))

        try cli.expectSuccess("privacy", "unhide", "jane@corp.fr", as: admin)
        #expect(try cli.expectSuccess("rank", as: "cio@corp.fr").output.contains("Jane Doe"))
    }

    @Test func theDemoRecordsConsentForEveryone() throws {
        let cli = try CLIHarness()
        try cli.expectSuccess("demo", "--employees", "25")
        #expect(try GRDBProbe.value(cli, "SELECT COUNT(*) FROM consent WHERE granted AND source = 'demo'") == 25)
        #expect(try GRDBProbe.value(cli, "SELECT COUNT(*) FROM employee") == 25)
    }
}
