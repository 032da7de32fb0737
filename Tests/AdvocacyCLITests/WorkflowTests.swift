import Foundation
import Testing

@testable import AdvocacyCLI

@Suite("Everyday workflow")
struct WorkflowTests {
    @Test func initIsIdempotentAndTellsWhatToDoNext() throws {
        let cli = try CLIHarness()
        let first = try cli.expectSuccess("init")
        #expect(first.output.contains("Database ready at \(cli.databasePath)"))
        try cli.expectSuccess("init")
        try cli.expectSuccess("init", "--admin", "Admin@Corp.fr", "--name", "Ada")
        let again = try cli.expectSuccess("init", "--admin", "admin@corp.fr", "--name", "Ada")
        #expect(again.output.contains("already an admin"))
        let other = cli.run("init", "--admin", "other@corp.fr", "--name", "Other")
        #expect(other.status == 1)
        #expect(other.error.contains("already has an admin (admin@corp.fr)"))
    }

    @Test func aStaffMemberLogsAndUpdatesTheirWork() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", "jane@corp.fr", "@janedoe", "--followers", "2400", as: "jane@corp.fr")
        try cli.expectSuccess(
            "channel", "add", "jane@corp.fr", "https://www.linkedin.com/in/jane-doe/", "--followers", "5100", as: "jane@corp.fr")
        let logged = try cli.expectSuccess(
            "log", "https://twitter.com/janedoe/status/1856?utm_source=share", "--project", "erp-2027", "--date", "2026-11-02",
            "--reactions", "40", "--comments", "6", "--impressions", "3100", as: "jane@corp.fr")
        #expect(
            logged.output.contains(
                "post \"Post by @janedoe\" (2026-11-02) by jane@corp.fr at https://x.com/janedoe/status/1856 [ERP-2027]"))
        try cli.expectSuccess(
            "log", "https://jane.dev/2026/kafka-en-production", "--title", "Kafka en production", "--kind", "article", "--effort",
            "6", as: "jane@corp.fr")
        try cli.expectSuccess("metrics", "https://x.com/janedoe/status/1856", "--reactions", "55", as: "jane@corp.fr")

        let list = cli.run("action", "list", "--employee", "jane@corp.fr", "--format", "json")
        let actions = try #require(try cli.json(list) as? [[String: Any]])
        #expect(actions.count == 2)
        let tweet = try #require(actions.first { ($0["url"] as? String) == "https://x.com/janedoe/status/1856" })
        #expect(tweet["reactions"] as? Int == 55)
        #expect(tweet["comments"] as? Int == 6)
        #expect(tweet["impressions"] as? Int == 3100)
        #expect(tweet["projects"] as? [String] == ["ERP-2027"])
        #expect(tweet["kind"] as? String == "post")
        #expect(tweet["date"] as? String == "2026-11-02")
        #expect(tweet["email"] as? String == "jane@corp.fr")
        #expect(tweet["channel"] as? String == "https://x.com/janedoe")
        let article = try #require(actions.first { ($0["kind"] as? String) == "article" })
        #expect(article["title"] as? String == "Kafka en production")
        #expect(article["effortHours"] as? Double == 6)

        let channels = try #require(
            try cli.json(cli.run("channel", "list", "jane@corp.fr", "--format", "json")) as? [[String: Any]])
        #expect(Set(channels.compactMap { $0["kind"] as? String }) == ["x", "linkedin", "blog"])
        #expect(channels.first { ($0["kind"] as? String) == "linkedin" }?["followers"] as? Int == 5100)

        let show = try cli.expectSuccess("employee", "show", "jane@corp.fr")
        #expect(show.output.contains("actions:"))
        #expect(show.output.contains("https://linkedin.com/in/jane-doe (5100 followers on 2026-11-21)"))
        let shown = try #require(try cli.json(cli.run("employee", "show", "jane@corp.fr", "--format", "json")) as? [String: Any])
        #expect(shown["actions"] as? Int == 2 && shown["team"] as? String == "Data")
        #expect((shown["channels"] as? [Any])?.count == 3)
    }

    @Test func periodsSelectActions() throws {
        let cli = try CLIHarness.withProgramme()
        for (n, date) in ["2026-06-30", "2026-07-01", "2026-09-30", "2026-10-01"].enumerated() {
            try cli.expectSuccess("log", "https://x.com/jane/status/\(n)", "--date", date, as: "jane@corp.fr")
        }
        func dates(_ arguments: String...) throws -> [String] {
            let list = try #require(
                try cli.json(cli.run(["action", "list", "--format", "json"] + arguments)) as? [[String: Any]])
            return list.compactMap { $0["date"] as? String }
        }
        #expect(try dates("--period", "2026-Q3") == ["2026-09-30", "2026-07-01"])
        #expect(try dates("--period", "2026-07") == ["2026-07-01"])
        #expect(try dates("--period", "2026") == ["2026-10-01", "2026-09-30", "2026-07-01", "2026-06-30"])
        #expect(try dates("--from", "2026-09-01", "--to", "2026-10-31") == ["2026-10-01", "2026-09-30"])
        #expect(try dates("--from", "2026-09-01") == ["2026-10-01", "2026-09-30"])
        #expect(try dates("--period", "2026-06-30..2026-07-01") == ["2026-07-01", "2026-06-30"])
    }

    @Test func projectsAndEmployeesAreManagedByTheAdmin() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("project", "update", "ERP-2027", "--weight", "2", "--start", "2026-01-15", as: "admin@corp.fr")
        try cli.expectSuccess("project", "close", "erp-2027", as: "admin@corp.fr")
        let project = try #require(try cli.json(cli.run("project", "show", "ERP-2027", "--format", "json")) as? [String: Any])
        #expect(project["status"] as? String == "closed")
        #expect(project["end"] as? String == "2026-11-21")
        #expect(project["weight"] as? Int == 2)

        try cli.expectSuccess("employee", "update", "paul@corp.fr", "--team", "Cloud", "--hr-id", "M042", as: "admin@corp.fr")
        try cli.expectSuccess("employee", "deactivate", "paul@corp.fr", as: "admin@corp.fr")
        let paul = try #require(
            try cli.json(cli.run("employee", "show", "paul@corp.fr", "--format", "json", as: "admin@corp.fr")) as? [String: Any])
        #expect(paul["team"] as? String == "Cloud" && paul["hrId"] as? String == "M042" && paul["active"] as? Bool == false)
        // An HR id is a payroll id: HR and admins read it, no one else (nor someone who does not say who they are).
        for viewer in ["jane@corp.fr", nil] {
            let seen = try #require(
                try cli.json(cli.run(["employee", "show", "paul@corp.fr", "--format", "json"], as: viewer)) as? [String: Any])
            #expect((seen["hrId"] as? String ?? "").isEmpty && seen["team"] as? String == "Cloud")
            let listed = try cli.expectSuccess(["employee", "list", "--format", "csv"], as: viewer).output
            #expect(!listed.contains("M042"))
        }
        #expect(try cli.expectSuccess("employee", "list", "--format", "csv", as: "admin@corp.fr").output.contains("M042"))
        let refused = cli.run("log", "https://x.com/paul/status/1", as: "paul@corp.fr")
        #expect(refused.status == 77)
        try cli.expectSuccess("employee", "update", "paul@corp.fr", "--active", as: "admin@corp.fr")
        try cli.expectSuccess("log", "https://x.com/paul/status/1", as: "paul@corp.fr")

        let team = try #require(
            try cli.json(cli.run("employee", "list", "--team", "cloud", "--format", "json")) as? [[String: Any]])
        #expect(team.compactMap { $0["email"] as? String } == ["paul@corp.fr"])
    }

    @Test func removingAnAction() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("log", "https://x.com/jane/status/1", as: "jane@corp.fr")
        #expect(cli.run("action", "remove", "https://x.com/jane/status/1", as: "paul@corp.fr").status == 77)
        let removed = try cli.expectSuccess("action", "remove", "https://twitter.com/jane/status/1#top", as: "jane@corp.fr")
        #expect(removed.output.hasPrefix("Removed post"))
        #expect(cli.run("action", "show", "https://x.com/jane/status/1").status == 1)
    }
}
