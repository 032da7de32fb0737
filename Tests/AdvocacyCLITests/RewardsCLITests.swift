import AdvocacyCore
import AdvocacyPresentation
import AdvocacyStore
import Foundation
import Testing

@testable import AdvocacyCLI

@Suite("rewards on the command line: catalogue, wishes, proposals, decisions, export")
struct RewardsCLITests {
    /// The demo programme (catalogue, 2026-Q4 budget and wishes included) and who acts in it.
    static func demo() throws -> (cli: CLIHarness, admin: String, cio: String, hr: String) {
        let cli = try CLIHarness()
        let demo = try cli.expectSuccess("demo")
        func email(_ role: String) throws -> String {
            String(try #require(demo.output.firstMatch(of: Regex("\(role) +(\\S+@\\S+)"))?.output[1].substring))
        }
        return (cli, try email("admin"), try email("cio"), try email("hr"))
    }

    /// A staff member of the demo (not admin, cio or hr).
    static func staff(_ cli: CLIHarness, admin: String) throws -> String {
        let people = try #require(
            try cli.json(try cli.expectSuccess("employee", "list", "--format", "json", as: admin)) as? [[String: Any]])
        return try #require(people.first { $0["role"] as? String == "staff" }?["email"] as? String)
    }

    static func proposals(_ cli: CLIHarness, as actor: String, _ extra: String...) throws -> [[String: Any]] {
        let result = try cli.expectSuccess(["rewards", "list", "--format", "json"] + extra, as: actor)
        return try #require(try cli.json(result) as? [[String: Any]])
    }

    @Test func theDemoEndsWithProposalsAndTheirReasons() throws {
        let cli = try CLIHarness()
        let output = try cli.expectSuccess("demo").output
        #expect(output.contains("Reward proposals made by HR for 2026-Q4"))
        #expect(output.contains("Budget 6,000.00 EUR"))
        #expect(output.contains("work on DATA-PLATFORM") || output.contains("work on CLOUD-FIRST"))
    }

    @Test func proposeApproveGrantAndExport() throws {
        let (cli, _, cio, hr) = try Self.demo()
        let all = try Self.proposals(cli, as: hr, "--period", "2026-Q4")
        #expect(!all.isEmpty)
        #expect(all.allSatisfy { $0["status"] as? String == "proposed" })
        for key in ["id", "status"] + RewardProposalRecord.exportColumns {
            #expect(all.allSatisfy { $0.keys.contains(key) }, "\(key)")
        }
        let total = all.compactMap { $0["costCents"] as? Int }.reduce(0, +)
        #expect(total <= 600_000)
        #expect(all.allSatisfy { ($0["rationale"] as? String)?.hasPrefix("Rank ") == true })
        #expect(
            all.allSatisfy { ($0["reason"] as? String).flatMap(ProposalReason.init(label:)) != nil && $0["fromLeftover"] is Bool }
        )

        let ids = all.prefix(3).compactMap { $0["id"] as? Int }.map(String.init)
        try cli.expectSuccess(["rewards", "approve"] + ids + ["--note", "bien mérité"], as: cio)
        try cli.expectSuccess(["rewards", "grant", ids[0]], as: hr)

        // A second run replaces only what is still proposed.
        try cli.expectSuccess("rewards", "propose", "--period", "2026-Q4", as: hr)
        let again = try Self.proposals(cli, as: hr, "--period", "2026-Q4")
        let kept = again.filter { ids.contains(String($0["id"] as? Int ?? 0)) }
        #expect(kept.map { $0["status"] as? String } == ["granted", "approved", "approved"])
        #expect(kept.allSatisfy { $0["approvedBy"] as? String == cio && $0["approvedAt"] is String })
        #expect(
            again.filter { $0["status"] as? String == "proposed" }.allSatisfy { !ids.contains(String($0["id"] as? Int ?? 0)) })
        #expect(again.compactMap { $0["costCents"] as? Int }.reduce(0, +) <= 600_000)

        let export = try cli.expectSuccess(
            "rewards", "export", "--period", "2026-Q4", "--status", "all", "--format", "json", as: hr)
        let rows = try #require(try cli.json(export) as? [[String: Any]])
        #expect(rows.count == again.count)
        #expect(rows.allSatisfy { Set($0.keys) == Set(RewardProposalRecord.exportColumns) })
        // By default, what is to pay or paid: approved and granted.
        let decided = try cli.expectSuccess("rewards", "export", "--period", "2026-Q4", "--format", "json", as: hr)
        #expect((try cli.json(decided) as? [Any])?.count == 3)
        let approved = try cli.expectSuccess(
            "rewards", "export", "--period", "2026-Q4", "--status", "approved", "--format", "json", as: hr)
        #expect((try cli.json(approved) as? [Any])?.count == 2)
    }

    @Test func refusedTransitionsAndRolesChangeNothing() throws {
        let (cli, admin, cio, hr) = try Self.demo()
        let staff = try Self.staff(cli, admin: admin)
        let ids = try Self.proposals(cli, as: hr).prefix(2).compactMap { $0["id"] as? Int }.map(String.init)
        try cli.expectSuccess("rewards", "approve", ids[0], as: hr)
        let before = try Self.proposals(cli, as: hr)

        let cases: [([String], String, Int32, String)] = [
            (
                ["rewards", "grant", ids[1]], hr, 1,
                "proposal \(ids[1]) is proposed, so it cannot be granted: only approved rewards can be granted"
            ),
            (["rewards", "approve", ids[0]], cio, 1, "proposal \(ids[0]) is approved, so it cannot be approved"),
            (["rewards", "approve", ids[1], ids[0]], cio, 1, "cannot be approved"),
            (["rewards", "approve", "999999"], cio, 1, "no reward proposal with id 999999"),
            (["rewards", "approve", "abc"], cio, 64, "'abc'"),
            (["rewards", "reject", ids[1]], cio, 64, "--note"),
            (["rewards", "reject", ids[1], "--note", "  "], cio, 64, "--note is empty"),
            (["rewards", "approve", ids[1]], staff, 77, "the hr or cio role"),
            (["rewards", "approve", ids[1]], admin, 77, "the hr or cio role"),
            (["rewards", "grant", ids[0]], cio, 77, "the hr role"),
            (["rewards", "propose", "--period", "2026-Q4"], staff, 77, "the hr or admin role"),
            (["rewards", "propose", "--period", "2026-Q3"], hr, 1, "no reward budget for 2026-Q3"),
            (["rewards", "propose", "--period", "2027-Q1"], hr, 1, "has not started yet"),
            (["rewards", "export", "--period", "2026-Q4"], cio, 77, "the hr or admin role"),
            (["rewards", "clear", staff, "--period", "2026-Q4", "--note", "ok"], hr, 77, "the cio role"),
            (["rewards", "budget", "set", "2026-Q4", "-5"], hr, 64, "'-5'"),
            (["rewards", "budget", "set", "2026-Q4", "12.345"], hr, 64, "expected an amount like 380 or 380.50"),
            (["rewards", "budget", "set", "2026-Q4", "1"], hr, 1, "below the"),
        ]
        for (arguments, actor, status, message) in cases {
            let result = cli.run(arguments, as: actor)
            #expect(result.status == status, "\(arguments)")
            #expect(result.errorLines.count == 1, "\(arguments): \(result.error)")
            #expect(result.error.contains(message), "\(arguments): \(result.error)")
        }
        let after = try Self.proposals(cli, as: hr)
        #expect(after.map { $0["status"] as? String } == before.map { $0["status"] as? String })
        #expect(after.map { $0["id"] as? Int } == before.map { $0["id"] as? Int })

        // Rejecting an approved reward withdraws it; a rejected item is not proposed again to that person.
        try cli.expectSuccess("rewards", "reject", ids[0], "--note", "déjà suivi cette formation", as: cio)
        let rejected = try #require(try Self.proposals(cli, as: hr).first { String($0["id"] as? Int ?? 0) == ids[0] })
        try cli.expectSuccess("rewards", "propose", "--period", "2026-Q4", as: hr)
        let renewed = try Self.proposals(cli, as: hr, "--period", "2026-Q4", "--status", "proposed")
        #expect(
            !renewed.contains {
                $0["email"] as? String == rejected["email"] as? String
                    && $0["rewardCode"] as? String == rejected["rewardCode"] as? String
            })
        #expect(cli.run("rewards", "grant", ids[0], as: hr).status == 1)
    }

    @Test func staffWishForThemselvesAndSeeOnlyTheirOwn() throws {
        let (cli, admin, _, hr) = try Self.demo()
        let staff = try Self.staff(cli, admin: admin)
        for (index, code) in ["BOOK-DDD", "CONF-BDX", "FORM-MOOC"].enumerated() {
            let result = try cli.expectSuccess("rewards", "wish", code, "--rank", String(index + 1), as: staff)
            #expect(result.output.contains("\(code) is your wish no. \(index + 1)"))
        }
        let full = cli.run("rewards", "wish", "BOOK-ARCHI", as: staff)
        #expect(full.status == 1 && full.error.contains("three wishes"))
        #expect(
            try cli.expectSuccess("rewards", "wish", "book-archi", "--rank", "2", as: staff).output.contains("replacing CONF-BDX")
        )
        let mine = try #require(
            try cli.json(try cli.expectSuccess("rewards", "wish", "list", "--format", "json", as: staff)) as? [[String: Any]])
        #expect(mine.map { $0["code"] as? String } == ["BOOK-DDD", "BOOK-ARCHI", "FORM-MOOC"])
        #expect(cli.run("rewards", "wish", "list", hr, as: staff).status == 77)
        let everyone = try #require(
            try cli.json(try cli.expectSuccess("rewards", "wish", "list", "--format", "json", as: hr)) as? [[String: Any]])
        #expect(Set(everyone.compactMap { $0["email"] as? String }).count > 1)
        try cli.expectSuccess("rewards", "wish", "remove", "BOOK-DDD", as: staff)
        #expect(cli.run("rewards", "wish", "remove", "BOOK-DDD", as: staff).error.contains("not among your wishes"))
        #expect(cli.run("rewards", "wish", "NOPE-1", as: staff).error.contains("no reward with code NOPE-1"))

        // Staff see their own proposals only.
        let own = try Self.proposals(cli, as: staff)
        #expect(own.allSatisfy { $0["email"] as? String == staff })
    }

    @Test func hrIsToldWhenAnItemWillGoOnlyToThoseWhoWishForIt() throws {
        let cli = try CLIHarness.withProgramme()
        let hr = "hr@corp.fr"
        let unlimited = try cli.expectSuccess(
            "rewards", "catalog", "add", "MUG", "--name", "Mug", "--category", "equipment", "--cost", "12", as: hr)
        #expect(unlimited.error.contains("Note: MUG is proposed only to people who wish for it, since it has no stock limit"))
        let stocked = try cli.expectSuccess("rewards", "catalog", "update", "MUG", "--stock", "30", as: hr)
        #expect(stocked.error.isEmpty)
        let free = try cli.expectSuccess(
            "rewards", "catalog", "add", "THANKS", "--name", "Merci", "--category", "recognition", "--cost", "0", "--stock", "5",
            as: hr)
        #expect(free.error.contains("since it costs nothing"))
    }

    @Test func theCatalogueIsKeptByHR() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("project", "add", "DATA-PLAT", "--name", "Plateforme", "--weight", "3", as: "admin@corp.fr")
        let added = try cli.expectSuccess(
            "rewards", "catalog", "add", "cert-data", "--name", "Certification data", "--category", "certification", "--cost",
            "380,50",
            "--stock", "2", "--max-per-person", "1", "--min-tier", "micro", "--project", "DATA-PLAT", as: "hr@corp.fr")
        #expect(added.output.contains("CERT-DATA \"Certification data\" (certification, 380.50 EUR, stock 2"))
        let list = try #require(
            try cli.json(try cli.expectSuccess("rewards", "catalog", "list", "--format", "json", as: "jane@corp.fr"))
                as? [[String: Any]])
        #expect(list.first?["costCents"] as? Int == 38_050)
        #expect(list.first?["left"] as? Int == 2)
        #expect(list.first?["projects"] as? [String] == ["DATA-PLAT"])
        try cli.expectSuccess(
            "rewards", "catalog", "update", "CERT-DATA", "--stock", "unlimited", "--min-tier", "any", "--no-projects",
            as: "hr@corp.fr")
        let updated = try #require(
            try cli.json(try cli.expectSuccess("rewards", "catalog", "list", "--format", "json", as: "hr@corp.fr"))
                as? [[String: Any]])
        #expect(updated.first?["stock"] is NSNull && updated.first?["minTier"] is NSNull)

        let bad: [([String], Int32, String)] = [
            (["rewards", "catalog", "add", "X", "--name", "n", "--category", "book", "--cost", "5"], 64, "'X'"),
            (
                ["rewards", "catalog", "add", "BOOK-1", "--name", "n", "--category", "swag", "--cost", "5"], 64,
                "expected one of training"
            ),
            (["rewards", "catalog", "add", "BOOK-1", "--name", "n", "--category", "book", "--cost", "5.999"], 64, "'5.999'"),
            (
                ["rewards", "catalog", "add", "BOOK-1", "--name", "n", "--category", "book", "--cost", "5", "--stock", "-1"], 64,
                "'-1'"
            ),
            (
                ["rewards", "catalog", "add", "BOOK-1", "--name", " ", "--category", "book", "--cost", "5"], 1,
                "reward name is empty"
            ),
            (
                ["rewards", "catalog", "add", "BOOK-1", "--name", "n", "--category", "book", "--cost", "5", "--project", "NOPE"],
                1, "no project with code NOPE"
            ),
            (
                ["rewards", "catalog", "add", "CERT-DATA", "--name", "n", "--category", "book", "--cost", "5"], 1,
                "already exists"
            ),
            (["rewards", "catalog", "update", "CERT-DATA"], 64, "nothing to change"),
            (["rewards", "catalog", "remove", "NOPE-2"], 1, "no reward with code NOPE-2"),
        ]
        for (arguments, status, message) in bad {
            let result = cli.run(arguments, as: "hr@corp.fr")
            #expect(result.status == status, "\(arguments)")
            #expect(result.errorLines.count == 1 && result.error.contains(message), "\(arguments): \(result.error)")
        }
        #expect(
            cli.run("rewards", "catalog", "add", "BOOK-1", "--name", "n", "--category", "book", "--cost", "5", as: "jane@corp.fr")
                .status == 77)
        #expect(
            try cli.json(try cli.expectSuccess("rewards", "catalog", "list", "--format", "json", as: "hr@corp.fr")) as? [Any]
                != nil)
        try cli.expectSuccess("rewards", "catalog", "remove", "CERT-DATA", as: "admin@corp.fr")
        #expect(cli.run("rewards", "catalog", "list", as: "hr@corp.fr").output.contains("The catalogue is empty"))
    }

    @Test func aFlaggedPersonIsHeldBackUntilTheCIOClearsThem() throws {
        let (cli, _, cio, hr) = try Self.demo()
        let report = try #require(
            try cli.json(
                try cli.expectSuccess("rewards", "propose", "--period", "2026-Q4", "--dry-run", "--format", "json", as: hr))
                as? [String: Any])
        #expect(report["dryRun"] as? Bool == true)
        // Make sure someone is held back for flags: a strict policy holds back anyone flagged at all.
        let policy = try cli.expectSuccess("policy", "show", as: cio).output
            .replacingOccurrences(of: "maxFlagPenaltyPercent = 25", with: "maxFlagPenaltyPercent = 0")
        let file = cli.folder.appendingPathComponent("strict.toml")
        try policy.write(to: file, atomically: true, encoding: .utf8)
        try cli.expectSuccess("policy", "set", file.path, as: cio)
        let strict = try #require(
            try cli.json(try cli.expectSuccess("rewards", "propose", "--period", "2026-Q4", "--format", "json", as: hr))
                as? [String: Any])
        let held = try #require(strict["heldBack"] as? [[String: Any]])
        let flagged = try #require(held.first { $0["reason"] as? String == "flagged" }?["email"] as? String)
        let proposed = try #require(strict["proposals"] as? [[String: Any]])
        #expect(!proposed.contains { $0["email"] as? String == flagged })

        try cli.expectSuccess(
            "rewards", "clear", flagged, "--period", "2026-Q4", "--note", "Talk at DevFest explains the followers", as: cio)
        let cleared = try #require(
            try cli.json(try cli.expectSuccess("rewards", "propose", "--period", "2026-Q4", "--format", "json", as: hr))
                as? [String: Any])
        #expect((cleared["heldBack"] as? [[String: Any]])?.contains { $0["email"] as? String == flagged } == false)
    }

    @Test func theExportIsAtomicAndReadsBackInAFrenchSpreadsheetLayout() throws {
        let (cli, admin, cio, hr) = try Self.demo()
        // The top person gets cells a spreadsheet must not run and a CSV must quote
        // (the team's line break becomes a space when stored; Core's CSV tests cover line breaks).
        let top = try #require(try Self.proposals(cli, as: hr).first?["email"] as? String)
        try cli.expectSuccess(
            "employee", "update", top, "--name", "=HYPERLINK(\"http://evil\";\"clic\")", "--team", "R&D; \"Lab\", Paris\nNord 👩🏽‍💻",
            as: admin)
        try cli.expectSuccess("rewards", "propose", "--period", "2026-Q4", as: hr)
        let proposals = try Self.proposals(cli, as: hr)
        let ids = proposals.compactMap { $0["id"] as? Int }.map(String.init)
        // No one decides their own reward: HR approves the cio's.
        func proposalIDs(ofTheCio isCio: Bool) -> [String] {
            proposals.filter { ($0["email"] as? String == cio) == isCio }.compactMap { $0["id"] as? Int }.map(String.init)
        }
        try cli.expectSuccess(["rewards", "approve"] + proposalIDs(ofTheCio: false), as: cio)
        let cios = proposalIDs(ofTheCio: true)
        if !cios.isEmpty { try cli.expectSuccess(["rewards", "approve"] + cios, as: hr) }

        let path = cli.folder.appendingPathComponent("export.csv").path
        try "old file".write(toFile: path, atomically: false, encoding: .utf8)
        let written = try cli.expectSuccess(
            "rewards", "export", "--period", "2026-Q4", "--locale", "en", "--delimiter", ";", "--bom", "--output", path,
            "--force",
            as: hr)
        #expect(written.output.isEmpty && written.error.contains("Wrote \(ids.count) rewards"))
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let records = try CSVReader.records(in: data, delimiter: .semicolon)
        #expect(records.first == RewardProposalRecord.exportColumns)
        let expected = try #require(
            try cli.json(try cli.expectSuccess("rewards", "export", "--period", "2026-Q4", "--format", "json", as: hr))
                as? [[String: Any]])
        #expect(records.count == expected.count + 1)
        for (row, object) in zip(records.dropFirst(), expected) {
            let cells = RewardProposalRecord.exportColumns.map { key -> String in
                switch object[key] {
                case let text as String: return CSVWriter.neutralised(text)
                case let number as NSNumber: return number.stringValue
                default: return ""
                }
            }
            #expect(row == cells)
        }
        let leaked = records.dropFirst().first { $0[3].hasPrefix("=") }
        #expect(leaked == nil)
        #expect(records.contains { $0[3] == "'=HYPERLINK(\"http://evil\";\"clic\")" && $0[4] == "R&D; \"Lab\", Paris Nord 👩🏽‍💻" })
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)

        let missing = cli.folder.appendingPathComponent("no/such/folder/export.csv").path
        let refused = cli.run("rewards", "export", "--period", "2026-Q4", "--output", missing, as: hr)
        #expect(refused.status == 1 && refused.error.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(cli.run("rewards", "export", "--period", "2026-Q4", "--delimiter", "x", as: hr).status == 64)
        #expect(cli.run("rewards", "export", "--period", "2026-Q4", "--format", "json", "--bom", as: hr).status == 64)
    }

    @Test("For a French Excel: French headers, decimal commas, euros, French reasons, approved and granted by default")
    func theFrenchExport() throws {
        let (cli, admin, cio, hr) = try Self.demo()
        let proposals = try Self.proposals(cli, as: hr).filter { $0["email"] as? String != cio }
        let ids = proposals.compactMap { $0["id"] as? Int }.map(String.init)
        try cli.expectSuccess(["rewards", "approve"] + ids + ["--note", "bravo"], as: cio)
        try cli.expectSuccess("rewards", "grant", ids[0], as: hr)

        // --delimiter ';' alone means a French Excel.
        let french = try cli.expectSuccess("rewards", "export", "--period", "2026-Q4", "--delimiter", ";", as: hr).output
        #expect(french.hasPrefix("\u{FEFF}"), "a byte-order mark, so Excel reads UTF-8")
        let records = try CSVReader.records(in: Data(french.utf8), delimiter: .semicolon)
        #expect(records.first == RewardExport.frenchColumns)
        let json = try #require(
            try cli.json(try cli.expectSuccess("rewards", "export", "--period", "2026-Q4", "--format", "json", as: hr))
                as? [[String: Any]])
        #expect(records.count == ids.count + 1 && json.count == ids.count, "approved and granted, by default")
        let columns = Dictionary(uniqueKeysWithValues: RewardExport.frenchColumns.enumerated().map { ($1, $0) })
        func cell(_ row: [String], _ name: String) -> String { columns[name].map { row[$0] } ?? "(no column \(name))" }
        for (row, object) in zip(records.dropFirst(), json) {
            let score = try #require(object["score"] as? Double), cents = try #require(object["costCents"] as? Int)
            #expect(cell(row, "score") == String(format: "%.1f", score).replacingOccurrences(of: ".", with: ","))
            #expect(cell(row, "montant") == String(format: "%d,%02d", cents / 100, cents % 100))
            #expect(cell(row, "raison").hasPrefix("Rang \(object["rank"] as? Int ?? 0) avec "))
            #expect(cell(row, "note") == "bravo")
            #expect(cell(row, "approuvé le").firstMatch(of: /^\d\d\/\d\d\/\d{4}$/) != nil)
        }
        #expect(Set(records.dropFirst().map { cell($0, "statut") }) == ["approuvée", "remise"])

        // The setting makes French the default; --locale en overrides it.
        try cli.expectSuccess("settings", "set", "rewards.export-locale", "fr", as: admin)
        #expect(try cli.expectSuccess("rewards", "export", "--period", "2026-Q4", as: hr).output.contains("montant"))
        #expect(
            try cli.expectSuccess("rewards", "export", "--period", "2026-Q4", "--locale", "en", as: hr).output.contains(
                "costCents"))

        let empty = try cli.expectSuccess("rewards", "export", "--period", "2026-Q1", as: hr)
        #expect(empty.error.contains("No approved or granted reward in 2026-Q1"))
    }
}
