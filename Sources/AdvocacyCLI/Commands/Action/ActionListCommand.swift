import AdvocacyCore
import ArgumentParser

struct ActionListCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List actions, newest first, with their latest engagement.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only this author's actions.", valueName: "email"), transform: Parse.email)
    var employee: EmailAddress?

    @Option(help: ArgumentHelp("Only actions about this project.", valueName: "code"), transform: Parse.projectCode)
    var project: ProjectCode?

    @OptionGroup var period: PeriodOptions

    @Option(
        help: ArgumentHelp(
            "Only actions in this review status: pending, accepted, partly-accepted, rejected.", valueName: "status"),
        transform: Parse.choice)
    var status: ReviewStatus?

    func run(in context: CommandContext) throws {
        let filter = ActionFilter(
            author: employee, project: project, period: try period.resolve(today: context.today), review: status)
        let programme = try global.openProgramme(in: context)
        let viewer = try global.actor(in: context)
        try context.emitEach(as: output) { emit in
            try programme.forEachAction(filter, seenBy: viewer, emit)
        }
    }
}
