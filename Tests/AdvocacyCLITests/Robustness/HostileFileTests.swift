import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI

/// Hostile strings in the cells of imported files, and files that are not
/// what they claim (bytes that are not UTF-8, NUL bytes, binary noise): every
/// row is imported byte for byte or set aside with its reason, every file
/// that cannot be read is refused with one error line and writes nothing.
@Suite("Robustness: hostile input in imported files", .tags(.slow))
struct RobustnessHostileFileTests {
    static func programme() throws -> CLIHarness {
        let cli = try CLIHarness.withProgramme()
        try cli.expectSuccess("channel", "add", "jane@corp.fr", "https://jane.example.org", "--kind", "blog", as: "jane@corp.fr")
        try cli.expectSuccess("channel", "add", "jane@corp.fr", "@jane", as: "jane@corp.fr")
        return cli
    }

    /// Problems with an import's standard error: each line names the file
    /// (`FILE:LINE: …`, or the summary of what was set aside) or is the one
    /// `error:` line, and none holds a raw control character.
    static func importErrorProblems(_ result: CLIHarness.Result, file: String) -> [String] {
        var problems = Hostile.outputProblems(result)
        let errors = result.errorLines.filter { $0.hasPrefix("error: ") }
        if errors.count > 1 { problems.append("\(errors.count) error lines") }
        for line in result.errorLines
        where !line.hasPrefix("error: ") && !line.hasPrefix(file + ":") && !line.contains("rejected row") {
            problems.append("stray line: \(Hostile.show(String(line)))")
        }
        if result.status != 0 && errors.count != 1 { problems.append("exit \(result.status) without its error line") }
        return problems
    }

    @Test func rosterCellsAreImportedByteForByteOrSetAside() throws {
        let cli = try Self.programme()
        let writer = CSVWriter()
        var text = writer.line(["email", "name", "team"])
        for (index, hostile) in HostileString.all.enumerated() {
            text += writer.line(["person\(index)@corp.fr", hostile.value, hostile.value])
        }
        let file = try cli.file("roster.csv", text)
        let result = cli.run(["import", "employees", file, "--skip-invalid"], as: "admin@corp.fr")
        #expect(result.status == 0, "\(result.error)")
        #expect(Self.importErrorProblems(result, file: file).isEmpty, "\(Self.importErrorProblems(result, file: file))")
        let people = try JSONValue.parse(cli.run(["employee", "list", "--format", "json"], as: "admin@corp.fr").output).array
        let rejects = try Hostile.csvRows(
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: file + ".rejects.csv"))) ?? Data(), as: UTF8.self))
        for (index, hostile) in HostileString.all.enumerated() {
            let email = "person\(index)@corp.fr"
            let person = people.first { $0["email"]?.string == email }
            let name = hostile.outcome(limit: 200, rule: .name), team = hostile.outcome(limit: 100, optional: true)
            let rejected = rejects.contains { $0.first == email }
            if let person {
                #expect(!rejected, "\(hostile.label): both imported and set aside")
                if case .stored(let value) = name {
                    #expect(Hostile.same(person["name"]?.string, value), "\(hostile.label): name")
                }
                if case .stored(let value) = team {
                    #expect(Hostile.same(person["team"]?.textOrNull ?? nil, value), "\(hostile.label): team")
                }
                #expect(name != .refused && team != .refused, "\(hostile.label): imported, though it should be refused")
            } else {
                #expect(rejected, "\(hostile.label): neither imported nor set aside")
                if case .stored(let value?) = name, case .stored = team {
                    Issue.record("\(hostile.label): refused, though it should be imported as \(Hostile.show(value))")
                }
            }
        }
        #expect(try DatabaseHealth.problems(atPath: cli.databasePath).isEmpty)
    }

    @Test func actionTitlesAreImportedByteForByteOrSetAside() throws {
        let cli = try Self.programme()
        let writer = CSVWriter()
        var text = writer.line(["email", "url", "date", "title", "reactions"])
        for (index, hostile) in HostileString.all.enumerated() {
            text += writer.line(["jane@corp.fr", "https://jane.example.org/h/\(index)", "2026-11-01", hostile.value, "3"])
        }
        let file = try cli.file("actions.csv", text)
        let result = cli.run(["import", "actions", file, "--skip-invalid"], as: "jane@corp.fr")
        #expect(result.status == 0, "\(result.error)")
        #expect(Self.importErrorProblems(result, file: file).isEmpty, "\(Self.importErrorProblems(result, file: file))")
        let actions = try JSONValue.parse(cli.run(["action", "list", "--format", "json"], as: "jane@corp.fr").output).array
        for (index, hostile) in HostileString.all.enumerated() {
            let action = actions.first { $0["url"]?.string == "https://jane.example.org/h/\(index)" }
            switch hostile.outcome(limit: 500, optional: true, rule: .title) {
            case .refused: #expect(action == nil, "\(hostile.label): imported, though it should be refused")
            case .stored(let value?):
                #expect(
                    Hostile.same(action?["title"]?.string, value),
                    "\(hostile.label): title \(action?["title"]?.string.map(Hostile.show) ?? "missing")")
            case .stored(nil): #expect(action != nil, "\(hostile.label): a blank title takes one from the address")
            }
        }
        #expect(try DatabaseHealth.problems(atPath: cli.databasePath).isEmpty)
    }

    @Test func tweetsAndFeedEntriesWithHostileTextAreImportedOrSetAside() throws {
        let cli = try Self.programme()
        let writer = CSVWriter()
        var text = writer.line(["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements", "likes"])
        for (index, hostile) in HostileString.all.enumerated() {
            text += writer.line([
                "\(index + 1)", "https://x.com/jane/status/\(index + 1)", hostile.value, "2026-11-01 10:00 +0000", "100", "5",
                "5",
            ])
        }
        let tweets = try cli.file("tweets.csv", text)
        let imported = cli.run(["import", "x-analytics", tweets, "--skip-invalid"], as: "jane@corp.fr")
        #expect(imported.status == 0, "\(imported.error)")
        #expect(Self.importErrorProblems(imported, file: tweets).isEmpty, "\(Self.importErrorProblems(imported, file: tweets))")

        for (index, hostile) in HostileString.table.enumerated() {
            let escaped = hostile.value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            let feed = try cli.file(
                "feed-\(index).xml",
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Blog</title><link>https://jane.example.org</link>
                <item><title>\(escaped)</title><link>https://jane.example.org/feed/\(index)</link><pubDate>Sun, 01 Nov 2026 10:00:00 +0000</pubDate></item>
                </channel></rss>
                """)
            let result = cli.run(["import", "feed", feed, "--skip-invalid"], as: "jane@corp.fr")
            #expect(
                Self.importErrorProblems(result, file: feed).isEmpty,
                "feed with \(hostile.label): \(Self.importErrorProblems(result, file: feed))")
        }
        // Whatever went in is printable and whole.
        let list = cli.run(["action", "list"], as: "jane@corp.fr")
        #expect(list.status == 0 && Hostile.rawControls(list.output).isEmpty)
        let titles = try DatabaseQueue(path: cli.databasePath).read { db in
            try String.fetchAll(db, sql: "SELECT title FROM action")
        }
        #expect(titles.allSatisfy { $0.unicodeScalars.allSatisfy { $0.properties.generalCategory != .control } })
        #expect(try DatabaseHealth.problems(atPath: cli.databasePath).isEmpty)
    }

    /// A file's bytes, as an importer meets them.
    struct BrokenFile: Sendable, CustomTestStringConvertible {
        var label: String
        var bytes: [UInt8]
        var testDescription: String { label }

        init(_ label: String, bytes: [UInt8]) {
            self.label = label
            self.bytes = bytes
        }

        /// Every column the four CSV importers read, so each of them meets the fault.
        static let header = "email,name,url,date,followers,Tweet permalink,time\n"
        static let row = [
            "jane@corp.fr", "Jane", "https://jane.example.org", "2026-11-01", "1", "https://x.com/jane/status/9",
            "2026-11-01 10:00 +0000",
        ]

        /// A header and one row whose every cell has `fault` after its second byte.
        init(_ label: String, cellFault fault: [UInt8]) {
            let cells = Self.row.map { cell in Array(cell.utf8.prefix(2)) + fault + Array(cell.utf8.dropFirst(2)) }
            let row = cells.enumerated().flatMap { index, cell in (index == 0 ? [] : [UInt8(ascii: ",")]) + cell }
            self.init(label, bytes: Array(Self.header.utf8) + row + [UInt8(ascii: "\n")])
        }

        static let all: [BrokenFile] = [
            BrokenFile("invalid UTF-8 in every cell", cellFault: [0xC3, 0x28]),
            BrokenFile("Latin-1 in every cell", cellFault: [0xE9]),
            BrokenFile("overlong UTF-8 in every cell", cellFault: [0xC0, 0xAF]),
            BrokenFile("UTF-16 surrogate in every cell", cellFault: [0xED, 0xA0, 0x80]),
            BrokenFile("NUL in every cell", cellFault: [0]),
            BrokenFile("terminal escapes in every cell", cellFault: Array("\u{1B}[2J\u{1B}]0;x\u{07}\u{9B}1m".utf8)),
            BrokenFile("100 kB in every cell", cellFault: Array(String(repeating: "x", count: 100_000).utf8)),
            BrokenFile(
                "NUL in the header",
                bytes: Array("email,na".utf8) + [0]
                    + Array(("me,url,date,followers,Tweet permalink,time\n" + row.joined(separator: ",") + ",\n").utf8)),
            BrokenFile("binary noise", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ ($0 >> 3)) }),
            BrokenFile("empty file", bytes: []),
            BrokenFile("only a byte-order mark", bytes: [0xEF, 0xBB, 0xBF]),
            BrokenFile("header only", bytes: Array(header.utf8)),
            BrokenFile("unterminated quote", bytes: Array((header + "\"" + row.joined(separator: ",") + "\n").utf8)),
        ]
    }

    static let importers = ["employees", "actions", "followers", "x-analytics"]

    @Test(arguments: BrokenFile.all)
    func aBrokenFileIsRefusedInOneLineAndWritesNothing(_ broken: BrokenFile) throws {
        let cli = try Self.programme()
        let path = cli.folder.appendingPathComponent("broken.csv").path
        try Data(broken.bytes).write(to: URL(fileURLWithPath: path))
        let before = try cli.databaseDump()
        for importer in Self.importers {
            let result = cli.run(["import", importer, path], as: "admin@corp.fr")
            let context = "import \(importer) of \(broken.label)"
            #expect(
                Self.importErrorProblems(result, file: path).isEmpty,
                "\(context): \(Self.importErrorProblems(result, file: path))")
            if result.status == 0 {
                // Only a file with nothing in it may pass, writing nothing.
                #expect(try cli.databaseDump() == before, "\(context): exit 0 and the database changed")
            } else {
                #expect(result.status == 1, "\(context): exit \(result.status)")
                #expect(result.errorLines.last?.hasPrefix("error: ") == true, "\(context): \(Hostile.show(result.error))")
                #expect(result.error.utf8.count < 4_000, "\(context): \(result.error.utf8.count) bytes on standard error")
            }
        }
        #expect(try cli.databaseDump() == before)
    }
}
