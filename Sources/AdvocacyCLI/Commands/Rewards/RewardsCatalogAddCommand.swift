import AdvocacyCore
import ArgumentParser

struct RewardsCatalogAddCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a reward to the catalogue (hr or admin).",
        discussion: """
            Amounts are in the policy's currency (EUR by default), typed like 380 or 380.50. An item tied to \
            projects (--project, repeatable) goes first to people who worked on them, and to no one else unless \
            they wish for it.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A short code, like CERT-AWS.", valueName: "code"), transform: Parse.rewardCode)
    var code: RewardCode

    @Option(help: "What it is, as people will read it.")
    var name: String

    @Option(
        help: ArgumentHelp(
            "training, certification, conference, book, recognition, equipment, day-off, donation or voucher.",
            valueName: "category"),
        transform: Parse.rewardCategory)
    var category: RewardCategory

    @Option(
        parsing: .unconditional, help: ArgumentHelp("What one costs, like 380 or 380.50.", valueName: "amount"),
        transform: Parse.amount)
    var cost: Int

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Units that can ever be given (default: unlimited).", valueName: "n"),
        transform: Parse.stock)
    var stock: Setting<Int>?

    @Option(
        name: .customLong("max-per-person"), parsing: .unconditional,
        help: ArgumentHelp("At most this many per person and calendar year (default: unlimited).", valueName: "n"),
        transform: Parse.limit)
    var maxPerPerson: Setting<Int>?

    @Option(
        name: .customLong("min-tier"), help: ArgumentHelp("Only for people of this audience tier or above.", valueName: "tier"),
        transform: Parse.minimumTier)
    var minTier: Setting<AudienceTier>?

    @Option(
        name: .customLong("project"), help: ArgumentHelp("A project it relates to (repeatable).", valueName: "code"),
        transform: Parse.projectCode)
    var projects: [ProjectCode] = []

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards catalog add")
        let item = RewardItem(
            code: code, name: name, category: category, costCents: cost, stock: stock?.value, maxPerPerson: maxPerPerson?.value,
            minTier: minTier?.value, projects: projects)
        let programme = try global.openProgramme(in: context)
        let entry = try programme.addRewardItem(item, by: actor)
        context.print("Added \(entry.summary)")
        try entry.noteWhoIsOffered(under: programme.currentPolicy().policy.rewards, in: context)
    }
}
