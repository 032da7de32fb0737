import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct ImportLinkedInCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "linkedin", abstract: "Load the posts and shares of a LinkedIn data export (Shares.csv).",
        discussion: """
            LinkedIn's "Get a copy of your data" writes Shares.csv (Date, ShareLink, ShareCommentary, SharedUrl, \
            MediaUrl, Visibility): each row becomes a post on the person's LinkedIn channel, titled with the first \
            line of its commentary, or a share when it only passed on a link. A post already logged under its \
            activity link (the one people copy) is recognised by the moment its ids were made, within \
            \(Int(LinkedInPost.tolerance)) seconds; when two logged posts could be it, the row is refused, naming them.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Shares.csv from the export.", valueName: "file"))
    var file: String

    @Option(
        name: .customLong("for"), help: ArgumentHelp("Whose export (default: you).", valueName: "email"), transform: Parse.email)
    var author: EmailAddress?

    @OptionGroup var delimiter: DelimiterOption
    @OptionGroup var options: ImportOptions

    func validate() throws {
        if file.lowercased().hasSuffix(".zip") {
            throw ValidationError(
                "'\(file)' is the export's ZIP: this version reads the Shares.csv inside it; unzip it and give that file")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "import linkedin")
        let programme = try global.openProgramme(in: context)
        let author = author ?? actor
        try context.importTable(
            file, kind: .linkedInShares(author: author), options: options, delimiter: delimiter.delimiter, into: programme,
            by: actor
        ) { importing in
            try context.noticingConsent(of: author, by: actor, in: programme, importing)
        }
    }
}
