import AdvocacyCore
import ArgumentParser

struct ActionUpdateCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Correct a logged action: title, projects, date, effort or kind (its author, or an admin).",
        discussion: """
            Each option given replaces what is stored; --project, repeated, replaces the whole set of projects. \
            The scores follow at once, and the audit trail keeps the action before and after. A new date, effort \
            or kind is your word, as typed figures are: the action goes back to review. A date that would move \
            the action out of a period whose rewards are approved or granted is refused.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The action's address.", valueName: "url"), transform: Parse.url)
    var url: CanonicalURL

    @Option(help: "Its title.")
    var title: String?

    @Option(
        name: .customLong("project"),
        help: ArgumentHelp("A project it is about, by code (repeat for several; replaces the set).", valueName: "code"),
        completion: Completions.projectCodes, transform: Parse.projectCode)
    var projects: [ProjectCode] = []

    @Option(help: ArgumentHelp("Publication date, YYYY-MM-DD.", valueName: "date"), transform: Parse.date)
    var date: LocalDate?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Hours of work it took.", valueName: "hours"), transform: Parse.hours)
    var effort: Double?

    @Option(
        help: ArgumentHelp(
            "article, post, talk, video, podcast, newsletter, comment or share.", valueName: "kind"),
        completion: Completions.actionKinds, transform: Parse.actionKind)
    var kind: ActionKind?

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "action update")
        let changes = ActionChanges(
            title: title, projects: projects.isEmpty ? nil : projects, date: date, effortHours: effort, kind: kind)
        let (before, after) = try global.openProgramme(in: context).updateAction(
            url, changes, today: context.today, by: actor)
        let changed = Self.differences(before, after)
        guard !changed.isEmpty else {
            context.print("Unchanged: \(url) already says so.")
            return
        }
        context.print("Updated \(url):")
        for line in changed { context.print("  \(line)") }
    }

    /// "title: Old → New", one line per field that changed.
    static func differences(_ before: Action, _ after: Action) -> [String] {
        var lines: [String] = []
        func compare(_ name: String, _ old: String, _ new: String) {
            if old != new { lines.append("\(name): \(old.isEmpty ? "(none)" : old) → \(new.isEmpty ? "(none)" : new)") }
        }
        compare("title", before.title, after.title)
        compare(
            "projects", before.projects.map(\.value).joined(separator: ", "), after.projects.map(\.value).joined(separator: ", "))
        compare("date", before.date.description, after.date.description)
        compare(
            "effort", before.effortHours.map { NumberText.plain($0) + " h" } ?? "",
            after.effortHours.map { NumberText.plain($0) + " h" } ?? "")
        compare("kind", before.kind.rawValue, after.kind.rawValue)
        compare("review", before.review.rawValue, after.review.rawValue)
        return lines
    }
}
