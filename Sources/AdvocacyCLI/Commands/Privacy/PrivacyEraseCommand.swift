import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct PrivacyEraseCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a person: anonymise them everywhere, the audit trail included (admin; cannot be undone).",
        discussion: """
            Their email, name, HR id, channel and feed addresses, and the addresses and titles of their actions \
            are replaced by a random pseudonym (erased-…@erased.invalid) in every table and audit entry; their \
            actions, figures and rewards stay under it, so totals and budgets do not change, and they are \
            deactivated. The file is then rebuilt so that no old copy remains in it. Backups made before still \
            hold the person: see docs/privacy.md.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The person's email.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"), transform: Parse.choice)
    var format: ReportFormat = .text

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "privacy erase")
        let programme = try global.openProgramme(in: context)
        let summary = try programme.erase(email, by: actor)
        if format == .json {
            context.print(try CommandContext.json(summary))
        } else {
            context.print(
                "Erased \(email): now \(summary.pseudonym) (\(summary.pseudonymName)); \(summary.channels) channel\(summary.channels == 1 ? "" : "s"), "
                    + "\(summary.actions) action\(summary.actions == 1 ? "" : "s") and \(summary.auditEntries) audit entr\(summary.auditEntries == 1 ? "y" : "ies") pseudonymised."
            )
        }
        if !summary.fileCompacted {
            context.note(
                "warning: the erasure is done, but the file could not be rebuilt (another process was using it, or the disk is full), "
                    + "so old copies may remain in its free space: when nobody uses it, run sqlite3 \(programme.path) 'PRAGMA wal_checkpoint(TRUNCATE); VACUUM;'"
            )
        }
        context.note("note: backups made before this erasure still contain \(email): delete or erase them too (docs/privacy.md)")
    }
}
