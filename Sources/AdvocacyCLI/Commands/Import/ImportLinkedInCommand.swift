import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct ImportLinkedInCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "linkedin",
        abstract: "Load a LinkedIn export: the data export (ZIP or Shares.csv) or the creator analytics workbook.",
        discussion: """
            Takes either file LinkedIn gives, told apart by its content:
            - the data export ("Get a copy of your data"), as the ZIP downloaded or the Shares.csv inside it (Date, \
            ShareLink, ShareCommentary, SharedUrl, MediaUrl, Visibility): each row becomes a post on the person's \
            LinkedIn channel, titled with the first line of its commentary, or a share when it only passed on a link;
            - the creator analytics workbook (Analytics, Content, Export: an .xlsx): the posts of its TOP POSTS \
            sheet with their engagements and impressions, and the audience of each day from its FOLLOWERS sheet.
            A post already logged under its activity link (the one people copy) is recognised by the moment its ids \
            were made, within \(Int(LinkedInPost.tolerance)) seconds; when two logged posts could be it, the row is \
            refused, naming them.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The export's ZIP, its Shares.csv, or the analytics workbook.", valueName: "file"))
    var file: String

    @Option(
        name: .customLong("for"), help: ArgumentHelp("Whose export (default: you).", valueName: "email"), transform: Parse.email)
    var author: EmailAddress?

    @OptionGroup var delimiter: DelimiterOption
    @OptionGroup var options: ImportOptions

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "import linkedin")
        let programme = try global.openProgramme(in: context)
        let author = author ?? actor
        guard Programme.isWorkbook(.file(path: file)) else {
            return try context.importTable(
                file, kind: .linkedInShares(author: author), options: options, delimiter: delimiter.delimiter,
                into: programme, by: actor
            ) { importing in
                try context.noticingConsent(of: author, by: actor, in: programme, importing)
            }
        }
        let result = try context.noticingConsent(of: author, by: actor, in: programme) {
            try programme.importLinkedInAnalytics(
                .file(path: file), mode: options.mode, author: author, today: context.today, by: actor)
        }
        // Each sheet is reported as its own table; a refusal of either is the command's.
        var refusal: Error?
        for (summary, sheet) in [
            (result.posts, LinkedInAnalytics.postsSheet), (result.audience, LinkedInAnalytics.followersSheet),
        ] {
            do {
                try context.report(
                    summary, source: "\(file) (\(sheet))", mode: options.mode, format: options.format, rejectsFile: nil)
            } catch {
                refusal = refusal ?? error
            }
        }
        if let refusal { throw refusal }
    }
}
