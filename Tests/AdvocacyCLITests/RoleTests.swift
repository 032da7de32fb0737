import Testing

@testable import AdvocacyCLI

/// Role rules at the command line: refused writes exit 77 and name the role needed.
@Suite("Roles")
struct RoleTests {
    static let adminOnlyWrites: [[String]] = [
        ["employee", "add", "new@corp.fr", "--name", "New"],
        ["employee", "update", "paul@corp.fr", "--team", "Cloud"],
        ["employee", "deactivate", "paul@corp.fr"],
        ["project", "add", "NEW-1", "--name", "New"],
        ["project", "update", "ERP-2027", "--weight", "1"],
        ["project", "close", "ERP-2027"],
    ]

    @Test(arguments: ["jane@corp.fr", "cio@corp.fr", "hr@corp.fr"], adminOnlyWrites)
    func onlyAdminsManagePeopleAndProjects(actor: String, arguments: [String]) throws {
        let cli = try CLIHarness.withProgramme()
        let before = try cli.tableCounts()
        let result = cli.run(arguments, as: actor)
        #expect(result.status == 77)
        #expect(result.error.contains("this needs the admin role"))
        #expect(result.errorLines.count == 1)
        #expect(try cli.tableCounts() == before)
        try cli.expectSuccess(arguments, as: "admin@corp.fr")
    }

    static let someoneElsesWork: [[String]] = [
        ["log", "https://x.com/jane/status/2", "--for", "jane@corp.fr"],
        ["metrics", "https://x.com/jane/status/1", "--reactions", "99"],
        ["channel", "add", "jane@corp.fr", "https://jane.dev"],
        ["channel", "followers", "https://x.com/jane", "10"],
        ["action", "remove", "https://x.com/jane/status/1"],
    ]

    @Test(arguments: ["paul@corp.fr", "cio@corp.fr", "hr@corp.fr"], someoneElsesWork)
    func staffWriteOnlyTheirOwnWork(actor: String, arguments: [String]) throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("log", "https://x.com/jane/status/1", as: "jane@corp.fr")
        let before = try cli.tableCounts()
        let result = cli.run(arguments, as: actor)
        #expect(result.status == 77)
        #expect(result.error.contains("for jane@corp.fr"))
        #expect(try cli.tableCounts() == before)
        try cli.expectSuccess(arguments, as: "jane@corp.fr")
    }

    @Test func anAdminActsForAnyone() throws {
        let cli = try CLIHarness.withProgramme()
        let logged = try cli.expectSuccess("log", "https://x.com/paul/status/7", "--for", "paul@corp.fr", as: "admin@corp.fr")
        #expect(logged.output.contains("by paul@corp.fr"))
        try cli.expectSuccess("metrics", "https://x.com/paul/status/7", "--reactions", "12", as: "admin@corp.fr")
        try cli.expectSuccess("channel", "followers", "https://x.com/paul", "800", as: "admin@corp.fr")
    }

    @Test(arguments: ["jane@corp.fr", "cio@corp.fr", "hr@corp.fr", nil])
    func everyoneReads(actor: String?) throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("log", "https://x.com/jane/status/1", as: "jane@corp.fr")
        for arguments in [
            ["employee", "list"], ["employee", "show", "jane@corp.fr"], ["channel", "list"], ["project", "list"],
            ["project", "show", "ERP-2027"], ["action", "list"], ["action", "show", "https://x.com/jane/status/1"],
        ] {
            #expect(cli.run(arguments, as: actor).status == 0, "\(arguments)")
        }
    }
}
