import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

/// SIGKILL at a random moment: the database stays sound, and everything a
/// killed process (or any before it) reported as done is there, whole.
///
/// Each command of the table runs in rounds on one database file: a round
/// runs the command again and again as child processes (the `advocacy`
/// binary beside the test bundle) and kills the one running at a random
/// moment. After every round: `PRAGMA integrity_check`, `foreign_key_check`,
/// the derived rows (``DatabaseHealth``), then the command's own check that
/// every run that printed success is in the database and the killed one is
/// there entirely or not at all. The next round runs on the file the kill
/// left, so recovery is exercised too.
///
/// 3 rounds per command here, 20 under `scripts/soak.sh`. The kill moments
/// come from a printed seed (`ADVOCACY_SEED` replays them; the machine's
/// timing still varies).
@Suite("Robustness: crash", .serialized, .tags(.slow))
struct RobustnessCrashTests {
    /// The commands killed. To add one, add a case and its ``CrashDriver``.
    enum Command: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case importActions = "import actions"
        case log
        case metrics
        case propose = "rewards propose"
        case erase = "privacy erase"

        var testDescription: String { rawValue }

        func driver() -> any CrashDriver {
            switch self {
            case .importActions: ImportCrashDriver()
            case .log: LogCrashDriver()
            case .metrics: MetricsCrashDriver()
            case .propose: ProposeCrashDriver()
            case .erase: EraseCrashDriver()
            }
        }
    }

    static let rounds = Soak.pick(fast: 3, soak: 20)

    @Test(arguments: Command.allCases)
    func killedAtRandomMomentsLosesNothingCommitted(_ command: Command) throws {
        let seed = ReplaySeed("crash \(command.rawValue)")
        var random = SeededGenerator(seed: seed.value)
        let cli = try CLIHarness()
        var driver = command.driver()
        let actor = try driver.prepare(cli)
        let child = try ChildProcess(databasePath: cli.databasePath, actor: actor, folder: cli.folder)
        try driver.started(child)
        var kills = 0
        for round in 1...Self.rounds {
            let delay =
                driver.killWindow.lowerBound + random.unit() * (driver.killWindow.upperBound - driver.killWindow.lowerBound)
            let deadline = Date().addingTimeInterval(delay)
            var run = 0
            // Run the command again and again until the one running at the deadline is killed.
            while true {
                run += 1
                let arguments = driver.arguments(round: round, run: run, random: &random)
                let outcome = try child.run(arguments, killAt: deadline)
                try driver.record(arguments, outcome)
                if outcome.killed {
                    kills += 1
                    break
                }
                #expect(
                    outcome.status == 0, "\(seed), round \(round): \(arguments.joined(separator: " ")) failed: \(outcome.error)")
                #expect(outcome.error.isEmpty || driver.allowsStandardError, "\(seed), round \(round): \(outcome.error)")
                if outcome.status != 0 || run >= 1_000 { break }
            }
            let problems = try DatabaseHealth.problems(atPath: cli.databasePath) + driver.verify(cli)
            #expect(
                problems.isEmpty,
                "\(seed), round \(round) (killed after \(String(format: "%.3f", delay)) s, run \(run)): \(problems)")
            if !problems.isEmpty { return }
        }
        // Most rounds must really kill a running process, or the test proves little.
        #expect(kills * 3 >= Self.rounds * 2, "\(seed): only \(kills) of \(Self.rounds) rounds killed a running process")
    }
}

/// One command under the knife: how to set up, what to run, what must hold.
protocol CrashDriver {
    /// Seconds after a round starts at which it kills the running process (drawn uniformly).
    var killWindow: ClosedRange<Double> { get }
    /// Whether a run that succeeds may print notices on standard error.
    var allowsStandardError: Bool { get }
    /// Builds the programme in-process; returns the email the children act as.
    mutating func prepare(_ cli: CLIHarness) throws -> String
    /// Runs once before the rounds, with the child runner.
    mutating func started(_ child: ChildProcess) throws
    /// The command line of a round's `run`-th process.
    mutating func arguments(round: Int, run: Int, random: inout SeededGenerator) -> [String]
    /// What a process did: a success is committed, a killed one maybe.
    mutating func record(_ arguments: [String], _ outcome: ChildProcess.Outcome) throws
    /// What is wrong with the database, given what was recorded.
    func verify(_ cli: CLIHarness) throws -> [String]
}

extension CrashDriver {
    var allowsStandardError: Bool { false }
    mutating func started(_ child: ChildProcess) throws {}
}

/// A programme with an admin, Jane (staff) with a blog, and one project.
private func janeWithABlog(_ cli: CLIHarness) throws {
    try cli.expectSuccess("init", "--admin", "admin@corp.fr", "--name", "Ada Admin")
    try cli.expectSuccess("employee", "add", "jane@corp.fr", "--name", "Jane Doe", "--team", "Data", as: "admin@corp.fr")
    try cli.expectSuccess("project", "add", "ERP-2027", "--name", "Refonte ERP", "--weight", "3", as: "admin@corp.fr")
    try cli.expectSuccess("privacy", "consent", "jane@corp.fr", "--grant", as: "jane@corp.fr")
    try cli.expectSuccess(
        "channel", "add", "jane@corp.fr", "https://jane.example.org", "--kind", "blog", "--followers", "1200", as: "admin@corp.fr"
    )
}

/// Imports of 2,000-row files, one after another: a file is in entirely or not at all.
struct ImportCrashDriver: CrashDriver {
    static let rows = 2_000
    let killWindow = 0.05...1.5
    /// Files imported, and whether their run printed success (`nil`: killed).
    var files: [(prefix: String, succeeded: Bool)] = []
    var folder = URL(fileURLWithPath: NSTemporaryDirectory())

    mutating func prepare(_ cli: CLIHarness) throws -> String {
        try janeWithABlog(cli)
        folder = cli.folder
        return "admin@corp.fr"
    }

    mutating func arguments(round: Int, run: Int, random: inout SeededGenerator) -> [String] {
        let prefix = "https://jane.example.org/import/\(round)-\(run)/"
        var text = "email,url,date,title,projects,reactions,comments,shares\n"
        for row in 1...Self.rows {
            text += "jane@corp.fr,\(prefix)\(row),2026-01-15,Post \(row) of \(round)-\(run),ERP-2027,\(row % 97),\(row % 7),1\n"
        }
        let path = folder.appendingPathComponent("actions-\(round)-\(run).csv").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        files.append((prefix, false))
        return ["import", "actions", path]
    }

    mutating func record(_ arguments: [String], _ outcome: ChildProcess.Outcome) throws {
        files[files.count - 1].succeeded = outcome.succeeded && outcome.output.contains("inserted \(Self.rows),")
    }

    func verify(_ cli: CLIHarness) throws -> [String] {
        try DatabaseQueue(path: cli.databasePath).read { db in
            try files.compactMap { file in
                let actions =
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action WHERE url LIKE ?", arguments: [file.prefix + "%"]) ?? 0
                let whole =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM action a
                            JOIN metricsSnapshot m ON m.actionId = a.id AND m.reactions = CAST(substr(a.url, ?) AS INTEGER) % 97 AND m.shares = 1
                            JOIN actionProject ap ON ap.actionId = a.id
                            WHERE a.url LIKE ?
                            """,
                        arguments: [file.prefix.count + 1, file.prefix + "%"]) ?? 0
                if file.succeeded && actions != Self.rows {
                    return "\(file.prefix): import printed success but \(actions) of \(Self.rows) rows are in"
                }
                if actions != 0 && actions != Self.rows {
                    return "\(file.prefix): \(actions) of \(Self.rows) rows are in (half an import)"
                }
                if whole != actions { return "\(file.prefix): \(actions - whole) actions without their metrics or project" }
                return nil
            }
        }
    }
}

/// `log` after `log`: every one that printed "Logged" is in, with its figures and project.
struct LogCrashDriver: CrashDriver {
    let killWindow = 0.05...0.8
    /// URL → reactions given (nil: logged without figures).
    var logged: [String: Int?] = [:]
    var uncertain: [String: Int?] = [:]
    var pending: (url: String, reactions: Int?)?

    mutating func prepare(_ cli: CLIHarness) throws -> String {
        try janeWithABlog(cli)
        return "jane@corp.fr"
    }

    mutating func arguments(round: Int, run: Int, random: inout SeededGenerator) -> [String] {
        let url = "https://jane.example.org/posts/\(round)-\(run)"
        var arguments = ["log", url, "--title", "Post \(round)-\(run)", "--date", "2026-01-15", "--project", "ERP-2027"]
        var reactions: Int?
        if random.chance(0.7) {
            let value = random.int(in: 0...500)
            reactions = value
            arguments += ["--reactions", String(value), "--comments", String(value % 13), "--impressions", String(value * 40)]
        }
        pending = (url, reactions)
        return arguments
    }

    mutating func record(_ arguments: [String], _ outcome: ChildProcess.Outcome) throws {
        guard let pending else { return }
        if outcome.succeeded && outcome.output.hasPrefix("Logged ") {
            logged[pending.url] = .some(pending.reactions)
        } else {
            uncertain[pending.url] = .some(pending.reactions)
        }
    }

    func verify(_ cli: CLIHarness) throws -> [String] {
        try DatabaseQueue(path: cli.databasePath).read { db in
            var problems: [String] = []
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.url, m.reactions, m.comments, m.impressions, (SELECT COUNT(*) FROM metricsSnapshot WHERE actionId = a.id) AS snapshots,
                        (SELECT COUNT(*) FROM actionProject WHERE actionId = a.id) AS projects
                    FROM action a LEFT JOIN metricsSnapshot m ON m.actionId = a.id
                    """)
            var found: Set<String> = []
            for row in rows {
                let url: String = row["url"]
                found.insert(url)
                guard let expected = logged[url] ?? uncertain[url] else {
                    problems.append("\(url) is in but was never logged")
                    continue
                }
                if (row["projects"] as Int) != 1 { problems.append("\(url) has lost its project") }
                switch expected {
                case .some(let reactions):
                    if row["reactions"] as Int? != reactions || row["comments"] as Int? != reactions % 13
                        || row["impressions"] as Int? != reactions * 40
                    {
                        problems.append("\(url) has figures \(row) instead of \(reactions) reactions")
                    }
                case .none:
                    if (row["snapshots"] as Int) != 0 {
                        problems.append("\(url) has a metrics snapshot but was logged without figures")
                    }
                }
            }
            for url in logged.keys where !found.contains(url) {
                problems.append("\(url) printed 'Logged' but is not in the database")
            }
            return problems
        }
    }
}

/// `metrics` after `metrics` on one action, the day moving forward now and
/// then (a snapshot may not predate the latest): each day's snapshot is the
/// last one reported for it (or a killed one after it), all five figures together.
struct MetricsCrashDriver: CrashDriver {
    static let url = "https://jane.example.org/posts/measured"
    let killWindow = 0.05...0.8
    var counter = 0
    var day = LocalDate(daysSinceEpoch: 0)
    /// Day → the value of the last run reported for it.
    var confirmed: [String: Int] = [:]
    /// Day → values of killed runs since that.
    var uncertain: [String: Set<Int>] = [:]
    var pending: (day: String, value: Int)?

    mutating func prepare(_ cli: CLIHarness) throws -> String {
        try janeWithABlog(cli)
        try cli.expectSuccess("log", Self.url, "--title", "Measured", "--date", "2026-01-15", as: "jane@corp.fr")
        day = try LocalDate(parsing: "2026-02-01")
        return "jane@corp.fr"
    }

    mutating func arguments(round: Int, run: Int, random: inout SeededGenerator) -> [String] {
        counter += 1
        if random.chance(0.3) { day = day.adding(days: 1) }
        let day = day.description
        pending = (day, counter)
        return [
            "metrics", Self.url, "--date", day, "--reactions", String(counter), "--comments", String(counter % 11),
            "--shares", String(counter % 5), "--impressions", String(counter * 30), "--clicks", String(counter % 3),
        ]
    }

    mutating func record(_ arguments: [String], _ outcome: ChildProcess.Outcome) throws {
        guard let pending else { return }
        if outcome.succeeded && outcome.output.hasPrefix("Recorded metrics") {
            confirmed[pending.day] = pending.value
            uncertain[pending.day] = []
        } else {
            uncertain[pending.day, default: []].insert(pending.value)
        }
    }

    func verify(_ cli: CLIHarness) throws -> [String] {
        try DatabaseQueue(path: cli.databasePath).read { db in
            var problems: [String] = []
            let rows = try Row.fetchAll(
                db, sql: "SELECT date, reactions, comments, shares, impressions, clicks FROM metricsSnapshot")
            var days: Set<String> = []
            for row in rows {
                let day: String = row["date"], value: Int = row["reactions"]
                days.insert(day)
                if row["comments"] as Int != value % 11 || row["shares"] as Int != value % 5
                    || row["impressions"] as Int? != value * 30
                    || row["clicks"] as Int != value % 3
                {
                    problems.append("\(day): a half-written snapshot \(row)")
                }
                if value != confirmed[day] && !(uncertain[day] ?? []).contains(value) {
                    problems.append(
                        "\(day): snapshot \(value), but the last run reported for that day recorded \(confirmed[day].map(String.init) ?? "none")"
                    )
                }
            }
            for day in confirmed.keys where !days.contains(day) { problems.append("\(day): the snapshot reported is missing") }
            return problems
        }
    }
}

/// `rewards propose` again and again on a demo programme: the period's open
/// proposals are always one whole set, the same as the first run's.
struct ProposeCrashDriver: CrashDriver {
    let killWindow = 0.02...0.6
    var period = ""
    var reference: [String] = []
    var successes = 0
    var killed = 0
    var runsBefore = 0
    var databasePath = ""

    mutating func prepare(_ cli: CLIHarness) throws -> String {
        try cli.expectSuccess("demo", "--employees", "150", "--actions", "3000", "--seed", "7")
        period = Period.quarter(containing: CLIHarness.today).description
        databasePath = cli.databasePath
        return try DatabaseQueue(path: cli.databasePath).read { db in
            try String.fetchOne(db, sql: "SELECT email FROM employee WHERE role = 'hr' AND isActive ORDER BY id LIMIT 1") ?? ""
        }
    }

    /// The first run, unkilled, is the reference every later state must match.
    mutating func started(_ child: ChildProcess) throws {
        let first = try child.run(["rewards", "propose", "--period", period])
        guard first.succeeded else { throw CLIHarness.CommandFailed(description: "rewards propose failed: \(first.error)") }
        reference = try Self.proposals(databasePath, period: period)
        runsBefore = try Self.runs(databasePath)
        guard !reference.isEmpty else { throw CLIHarness.CommandFailed(description: "the demo gives nothing to propose") }
    }

    mutating func arguments(round: Int, run: Int, random: inout SeededGenerator) -> [String] {
        ["rewards", "propose", "--period", period]
    }

    mutating func record(_ arguments: [String], _ outcome: ChildProcess.Outcome) throws {
        if outcome.succeeded && outcome.output.contains("Wrote \(reference.count) proposals") {
            successes += 1
        } else {
            killed += 1
        }
    }

    func verify(_ cli: CLIHarness) throws -> [String] {
        var problems: [String] = []
        let proposals = try Self.proposals(cli.databasePath, period: period)
        if proposals != reference {
            problems.append("the open proposals are not the whole set: \(proposals.count) rows, \(reference.count) expected")
        }
        let runs = try Self.runs(cli.databasePath) - runsBefore
        if runs < successes || runs > successes + killed {
            problems.append("\(runs) propose runs recorded, for \(successes) reported and \(killed) killed")
        }
        return problems
    }

    static func proposals(_ path: String, period: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.email, p.rewardCode, p.costCents, p.rank, p.reason FROM rewardProposal p JOIN employee e ON e.id = p.employeeId
                    WHERE p.period = ? AND p.status = 'proposed' ORDER BY e.email, p.rewardCode
                    """,
                arguments: [period]
            ).map(\.description)
        }
    }

    static func runs(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scoreRun WHERE command = 'propose'") ?? 0
        }
    }
}

/// Erasures of one person after another in a demo programme: a person is
/// erased entirely (no row, channel, action or audit entry holds their email
/// or name any more) or not at all (still there under their own name), even
/// when the kill lands in the rebuild of the file that follows the commit.
struct EraseCrashDriver: CrashDriver {
    let killWindow = 0.05...1.5
    /// The people to erase, in order, with their names.
    var people: [(email: String, name: String)] = []
    /// Names two employees share (the demo has some): such a name still names the other one.
    var sharedNames: Set<String> = []
    var erased: Set<String> = []
    var uncertain: Set<String> = []
    var next = 0
    var pending: String?

    var allowsStandardError: Bool { true }

    mutating func prepare(_ cli: CLIHarness) throws -> String {
        // Enough people that the rounds never run out of someone to erase: an erasure
        // of a small programme takes a few milliseconds, and a round runs up to 1.5 s.
        let demo = try cli.expectSuccess("demo", "--employees", String(Soak.pick(fast: 400, soak: 2_000)), "--seed", "3")
        guard let admin = demo.output.firstMatch(of: /admin  (\S+)/)?.1 else {
            throw CLIHarness.CommandFailed(description: "the demo named no admin")
        }
        (people, sharedNames) = try DatabaseQueue(path: cli.databasePath).read { db in
            (
                try Row.fetchAll(db, sql: "SELECT email, fullName FROM employee WHERE role = 'staff' ORDER BY id").map {
                    ($0["email"], $0["fullName"])
                },
                Set(try String.fetchAll(db, sql: "SELECT fullName FROM employee GROUP BY fullName HAVING COUNT(*) > 1"))
            )
        }
        return String(admin)
    }

    mutating func arguments(round: Int, run: Int, random: inout SeededGenerator) -> [String] {
        let person = people[next % people.count]
        next += 1
        pending = person.email
        return ["privacy", "erase", person.email]
    }

    mutating func record(_ arguments: [String], _ outcome: ChildProcess.Outcome) throws {
        guard let pending else { return }
        if outcome.succeeded { erased.insert(pending) } else { uncertain.insert(pending) }
    }

    func verify(_ cli: CLIHarness) throws -> [String] {
        try DatabaseQueue(path: cli.databasePath).read { db in
            var problems: [String] = []
            func traces(_ text: String) throws -> Int {
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT (SELECT COUNT(*) FROM employee WHERE email = :t OR fullName = :t)
                             + (SELECT COUNT(*) FROM auditEntry WHERE actorEmail = :t OR instr(before, :t) > 0 OR instr(after, :t) > 0)
                        """,
                    arguments: ["t": text]) ?? 0
            }
            for person in people where erased.contains(person.email) || uncertain.contains(person.email) {
                let found = try traces(person.email) + (sharedNames.contains(person.name) ? 0 : traces(person.name))
                let whole =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM employee WHERE email = ? AND fullName = ? AND erasedAt IS NULL",
                        arguments: [person.email, person.name]) ?? 0
                if erased.contains(person.email) && found > 0 {
                    let entries = try String.fetchAll(
                        db,
                        sql: """
                            SELECT id || ' ' || operation || ' ' || entity || ' ' || entityId || ' by ' || IFNULL(actorEmail, 'system') FROM auditEntry
                            WHERE actorEmail = :t OR instr(before, :t) > 0 OR instr(after, :t) > 0
                            """,
                        arguments: ["t": person.email])
                    problems.append("\(person.email) was erased, yet \(found) rows or entries still name them: \(entries)")
                }
                if uncertain.contains(person.email) && found > 0 && whole != 1 {
                    problems.append("\(person.email) is half erased: \(found) traces, but no longer whole")
                }
            }
            return problems
        }
    }
}
