import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct ImportEmployeesCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "employees", abstract: "Register people from HR's roster (admin only).",
        discussion: """
            Columns, matched without regard to case or accents: email (or courriel, e-mail), name (nom), and \
            optionally team (équipe), role (rôle: staff, cio, hr or admin), hr_id (matricule) and consent \
            (consentement: yes/no, oui/non; recorded in the person's consent history, and a yes never overrides \
            a withdrawal). Without --update an email already registered is an invalid row; with it, the row \
            changes that person, and empty cells keep what is stored. A new address that looks like another \
            person's (registered, or on an earlier line: a Cyrillic а for a Latin a, 1 for l) is an invalid row; \
            a new person whose name looks like another's is imported with a warning.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The roster, as CSV.", valueName: "file"))
    var file: String

    @Flag(help: "Change people already registered instead of refusing their rows.")
    var update = false

    @OptionGroup var delimiter: DelimiterOption
    @OptionGroup var options: ImportOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "import employees")
        let programme = try global.openProgramme(in: context)
        try context.importTable(
            file, kind: .employees(updating: update), options: options, delimiter: delimiter.delimiter, into: programme,
            by: actor)
    }
}
