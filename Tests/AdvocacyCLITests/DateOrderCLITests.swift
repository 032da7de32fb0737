import AdvocacyCore
import AdvocacyStore
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI

/// Files saved by a spreadsheet write dates in its locale's order; the
/// import reads the order off the file, or takes it from --date-order.
@Suite("Imports with dates as spreadsheets write them")
struct DateOrderCLITests {
    let jane = "jane@corp.fr"

    static func dates(_ cli: CLIHarness) throws -> [String] {
        try AdvocacyStore.open(atPath: cli.databasePath).actions().map(\.date.description).sorted()
    }

    @Test func aFileSavedByAFrenchExcelImports() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", jane, "https://blog.jane.example", "--kind", "blog", as: jane)
        let file = try cli.fixture("actions-excel-fr.csv")
        let result = try cli.expectSuccess("import", "actions", file, as: jane)
        #expect(result.output.contains("inserted 3, updated 0, unchanged 0, rejected 0"), "\(result.error)")
        // 31/10 can only be day first, so 05/11 is the 5th of November.
        #expect(try Self.dates(cli) == ["2026-10-31", "2026-11-05", "2026-11-06"])
        let kafka = try AdvocacyStore.open(atPath: cli.databasePath).action(
            try CanonicalURL("https://blog.jane.example/2026/10/kafka"))
        #expect(
            kafka.effortHours == 4.5 && kafka.metrics.impressions == 1_250 && kafka.title == "Kafka à l'échelle : nos retours")
        #expect(try cli.expectSuccess("import", "actions", file, as: jane).output.contains("unchanged 3"))
    }

    static func ambiguous(_ cli: CLIHarness) throws -> String {
        let file = cli.folder.appendingPathComponent("ambigu.csv").path
        try """
        email;url;date
        jane@corp.fr;https://blog.jane.example/a;05/10/2026
        jane@corp.fr;https://blog.jane.example/b;01/02/2026

        """.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func aFileThatCouldBeReadBothWaysIsRefusedSayingWhatToDo() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", jane, "https://blog.jane.example", "--kind", "blog", as: jane)
        let file = try Self.ambiguous(cli)
        let refused = cli.run("import", "actions", file, as: jane)
        #expect(refused.status == 1)
        #expect(refused.errorLines.count == 1, "\(refused.error)")
        #expect(refused.error.contains("the first is '05/10/2026', line 2"), "\(refused.error)")
        #expect(refused.error.contains("--date-order dmy"), "\(refused.error)")
        #expect(try GRDBProbe.value(cli, "SELECT COUNT(*) FROM action") == 0)

        try cli.expectSuccess("import", "actions", file, "--date-order", "dmy", as: jane)
        #expect(try Self.dates(cli) == ["2026-02-01", "2026-10-05"])
    }

    @Test func theOrderGivenReadsEveryDateAndRefusesTheRowsItCannot() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", jane, "https://blog.jane.example", "--kind", "blog", as: jane)
        let file = cli.folder.appendingPathComponent("us.csv").path
        try
            "email,url,date\njane@corp.fr,https://blog.jane.example/a,10/31/2026\njane@corp.fr,https://blog.jane.example/b,31/10/2026\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        // Read off the file, the two dates contradict each other.
        let mixed = cli.run("import", "actions", file, as: jane)
        #expect(mixed.status == 1 && mixed.error.contains("can only be day first (line 3: 31/10/2026)"), "\(mixed.error)")
        // Given, the order reads the first and refuses the second with its line.
        let given = cli.run("import", "actions", file, "--date-order", "mdy", "--skip-invalid", as: jane)
        #expect(given.status == 0, "\(given.error)")
        #expect(given.output.contains("inserted 1") && given.output.contains("rejected 1"), "\(given.output)")
        #expect(try Self.dates(cli) == ["2026-10-31"])
    }

    @Test func followersTooAndAWrongOrderNameIsAUsageError() throws {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", jane, "https://x.com/janedoe", as: jane)
        let file = cli.folder.appendingPathComponent("abonnes.csv").path
        try "chaîne;date;abonnés\nhttps://x.com/janedoe;30/09/2026;1 180\nhttps://x.com/janedoe;31/10/2026;1 240\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        try cli.expectSuccess("import", "followers", file, as: jane)
        #expect(try GRDBProbe.value(cli, "SELECT followers FROM followerSnapshot WHERE date = '2026-10-31'") == 1_240)
        let wrong = cli.run("import", "followers", file, "--date-order", "jma", as: jane)
        #expect(wrong.status == 64 && wrong.error.contains("expected dmy, mdy or ymd"), "\(wrong.error)")
    }
}
