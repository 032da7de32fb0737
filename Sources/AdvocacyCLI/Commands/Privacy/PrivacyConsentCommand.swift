import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct PrivacyConsentCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Record that a person grants or withdraws consent to being tracked, or show it (the person, or an admin).",
        discussion: """
            Each grant and withdrawal is kept with its date and who recorded it. Without consent, others may not \
            add data about the person's external channels; after a withdrawal nothing new is recorded about them, \
            by anyone, until consent is granted again. What was recorded before stays until it is purged or the \
            person is erased ('privacy purge', 'privacy erase').
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The person's email.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress

    @Flag(help: "Record that the person consents.")
    var grant = false

    @Flag(help: "Record that the person withdraws their consent.")
    var withdraw = false

    @Option(help: ArgumentHelp("Output format when showing: text or json.", valueName: "format"), transform: Parse.choice)
    var format: ReportFormat = .text

    func validate() throws {
        if grant && withdraw {
            throw ValidationError("--grant and --withdraw cannot go together: pass one of them, or neither to show the consent")
        }
    }

    func run(in context: CommandContext) throws {
        let programme = try global.openProgramme(in: context)
        guard grant || withdraw else {
            let viewer = try global.requireViewer(in: context, for: "privacy consent")
            let status = try programme.consent(of: email, by: viewer)
            if format == .json {
                context.print(try CommandContext.json(status))
            } else {
                context.print(PrivacyText.consent(status))
            }
            return
        }
        let actor = try global.requireActor(in: context, for: "privacy consent")
        let (status, changed) = try programme.recordConsent(email, granted: grant, by: actor)
        let day = status.history.last.map { LocalDate($0.recordedAt, in: context.timeZone).description } ?? ""
        switch (grant, changed) {
        case (true, true): context.print("Recorded \(email)'s consent on \(day).")
        case (false, true):
            context.print("Recorded that \(email) withdrew consent on \(day): nothing new will be tracked about them.")
        case (true, false): context.print("\(email) already consents (since \(day)): nothing changed.")
        case (false, false): context.print("\(email) already withdrew consent (on \(day)): nothing changed.")
        }
    }
}
