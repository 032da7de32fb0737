import AdvocacyCore
import AdvocacyPresentation
import ArgumentParser

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The review queue: check what people declared, accept, correct or reject it (cio or admin).",
        discussion: """
            A logged action, typed figures and typed effort await review: until accepted they count only up \
            to the policy's caps (docs/scoring.md, section 3.9). Figures from a platform's export file or API are \
            accepted as they arrive, as the policy's [review] autoAccept says. Authors see each action's status \
            and the reason ('advocacy action list', 'advocacy explain'). Flags for gaming ('advocacy rank' lists \
            them) change no score until confirmed: 'review clear' or 'review confirm' settles each (section 4). \
            No one reviews their own work; every decision is in the audit trail.
            """,
        subcommands: [
            ReviewListCommand.self, ReviewAcceptCommand.self, ReviewAdjustCommand.self, ReviewRejectCommand.self,
            ReviewClearCommand.self, ReviewConfirmCommand.self,
        ])
}
