import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import ArgumentParser
import Foundation

struct DemoCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill a database with a realistic fictional IT department to try the tool.",
        discussion: """
            Teams, 8 to 12 projects, people from nano- to macro-influencers, and their articles, posts, \
            talks and videos over the last two quarters, with a couple of suspicious follower jumps, a reward \
            catalogue, this quarter's budget and some wishes; it ends with HR's reward proposals. The same seed \
            gives the same programme. Refuses to replace an existing programme unless --force is \
            given by one of its admins (--as). --export-actions replaces an existing file only with --force too; \
            a device or a FIFO is written in place, and - writes the actions to standard output (and this summary \
            to standard error).
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        parsing: .unconditional, help: "How many employees to create (3 to 100000; default: 40).",
        transform: { try Parse.whole($0, in: 3...100_000) })
    var employees: Int = 40

    @Option(
        parsing: .unconditional, help: "How many actions to create (default: about four per employee; at most 5000000).",
        transform: { try Parse.whole($0, in: 1...5_000_000) })
    var actions: Int?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Seed for the random generator.", valueName: "seed"), transform: Parse.seed)
    var seed: UInt64 = 2026

    @Flag(help: "Replace the programme already in the database, and the --export-actions file if it exists.")
    var force = false

    @Option(
        help: ArgumentHelp(
            "Load everything but the actions, and write the actions to this CSV file for 'import actions' (a benchmark or a sample).",
            valueName: "file"))
    var exportActions: String?

    func run(in context: CommandContext) throws {
        // A path that cannot be written is refused before any database is created or filled.
        let target = try exportActions.map {
            try OutputTarget($0, force: force, database: global.databasePath(in: context), option: "--export-actions")
        }
        let programme = try global.openProgramme(in: context, create: true)
        let dataset = try DemoProgramme.generate(employees: employees, actions: actions, seed: seed, today: context.today)
        if let target {
            // The programme first: a refused load (a programme already there) writes no file.
            let summary = try programme.loadDemo(dataset, replacing: force, by: try global.actor(in: context), withActions: false)
            var count = 0
            try target.write(in: context) { write in count = try dataset.writeActionsCSV(to: write) }
            // The actions on standard output leave it to them alone.
            let say = target == .standardOutput ? context.note : context.print
            say(
                "Demo programme without its actions ready in \(programme.path) (seed \(seed)): \(summary.employees) employees, \(summary.channels) channels"
            )
            say("Wrote its \(count) actions to \(target.name); load them with:")
            say(
                "  advocacy --db \(programme.path) --as \(summary.admin) import actions \(target == .standardOutput ? "FILE" : target.name)"
            )
            return
        }
        let summary = try programme.loadDemo(dataset, replacing: force, by: try global.actor(in: context))
        let kinds = summary.actionsByKind.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.value) \($0.key)\($0.value == 1 ? "" : "s")" }.joined(separator: ", ")
        context.print("Demo programme ready in \(programme.path) (seed \(seed))")
        context.print(
            "  \(summary.employees) employees in \(summary.teams.count) teams, \(summary.projects) projects, \(summary.channels) channels"
        )
        context.print("  \(summary.actions) actions from \(summary.period.start) to \(summary.period.end): \(kinds)")
        let tiers = AudienceTier.allCases.compactMap { tier in
            summary.peopleByTier[tier.rawValue].map { "\($0) \(tier.rawValue)" }
        }
        context.print("  audiences (largest channel per person): " + tiers.joined(separator: ", "))
        context.print("  \(summary.metricsSnapshots) metrics snapshots, \(summary.followerSnapshots) follower counts")
        if !summary.suspiciousChannels.isEmpty {
            context.print("  suspicious follower jumps on: " + summary.suspiciousChannels.map(\.string).joined(separator: ", "))
        }
        context.print("")
        context.print("Act as (pass --as EMAIL or set ADVOCACY_USER):")
        context.print("  admin  \(summary.admin)")
        context.print("  cio    \(summary.cio)")
        context.print("  hr     \(summary.hr)")
        context.print("")
        let quarter = Period.quarter(containing: context.today)
        let ranking = try programme.rank(period: quarter, today: context.today, by: summary.admin)
        let report = RankingReport(ranking, by: .person, top: 10)
        context.print("Top 10 of \(report.scope)")
        context.print(report.shortTable.text())
        context.print("")
        let proposals = ProposalReport(
            run: try programme.proposeRewards(period: quarter, today: context.today, by: summary.hr),
            title: "Reward proposals made by HR")
        let shown = 12
        context.print(proposals.heading)
        context.print(proposals.summary)
        var table = proposals.table.keeping(["id", "rank", "name", "score", "entitlement", "reward", "cost", "why"])
        let more = table.rows.count - shown
        table.rows = Array(table.rows.prefix(shown))
        context.print(table.text())
        if more > 0 {
            context.print(
                "… and \(more) more: advocacy --db \(programme.path) --as \(summary.hr) rewards list --period \(quarter)")
        }
        context.print("")
        context.print("Try:")
        context.print("  advocacy --db \(programme.path) --as \(summary.cio) rank")
        context.print(
            "  advocacy --db \(programme.path) --as \(summary.cio) explain \(ranking.people.first?.person.email.value ?? summary.cio.value)"
        )
        context.print("  advocacy --db \(programme.path) action list --period \(quarter)")
        context.print("  advocacy --db \(programme.path) --as \(summary.cio) review list")
        // The demo's burst of links (DemoActions.burst), when its ranking shows it.
        if let burst = ranking.people.first(where: { $0.flags.contains { $0.kind == .busyDay } }) {
            context.print(
                "  advocacy --db \(programme.path) --as \(summary.cio) review list --flag busy-day --employee \(burst.person.email)"
            )
        }
        // Ids change when HR proposes again: the list says which are pending now.
        context.print(
            "  advocacy --db \(programme.path) --as \(summary.cio) rewards list --period \(quarter) --status proposed"
        )
        context.print(
            "  advocacy --db \(programme.path) --as \(summary.cio) rewards approve ID… --note TEXT   (ids from the list above)"
        )
        context.print(
            "  advocacy --db \(programme.path) --as \(summary.hr) rewards export --period \(quarter) --locale fr --output primes.csv"
        )
    }
}
