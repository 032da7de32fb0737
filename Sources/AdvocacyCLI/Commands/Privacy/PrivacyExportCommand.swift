import AdvocacyCore
import AdvocacyKit
import ArgumentParser
import Foundation

struct PrivacyExportCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export everything held about a person as JSON: the right of access (the person, or an admin).",
        discussion: """
            Profile, consent history, channels with their follower counts, actions with their projects and metrics \
            history, reward wishes, clearances and proposals, the rankings they ran, and every audit entry about \
            them or made by them. Scores are not stored: 'advocacy explain' computes them.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The person's email.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress

    @Option(
        help: ArgumentHelp(
            "Write to this file (atomically) instead of standard output (- for standard output; a device or FIFO is written in place).",
            valueName: "file"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    func run(in context: CommandContext) throws {
        let viewer = try global.requireViewer(in: context, for: "privacy export")
        let target = try output.map { try OutputTarget($0, force: force, database: global.databasePath(in: context)) }
        let data = try global.openProgramme(in: context).personalData(of: email, by: viewer)
        let json = try CommandContext.json(data)
        guard let target, target != .standardOutput else {
            context.print(json)  // escapes control characters for a terminal, as every JSON output does
            return
        }
        try target.write(Data((json + "\n").utf8), in: context)
        context.note(
            "Wrote \(email)'s data to \(target.name): \(data.channels.count) channels, \(data.actions.count) actions, "
                + "\(data.auditEntries.count) audit entries. It is personal data: hand it to them securely.")
    }
}
