import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyCLI
@testable import AdvocacyStore

/// Every hostile string through every text field a person can type: it is
/// either kept (trimmed, tabs and line breaks made spaces, nothing else
/// changed) and read back byte for byte from the database, the JSON, the CSV
/// (with the formula guard) and the text output, or refused with one error
/// line, a non-zero exit and nothing written. Never a crash.
@Suite("Robustness: hostile input in text fields", .tags(.slow))
struct RobustnessHostileInputTests {
    /// A copy of the demo programme (people, projects, catalogue, proposals) and who acts in it.
    final class World {
        let cli: CLIHarness
        let admin: String, cio: String, hr: String, staff: String
        let project: String, reward: String, period: String
        /// Open proposals, handed out one per field that decides one.
        var proposals: [Int]

        init() throws {
            cli = try CLIHarness()
            try Self.template.get().write(to: URL(fileURLWithPath: cli.databasePath))
            let people = try DatabaseQueue(path: cli.databasePath).read { db in
                try ["admin", "cio", "hr"].map { role in
                    try String.fetchOne(
                        db, sql: "SELECT email FROM employee WHERE role = ? AND isActive ORDER BY id LIMIT 1", arguments: [role])
                        ?? ""
                } + [
                    try String.fetchOne(
                        db,
                        sql:
                            "SELECT e.email FROM employee e JOIN channel c ON c.employeeId = e.id WHERE e.role = 'staff' ORDER BY e.id LIMIT 1"
                    ) ?? "",
                    try String.fetchOne(db, sql: "SELECT code FROM project ORDER BY id LIMIT 1") ?? "",
                    try String.fetchOne(db, sql: "SELECT code FROM rewardItem ORDER BY id LIMIT 1") ?? "",
                ]
            }
            (admin, cio, hr, staff, project, reward) = (people[0], people[1], people[2], people[3], people[4], people[5])
            period = Period.quarter(containing: CLIHarness.today).description
            proposals = try DatabaseQueue(path: cli.databasePath).read { db in
                try Int.fetchAll(db, sql: "SELECT id FROM rewardProposal WHERE status = 'proposed' ORDER BY id")
            }
        }

        /// The demo's database file, made once and copied for each string.
        static let template: Result<Data, any Error> = Result {
            let cli = try CLIHarness()
            try cli.expectSuccess("demo")
            try AdvocacyStore.rawQueue(atPath: cli.databasePath).writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            return try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        }

        func value(_ sql: String, _ arguments: StatementArguments = []) throws -> String? {
            try DatabaseQueue(path: cli.databasePath).read { db in try String.fetchOne(db, sql: sql, arguments: arguments) }
        }

        func nextProposal() throws -> String {
            guard !proposals.isEmpty else { throw CLIHarness.CommandFailed(description: "no proposal left") }
            return String(proposals.removeFirst())
        }
    }

    /// Where a stored value reads back from.
    struct Readback {
        /// The stored value, straight from the database.
        var sql: String
        var sqlArguments: StatementArguments
        /// A command printing JSON, and the value in what it printed.
        var json: (arguments: [String], actor: String, extract: (JSONValue) -> String??)?
        /// A command printing CSV, the column, and the key column and value finding the row.
        var csv: (arguments: [String], actor: String, column: String, keyColumn: String, key: String)?
        /// A command printing text, and the width its column is cut at (nil: shown whole).
        var text: (arguments: [String], actor: String, width: Int?)?
    }

    /// A text field: how to put a value in, and where it shows.
    struct Field: CustomStringConvertible {
        var description: String
        var limit: Int
        var optional = false
        /// Which format characters it refuses.
        var rule = TextField.Rule.text
        /// Runs the command that stores `value` (an option value starting with `-` is passed as `--option=value`).
        var plant: (World, String) throws -> (CLIHarness.Result, Readback)
    }

    /// `--name value`, or `--name=value` when the value would read as an option.
    static func option(_ name: String, _ value: String) -> [String] {
        value.hasPrefix("-") ? ["\(name)=\(value)"] : [name, value]
    }

    static func employeeReadback(_ world: World, _ email: String, key: String, column: String) -> Readback {
        Readback(
            sql: "SELECT \(column) FROM employee WHERE email = ?", sqlArguments: [email],
            json: (
                ["employee", "list", "--format", "json"], world.admin,
                { list in
                    list.array.first { $0["email"]?.string == email }?[key]?.textOrNull
                }
            ),
            csv: (["employee", "list", "--format", "csv"], world.admin, key, "email", email),
            text: (["employee", "list"], world.admin, ["name": 30, "team": 24][key]))
    }

    static func projectReadback(_ world: World, _ code: String) -> Readback {
        Readback(
            sql: "SELECT name FROM project WHERE code = ?", sqlArguments: [code],
            json: (
                ["project", "list", "--format", "json"], world.admin,
                { list in
                    list.array.first { $0["code"]?.string == code }?["name"]?.textOrNull
                }
            ),
            csv: (["project", "list", "--format", "csv"], world.admin, "name", "code", code),
            text: (["project", "list"], world.admin, 40))
    }

    static func rewardReadback(_ world: World, _ code: String) -> Readback {
        Readback(
            sql: "SELECT name FROM rewardItem WHERE code = ?", sqlArguments: [code],
            json: (
                ["rewards", "catalog", "list", "--format", "json"], world.hr,
                { list in
                    list.array.first { $0["code"]?.string == code }?["name"]?.textOrNull
                }
            ),
            csv: (["rewards", "catalog", "list", "--format", "csv"], world.hr, "name", "code", code),
            text: (["rewards", "catalog", "list"], world.hr, 40))
    }

    static func noteReadback(_ world: World, _ id: String) -> Readback {
        Readback(
            sql: "SELECT note FROM rewardProposal WHERE id = ?", sqlArguments: [Int(id)],
            json: (
                ["rewards", "list", "--format", "json"], world.hr,
                { list in
                    list.array.first { $0["id"]?.int.map(String.init) == id }?["note"]?.textOrNull
                }
            ))
    }

    static var fields: [Field] {
        [
            Field(description: "employee add --name", limit: 200, rule: .name) { world, value in
                let email = "named@corp.fr"
                return (
                    world.cli.run(["employee", "add", email] + option("--name", value), as: world.admin),
                    employeeReadback(world, email, key: "name", column: "fullName")
                )
            },
            Field(description: "employee add --team", limit: 100, optional: true) { world, value in
                let email = "teamed@corp.fr"
                return (
                    world.cli.run(
                        ["employee", "add", email, "--name", "Team Member"] + option("--team", value), as: world.admin),
                    employeeReadback(world, email, key: "team", column: "team")
                )
            },
            Field(description: "employee add --hr-id", limit: 64, optional: true) { world, value in
                let email = "numbered@corp.fr"
                return (
                    world.cli.run(["employee", "add", email, "--name", "Numbered"] + option("--hr-id", value), as: world.admin),
                    employeeReadback(world, email, key: "hrId", column: "hrId")
                )
            },
            Field(description: "employee update --name", limit: 200, rule: .name) { world, value in
                (
                    world.cli.run(["employee", "update", world.staff] + option("--name", value), as: world.admin),
                    employeeReadback(world, world.staff, key: "name", column: "fullName")
                )
            },
            Field(description: "employee update --team", limit: 100, optional: true) { world, value in
                (
                    world.cli.run(["employee", "update", world.staff] + option("--team", value), as: world.admin),
                    employeeReadback(world, world.staff, key: "team", column: "team")
                )
            },
            Field(description: "employee update --hr-id", limit: 64, optional: true) { world, value in
                // HR ids are unique: change the one the add field above gave, away from the value and back.
                world.cli.run(["employee", "update", "numbered@corp.fr", "--hr-id", "BEFORE-1"], as: world.admin)
                return (
                    world.cli.run(["employee", "update", "numbered@corp.fr"] + option("--hr-id", value), as: world.admin),
                    employeeReadback(world, "numbered@corp.fr", key: "hrId", column: "hrId")
                )
            },
            Field(description: "init --name", limit: 200, rule: .name) { world, value in
                // A new programme in its own file, beside the demo's.
                let path = world.cli.folder.appendingPathComponent("fresh.sqlite").path
                try? FileManager.default.removeItem(atPath: path)
                let result = world.cli.run(["init", "--db", path, "--admin", "first@corp.fr"] + option("--name", value))
                // The same column as employee add's: the database and JSON are enough here.
                return (
                    result,
                    Readback(
                        sql: "", sqlArguments: [],
                        json: (
                            ["employee", "show", "first@corp.fr", "--format", "json", "--db", path], "first@corp.fr",
                            { $0["name"]?.textOrNull }
                        ))
                )
            },
            Field(description: "project add --name", limit: 200, rule: .title) { world, value in
                (
                    world.cli.run(["project", "add", "HOSTILE-1"] + option("--name", value), as: world.admin),
                    projectReadback(world, "HOSTILE-1")
                )
            },
            Field(description: "project update --name", limit: 200, rule: .title) { world, value in
                (
                    world.cli.run(["project", "update", world.project] + option("--name", value), as: world.admin),
                    projectReadback(world, world.project)
                )
            },
            Field(description: "log --title", limit: 500, rule: .title) { world, value in
                let url = "https://hostile.example.org/posts/1"
                let result = world.cli.run(["log", url, "--date", "2026-11-01"] + option("--title", value), as: world.staff)
                return (
                    result,
                    Readback(
                        sql: "SELECT title FROM action WHERE url = ?", sqlArguments: [url],
                        json: (["action", "show", url, "--format", "json"], world.staff, { $0["title"]?.textOrNull }),
                        csv: (["action", "show", url, "--format", "csv"], world.staff, "title", "url", url),
                        text: (["action", "show", url], world.staff, nil))
                )
            },
            Field(description: "rewards catalog add --name", limit: 200) { world, value in
                (
                    world.cli.run(
                        ["rewards", "catalog", "add", "HOSTILE-1", "--category", "book", "--cost", "25"]
                            + option("--name", value), as: world.hr),
                    rewardReadback(world, "HOSTILE-1")
                )
            },
            Field(description: "rewards catalog update --name", limit: 200) { world, value in
                (
                    world.cli.run(["rewards", "catalog", "update", world.reward] + option("--name", value), as: world.hr),
                    rewardReadback(world, world.reward)
                )
            },
            Field(description: "rewards approve --note", limit: 1_000, optional: true) { world, value in
                let id = try world.nextProposal()
                return (
                    world.cli.run(["rewards", "approve", id] + option("--note", value), as: world.cio), noteReadback(world, id)
                )
            },
            Field(description: "rewards reject --note", limit: 1_000) { world, value in
                let id = try world.nextProposal()
                return (
                    world.cli.run(["rewards", "reject", id] + option("--note", value), as: world.cio), noteReadback(world, id)
                )
            },
            Field(description: "rewards clear --note", limit: 1_000) { world, value in
                (
                    world.cli.run(
                        ["rewards", "clear", world.staff, "--period", world.period] + option("--note", value), as: world.cio),
                    Readback(
                        sql:
                            "SELECT note FROM rewardClearance WHERE employeeId = (SELECT id FROM employee WHERE email = ?) AND period = ?",
                        sqlArguments: [world.staff, world.period])
                )
            },
        ]
    }

    @Test(arguments: HostileString.table)
    func everyTextFieldKeepsOrRefusesIt(_ hostile: HostileString) throws {
        let world = try World()
        // Every field first, then the read-backs: a listing shared by several fields runs once.
        var planted: [(Field, CLIHarness.Result, Readback)] = []
        for field in Self.fields {
            let (result, readback) = try field.plant(world, hostile.value)
            planted.append((field, result, readback))
        }
        var reads = ReadCache(cli: world.cli)
        for (field, result, readback) in planted {
            let expected = hostile.outcome(limit: field.limit, optional: field.optional, rule: field.rule)
            let context = "\(field) with \(hostile.label) (expected \(expected))"
            let stored = try readDatabase(world, readback, field: field)
            switch expected {
            case .refused:
                #expect(Hostile.refusalProblems(result).isEmpty, "\(context): \(Hostile.refusalProblems(result))")
                #expect(stored == nil || !Hostile.same(stored, hostile.value), "\(context): refused, yet stored")
            case .stored(let value):
                #expect(result.status == 0, "\(context): exit \(result.status): \(Hostile.show(result.error))")
                #expect(Hostile.outputProblems(result).isEmpty, "\(context): \(Hostile.outputProblems(result))")
                guard result.status == 0 else { continue }
                #expect(Hostile.same(stored, value), "\(context): the database holds \(stored.map(Hostile.show) ?? "nothing")")
                try checkReadback(&reads, readback, value, context: context)
            }
        }
    }

    /// Runs each read-back command line once.
    struct ReadCache {
        let cli: CLIHarness
        var results: [[String]: CLIHarness.Result] = [:]

        mutating func run(_ arguments: [String], as actor: String) -> CLIHarness.Result {
            if let result = results[arguments + [actor]] { return result }
            let result = cli.run(arguments, as: actor)
            results[arguments + [actor]] = result
            return result
        }
    }

    /// The stored value, or nil when the row does not exist (the init field reads its own file).
    func readDatabase(_ world: World, _ readback: Readback, field: Field) throws -> String? {
        if field.description == "init --name" {
            let path = world.cli.folder.appendingPathComponent("fresh.sqlite").path
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return try DatabaseQueue(path: path).read { db in
                try String.fetchOne(db, sql: "SELECT fullName FROM employee WHERE email = ?", arguments: ["first@corp.fr"])
            }
        }
        return try world.value(readback.sql, readback.sqlArguments)
    }

    func checkReadback(_ reads: inout ReadCache, _ readback: Readback, _ value: String?, context: String) throws {
        if let json = readback.json {
            let result = reads.run(json.arguments, as: json.actor)
            let parsed = try JSONValue.parse(result.output)
            let found = json.extract(parsed)
            #expect(found != nil, "\(context): no such key in \(json.arguments.joined(separator: " "))")
            if let found { #expect(Hostile.same(found, value), "\(context): JSON has \(found.map(Hostile.show) ?? "null")") }
        }
        if let csv = readback.csv {
            let result = reads.run(csv.arguments, as: csv.actor)
            let cell = try Hostile.csvCell(result.output, column: csv.column, keyColumn: csv.keyColumn, key: csv.key)
            let wanted = CSVWriter.neutralised(value ?? "")
            #expect(
                Hostile.same(cell, wanted),
                "\(context): CSV has \(cell.map(Hostile.show) ?? "no row"), expected \(Hostile.show(wanted))")
            if let first = value?.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@")].contains(first) {
                #expect(cell?.hasPrefix("'") == true, "\(context): a formula reached the CSV unguarded")
            }
        }
        if let text = readback.text {
            let result = reads.run(text.arguments, as: text.actor)
            #expect(
                result.status == 0,
                "\(context): \(text.arguments.joined(separator: " ")) exited \(result.status): \(result.error)")
            #expect(Hostile.rawControls(result.output).isEmpty, "\(context): raw control characters in text output")
            if let value {
                let shown = Hostile.cut(value, width: text.width)
                #expect(
                    Hostile.contains(result.output, shown), "\(context): the text output does not show \(Hostile.show(shown))")
            }
        }
    }
}
