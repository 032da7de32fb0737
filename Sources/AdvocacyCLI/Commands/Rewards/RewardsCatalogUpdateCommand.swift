import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct RewardsCatalogUpdateCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change a reward (hr or admin); proposals already made keep their name and cost.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Its code.", valueName: "code"), transform: Parse.rewardCode)
    var code: RewardCode

    @Option(help: "New name.")
    var name: String?

    @Option(help: ArgumentHelp("New category.", valueName: "category"), transform: Parse.rewardCategory)
    var category: RewardCategory?

    @Option(parsing: .unconditional, help: ArgumentHelp("New cost, like 380.50.", valueName: "amount"), transform: Parse.amount)
    var cost: Int?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Units that can ever be given, or unlimited.", valueName: "n|unlimited"),
        transform: Parse.stock)
    var stock: Setting<Int>?

    @Option(
        name: .customLong("max-per-person"), parsing: .unconditional,
        help: ArgumentHelp("At most this many per person and year, or unlimited.", valueName: "n|unlimited"),
        transform: Parse.limit)
    var maxPerPerson: Setting<Int>?

    @Option(
        name: .customLong("min-tier"), help: ArgumentHelp("Lowest audience tier, or any.", valueName: "tier|any"),
        transform: Parse.minimumTier)
    var minTier: Setting<AudienceTier>?

    @Option(
        name: .customLong("project"), help: ArgumentHelp("Replaces its projects (repeatable).", valueName: "code"),
        transform: Parse.projectCode)
    var projects: [ProjectCode] = []

    @Flag(name: .customLong("no-projects"), help: "Tie it to no project.")
    var noProjects = false

    func validate() throws {
        if noProjects && !projects.isEmpty { throw ValidationError("give either --project or --no-projects, not both") }
        if name == nil && category == nil && cost == nil && stock == nil && maxPerPerson == nil && minTier == nil
            && projects.isEmpty
            && !noProjects
        {
            throw ValidationError(
                "nothing to change: give at least one of --name, --category, --cost, --stock, --max-per-person, --min-tier, --project, --no-projects"
            )
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "rewards catalog update")
        let changes = RewardItemChanges(
            name: name, category: category, costCents: cost, stock: stock.map(\.value), maxPerPerson: maxPerPerson.map(\.value),
            minTier: minTier.map(\.value),
            projects: noProjects ? [] : projects.isEmpty ? nil : projects)
        let programme = try global.openProgramme(in: context)
        let entry = try programme.updateRewardItem(code, changes, by: actor)
        context.print("Updated \(entry.summary)")
        try entry.noteWhoIsOffered(under: programme.currentPolicy().policy.rewards, in: context)
    }
}
