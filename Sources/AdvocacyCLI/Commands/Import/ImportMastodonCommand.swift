import AdvocacyCore
import AdvocacyKit
import ArgumentParser
import Foundation

struct ImportMastodonCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "mastodon", abstract: "Log the public posts of a Mastodon account's archive (outbox.json).",
        discussion: """
            The outbox.json of the archive Mastodon makes (Preferences, Import and export, Request your archive). \
            Each public post (or post to followers) becomes a post on the person's Mastodon channel, titled with its \
            first line (or its content warning); a reply becomes a comment. Boosts of other people's posts and \
            direct messages are left out, and counted.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("outbox.json from the archive.", valueName: "file"))
    var file: String

    @Option(
        name: .customLong("for"), help: ArgumentHelp("Whose archive (default: you).", valueName: "email"), transform: Parse.email)
    var author: EmailAddress?

    @OptionGroup var options: ImportOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "import mastodon")
        let programme = try global.openProgramme(in: context)
        let author = author ?? actor
        let rejects = RejectsFile(besides: file, header: MastodonOutbox.header, delimiter: .comma)
        let today = context.today
        var leftOut = (boosts: 0, directMessages: 0)
        try context.runImport(source: file, options: options, rejects: rejects) { reject in
            try context.noticingConsent(of: author, by: actor, in: programme) {
                let result = try programme.importMastodonArchive(
                    .file(path: file), mode: options.mode, author: author, today: today, by: actor, onReject: reject)
                leftOut = (result.boosts, result.directMessages)
                return result.summary
            }
        }
        if leftOut.boosts + leftOut.directMessages > 0 {
            context.note(
                "left out \(leftOut.boosts) boost\(leftOut.boosts == 1 ? "" : "s") of others' posts and \(leftOut.directMessages) direct message\(leftOut.directMessages == 1 ? "" : "s")"
            )
        }
    }
}
