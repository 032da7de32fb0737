import AdvocacyCore
import AdvocacyStore
import Foundation
import Testing

@testable import AdvocacyCLI

@Suite("rank, explain and policy on the command line")
struct ScoringCLITests {
    /// The demo programme, with its CIO and a staff member who has actions.
    static func demo() throws -> (cli: CLIHarness, cio: String, admin: String) {
        let cli = try CLIHarness()
        let demo = try cli.expectSuccess("demo")
        let admin = String(try #require(demo.output.firstMatch(of: /admin  (\S+)/)?.1))
        let cio = String(try #require(demo.output.firstMatch(of: /cio    (\S+)/)?.1))
        return (cli, cio, admin)
    }

    @Test func theDemoEndsWithTheTopTen() throws {
        let cli = try CLIHarness()
        let output = try cli.expectSuccess("demo").output
        #expect(output.contains("Top 10 of 2026-Q4 (2026-10-01 to 2026-11-21, 8 weeks) · policy version 1"))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let heading = try #require(lines.firstIndex { $0.hasPrefix("Top 10 of") })
        let table = lines[(heading + 1)...].prefix { !$0.isEmpty }
        #expect(table.first?.hasPrefix("rank  name") == true)
        let ranks: [String] = table.dropFirst().map { line in String(line.split(separator: " ")[0]) }
        #expect(ranks == (1...10).map { String($0) })
    }

    @Test func rankAsJSONIsStableAndCarriesEveryField() throws {
        let (cli, cio, _) = try Self.demo()
        let first = try cli.expectSuccess("rank", "--period", "2026-06-01..2026-11-21", "--format", "json", as: cio)
        let second = try cli.expectSuccess("rank", "--period", "2026-06-01..2026-11-21", "--format", "json", as: cio)
        #expect(first.output == second.output)
        let report = try #require(try cli.json(first) as? [String: Any])
        #expect(report["policyVersion"] as? Int == 1)
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(items.count > 20)
        for key in ["rank", "email", "name", "team", "tier", "score", "components", "flags", "actions", "engagement", "tFactor"] {
            #expect(items.allSatisfy { $0.keys.contains(key) }, "\(key)")
        }
        #expect(items.map { $0["rank"] as? Int } == Array(1...items.count))
        let scores = items.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        for item in items {
            let components = try #require(item["components"] as? [String: Double])
            #expect(Set(components.keys) == Set(ScoreComponents.names))
            #expect(abs(components.values.reduce(0, +) - (item["score"] as? Double ?? -1)) < 1e-6)
        }
        let flags = items.flatMap { $0["flags"] as? [[String: Any]] ?? [] }
        #expect(!flags.isEmpty)
        #expect(flags.allSatisfy { ($0["kind"] as? String) != nil && !(($0["reason"] as? String) ?? "").isEmpty })
    }

    @Test func rankNarrowsAndGroups() throws {
        let (cli, cio, _) = try Self.demo()
        let top = try cli.json(try cli.expectSuccess("rank", "--top", "3", "--format", "json", as: cio)) as? [String: Any]
        #expect((top?["items"] as? [Any])?.count == 3)
        let teams = try cli.json(try cli.expectSuccess("rank", "--by", "team", "--format", "json", as: cio)) as? [String: Any]
        let teamItems = try #require(teams?["items"] as? [[String: Any]])
        #expect(!teamItems.isEmpty)
        #expect(teamItems.allSatisfy { $0["advocates"] as? Int ?? 0 > 0 && $0["team"] is String })
        let csv = try cli.expectSuccess("rank", "--format", "csv", "--channel", "linkedin", "--tier", "micro", as: cio).output
        #expect(
            csv.hasPrefix(
                "rank,email,name,team,tier,score,effort,quality,alignment,authenticity,consistency,reach,actions,pending,engagement,tFactor,flags\r\n"
            ))
        #expect(csv.split(separator: "\r\n").dropFirst().allSatisfy { $0.split(separator: ",")[4] == "micro" })
        let empty = try cli.expectSuccess("rank", "--period", "2020", as: cio)
        #expect(empty.output.contains("No action in this period: nothing to rank."))
    }

    @Test func rankAndExplainNeedToKnowWhoLooks() throws {
        let (cli, _, _) = try Self.demo()
        for command in [["rank"], ["explain", "jane@corp.fr"]] {
            let result = cli.run(command)
            #expect(result.status == 1)
            #expect(result.errorLines.count == 1)
            #expect(result.error.contains("pass --as EMAIL or set ADVOCACY_USER=EMAIL"))
        }
    }

    @Test func explainAccountsForEveryPoint() throws {
        let (cli, cio, _) = try Self.demo()
        let ranking = try #require(try cli.json(try cli.expectSuccess("rank", "--format", "json", as: cio)) as? [String: Any])
        let leader = try #require((ranking["items"] as? [[String: Any]])?.first)
        let email = try #require(leader["email"] as? String)
        let text = try cli.expectSuccess("explain", email, as: cio).output
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("rank 1 of") })
        // Every component line, and a total equal to their sum and to the ranked score.
        var sum = 0.0
        for name in ScoreComponents.names {
            let line = try #require(lines.first { $0.hasPrefix("  \(name) ") })
            sum += try #require(Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
        }
        let total = try #require(lines.first { $0.hasPrefix("  total ") }?.split(separator: " ").last.flatMap { Double($0) })
        #expect(abs(sum - total) < 1e-6)
        #expect(total == leader["score"] as? Double)

        let json = try #require(
            try cli.json(try cli.expectSuccess("explain", email, "--format", "json", as: cio)) as? [String: Any])
        let actions = try #require(json["actions"] as? [[String: Any]])
        #expect(actions.count == leader["actions"] as? Int)
        for action in actions {
            #expect(text.contains(action["url"] as? String ?? "missing"))
        }
    }

    @Test func staffExplainOnlyThemselves() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("log", "https://jane.example.org/erp", "--project", "ERP-2027", as: "jane@corp.fr")
        #expect(try cli.expectSuccess("explain", "jane@corp.fr", as: "jane@corp.fr").output.contains("rank 1 of 1"))
        let refused = cli.run("explain", "jane@corp.fr", as: "paul@corp.fr")
        #expect(refused.status == 77)
        #expect(refused.error.contains("the cio, hr or admin role (staff see their own)"))
        #expect(try cli.expectSuccess("explain", "jane@corp.fr", as: "hr@corp.fr").output.contains("Jane Doe"))
        #expect(try cli.expectSuccess("rank", as: "paul@corp.fr").output.contains("Jane Doe"))
        // Without an email, explain explains whoever asks.
        let own = try cli.expectSuccess("explain", as: "jane@corp.fr").output
        #expect(own == (try cli.expectSuccess("explain", "jane@corp.fr", as: "jane@corp.fr").output))
        #expect(own.hasPrefix("Jane Doe <jane@corp.fr>"))
    }

    @Test func aPolicyRoundTripsThroughShowAndSet() throws {
        let cli = try CLIHarness.withProgramme()
        let toml = try cli.expectSuccess("policy", "show").output
        #expect(toml.hasPrefix("# Version 1 of the policy in force."))
        let file = cli.folder.appendingPathComponent("policy.toml")
        try toml.write(to: file, atomically: true, encoding: .utf8)
        #expect(try cli.expectSuccess("policy", "set", file.path, as: "cio@corp.fr").output.contains("Unchanged"))

        try toml.replacingOccurrences(of: "reach = 15", with: "reach = 10").replacingOccurrences(
            of: "consistency = 25", with: "consistency = 30"
        )
        .write(to: file, atomically: true, encoding: .utf8)
        #expect(try cli.expectSuccess("policy", "validate", file.path).output.contains("is a valid scoring policy"))
        let set = try cli.expectSuccess("policy", "set", file.path, as: "cio@corp.fr").output
        #expect(set.hasPrefix("Policy version 2 is now in force (it replaces version 1).\nWhat changed:\n"))
        #expect(set.contains("  points.consistency: 25 → 30\n  points.reach: 15 → 10\n"))
        #expect(set.contains("Effect on 2026-Q4 (2026-10-01 to 2026-11-21, 8 weeks, "))
        let shown = try cli.expectSuccess("policy", "show").output
        #expect(shown.contains("reach = 10"))
        #expect(shown.hasPrefix("# Version 2"))

        let json = cli.folder.appendingPathComponent("policy.json")
        try cli.expectSuccess("policy", "show", "--format", "json").output.write(to: json, atomically: true, encoding: .utf8)
        #expect(
            try cli.expectSuccess("policy", "set", json.path, as: "admin@corp.fr").output.contains(
                "Unchanged: the file is version 2"))
    }

    @Test func theHistoryListsEveryVersionAndAnOlderOneScoresOnRequest() throws {
        let (cli, cio, admin) = try Self.demo()
        let toml = try cli.expectSuccess("policy", "show").output
        let file = try cli.file(
            "policy.toml",
            toml.replacingOccurrences(of: "work = 60", with: "work = 40").replacingOccurrences(
                of: "reach = 15", with: "reach = 35"))
        let set = try cli.expectSuccess("policy", "set", file, as: cio).output
        // Every person the output says moved is at those ranks under each version.
        let before = try cli.expectSuccess("rank", "--policy", "1", "--format", "csv", as: cio).output
        let after = try cli.expectSuccess("rank", "--format", "csv", as: cio).output
        func ranks(_ csv: String) -> [String: String] {
            Dictionary(
                csv.split(separator: "\r\n").dropFirst().map { line in
                    let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                    return (String(cells[1]), String(cells[0]))
                }, uniquingKeysWith: { first, _ in first })
        }
        let (old, new) = (ranks(before), ranks(after))
        let moves = set.matches(of: /\n  (\d+) → (\d+) .*?(\S+@\S+)/).map { (String($0.1), String($0.2), String($0.3)) }
        #expect(!moves.isEmpty, "\(set)")
        for (was, now, email) in moves {
            #expect(old[email] == was && new[email] == now, "\(email)")
        }
        #expect(set.contains("\(moves.count) people move in the top 20"))

        let history = try cli.expectSuccess("policy", "history", as: admin).output
        #expect(history.contains("Version 1: from "))
        #expect(
            history.contains(
                "Version 2 (in force): from 2026-11-21, set by \(cio) at 2026-11-21T12:00:00Z\n  points.work: 60 → 40\n  points.reach: 15 → 35"
            ))
        let json = try #require(
            try cli.json(try cli.expectSuccess("policy", "history", "--format", "json", as: admin)) as? [[String: Any]])
        #expect(json.map { $0["version"] as? Int } == [1, 2])
        #expect(json.map { $0["setBy"] as? String } == ["", cio])

        let first = try cli.expectSuccess("policy", "show", "--policy", "1").output
        #expect(first.hasPrefix("# Version 1 of the policy; version 2 is in force.\n"))
        #expect(first.dropFirst(first.prefix { $0 != "\n" }.count) == toml.dropFirst(toml.prefix { $0 != "\n" }.count))
        let refused = cli.run("rank", "--policy", "3", as: cio)
        #expect(refused.status == 1)
        #expect(
            refused.error
                == "error: there is no policy version 3: expected a version from 1 to 2 ('advocacy policy history' lists them)\n")
        #expect(try cli.expectSuccess("explain", admin, "--policy", "1", as: cio).output.contains("policy version 1"))
        #expect(try cli.expectSuccess("report", "--policy", "1", "--lang", "en", as: cio).output.contains("Scoring policy v1"))
    }

    @Test(arguments: [
        ("micro = [2, 3.5]", "micro = [3.5, 2]", "policy key 'quality.micro' [3.5, 2] is inverted"),
        ("reach = 15", "reach = -15", "policy key 'points.reach' is -15"),
        ("talk = 8", "talk = 8\ntlak = 3", "policy key 'effort.tlak' is not a known key"),
        ("[flags]", "[flags", "the policy file is not valid TOML"),
    ])
    func aBadPolicyFileChangesNothing(original: String, replacement: String, message: String) throws {
        let cli = try CLIHarness.withProgramme()
        let file = cli.folder.appendingPathComponent("policy.toml")
        let toml = try cli.expectSuccess("policy", "show").output
        #expect(toml.contains(original))
        try toml.replacingOccurrences(of: original, with: replacement).write(to: file, atomically: true, encoding: .utf8)
        for command in [["policy", "set", file.path], ["policy", "validate", file.path]] {
            let result = cli.run(command, as: "cio@corp.fr")
            #expect(result.status == 1)
            #expect(result.errorLines.count == 1)
            #expect(result.error.contains(message), "\(result.error)")
        }
        #expect(try cli.expectSuccess("policy", "show").output == toml)
    }

    @Test func onlyTheCIOOrAnAdminSetsThePolicy() throws {
        let cli = try CLIHarness.withProgramme()
        let file = cli.folder.appendingPathComponent("policy.toml")
        try cli.expectSuccess("policy", "show").output.replacingOccurrences(of: "cap = 3", with: "cap = 2")
            .write(to: file, atomically: true, encoding: .utf8)
        for actor in ["jane@corp.fr", "hr@corp.fr"] {
            let refused = cli.run("policy", "set", file.path, as: actor)
            #expect(refused.status == 77)
            #expect(refused.error.contains("the cio or admin role"))
        }
        let missing = cli.run("policy", "set", cli.folder.appendingPathComponent("nope.toml").path, as: "cio@corp.fr")
        #expect(missing.status == 1)
        #expect(missing.error.contains("no such file"))
    }

    @Test(arguments: [
        (["rank", "--tier", "huge"], "'huge'"),
        (["rank", "--by", "department"], "expected person, team, project or channel"),
        (["rank", "--top", "0"], "expected a whole number of 1 or more"),
        (["rank", "--channel", "fax"], "'fax'"),
        (["explain", "not-an-email"], "'not-an-email'"),
        (["explain", "jane@corp.fr", "--format", "csv"], "expected text or json"),
        (["policy", "show", "--format", "yaml"], "expected toml or json"),
    ])
    func badArgumentsGetOneClearLine(arguments: [String], mention: String) throws {
        let cli = try CLIHarness.withProgramme()
        let result = cli.run(arguments, as: "admin@corp.fr")
        #expect(result.status == 64)
        #expect(result.errorLines.count == 1)
        #expect(result.error.contains(mention), "\(result.error)")
    }

    @Test func aPeriodThatHasNotStartedIsRefused() throws {
        let cli = try CLIHarness.withProgramme()
        let result = cli.run("rank", "--period", "2027", as: "admin@corp.fr")
        #expect(result.status == 1)
        #expect(result.error.contains("the period 2027 has not started yet"))
    }
}
