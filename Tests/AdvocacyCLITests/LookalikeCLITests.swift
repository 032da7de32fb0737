import AdvocacyCore
import AdvocacyStore
import Foundation
import Testing

@testable import AdvocacyCLI

/// One person, one identity (issue 22, item 6), as an admin meets it: the
/// attack's addresses refused with a message that names what is wrong, a
/// look-alike of someone registered or of another row refused with its
/// line, a name like another's added with a warning.
@Suite("Look-alike identities on the command line")
struct LookalikeCLITests {
    let admin = "admin@corp.fr"

    @Test(arguments: [
        ("\u{430}lice.vincent@corp.fr", "mixes Cyrillic and Latin letters"),
        ("alice.vincent@c\u{43E}rp.fr", "mixes Latin and Cyrillic letters"),
        ("alice.vincent\u{200B}@corp.fr", "it holds the invisible character U+200B"),
        ("alice.vincent@corp.fr\u{202E}", "it holds the invisible character U+202E"),
        ("\u{FF41}lice.vincent@corp.fr", "expected its usual spelling, alice.vincent@corp.fr"),
    ])
    func employeeAddRefusesAnAddressThatPassesForAnother(email: String, problem: String) throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("employee", "add", "alice.vincent@corp.fr", "--name", "Alice Vincent", as: admin)
        let before = try cli.databaseDump()
        let result = cli.run(["employee", "add", email, "--name", "Alice Vincent"], as: admin)
        #expect(result.status != 0)
        #expect(result.error.contains(problem), "\(result.error)")
        #expect(result.output.isEmpty)
        #expect(try cli.databaseDump() == before)
    }

    @Test func employeeAddRefusesALookalikeOfSomeoneRegisteredNamingThem() throws {
        let cli = try CLIHarness.withProgramme()
        let before = try cli.databaseDump()
        let result = cli.run(["employee", "add", "pau1@corp.fr", "--name", "Paolo Rossi"], as: admin)
        #expect(result.status == 1)
        #expect(
            result.error.contains(
                "pau1@corp.fr looks like paul@corp.fr, who is already in the programme: expected a distinct address"),
            "\(result.error)")
        #expect(try cli.databaseDump() == before)

        try cli.expectSuccess("employee", "add", "ace@corp.fr", "--name", "Ace Ventura", as: admin)
        let cyrillic = cli.run(["employee", "add", "\u{430}\u{441}\u{435}@corp.fr", "--name", "Ace Two"], as: admin)
        #expect(cyrillic.status == 1)
        #expect(cyrillic.error.contains("looks like ace@corp.fr") && cyrillic.error.contains("Cyrillic"), "\(cyrillic.error)")
    }

    @Test func aNameLikeARegisteredOneIsAddedWithAWarning() throws {
        let cli = try CLIHarness.withProgramme()
        // The CIO is "Chloé CIO", composed: the same name decomposed (NFD) is stored as given, with a warning.
        let decomposed = "Chloe\u{301} CIO"
        let result = try cli.expectSuccess("employee", "add", "chloe.two@corp.fr", "--name", decomposed, as: admin)
        #expect(result.output.contains("Added"))
        #expect(
            result.error
                == "warning: '\(decomposed)' looks like the name of cio@corp.fr, already in the programme; added anyway: two people may share a name\n"
        )
        let stored = try AdvocacyStore.open(atPath: cli.databasePath).employee(try EmailAddress("chloe.two@corp.fr"))
        #expect(stored.name.utf8.elementsEqual(decomposed.utf8))
    }

    @Test func namesAndTitlesRefuseBidiOverrides() throws {
        let cli = try CLIHarness.withProgramme()
        let before = try cli.databaseDump()
        let name = cli.run(["employee", "add", "new@corp.fr", "--name", "Jane \u{202E}gpj.exe"], as: admin)
        #expect(name.status == 1)
        #expect(name.error.contains("the name holds the bidi control U+202E"), "\(name.error)")
        let title = cli.run(
            ["log", "https://blog.jane.dev/post", "--date", "2026-11-01", "--title", "Invoice \u{202E}fdp.exe"],
            as: "jane@corp.fr")
        #expect(title.status == 1)
        #expect(title.error.contains("the title holds the bidi control U+202E"), "\(title.error)")
        #expect(try cli.databaseDump() == before)
    }

    @Test func theRosterImportRefusesLookalikesWithTheirLinesAndWritesNothing() throws {
        let cli = try CLIHarness.withProgramme()
        let roster = try cli.file(
            "roster.csv",
            "email,name\nace@corp.fr,Ace One\n\u{430}\u{441}\u{435}@corp.fr,Ace Two\npau1@corp.fr,Paolo Rossi\nzoe@corp.fr,Zoé Roux\n"
        )
        let before = try cli.databaseDump()
        let result = cli.run(["import", "employees", roster], as: admin)
        #expect(result.status == 1)
        #expect(
            result.error.contains(
                "roster.csv:3: \u{430}\u{441}\u{435}@corp.fr looks like ace@corp.fr, given on line 2 of this file: expected a distinct address"
            ), "\(result.error)")
        #expect(
            result.error.contains("roster.csv:4: pau1@corp.fr looks like paul@corp.fr, who is already in the programme"),
            "\(result.error)")
        #expect(!result.error.contains("roster.csv:2:") && !result.error.contains("roster.csv:5:"), "\(result.error)")
        #expect(try cli.databaseDump() == before)
    }

    @Test func theRosterImportWarnsOfNamesLikeAnother() throws {
        let cli = try CLIHarness.withProgramme()
        let roster = try cli.file(
            "roster.csv",
            "email,name\npaul.martin@corp.fr,PAUL MARTIN\nmarie@corp.fr,Marie Martin\nmarie.b@corp.fr,Marie  Martin\n")
        let result = try cli.expectSuccess("import", "employees", roster, as: admin)
        #expect(result.output.contains("inserted 3, updated 0, unchanged 0, rejected 0"), "\(result.output)")
        #expect(
            result.error.contains(
                "roster.csv:2: warning: 'PAUL MARTIN' looks like the name of paul@corp.fr, already in the programme; added anyway"
            ),
            "\(result.error)")
        #expect(
            result.error.contains(
                "roster.csv:4: warning: 'Marie  Martin' looks like the name of marie@corp.fr, given on line 3 of this file"),
            "\(result.error)")
        let json = try cli.expectSuccess("import", "employees", roster, "--dry-run", "--format", "json", as: admin)
        // Imported already: the same rows again are unchanged, and warn of nothing.
        #expect(json.output.contains("\"warned\" : 0"), "\(json.output)")
    }
}
