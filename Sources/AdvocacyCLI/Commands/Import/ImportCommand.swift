import ArgumentParser

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load files people already have: HR's roster, actions, follower counts, an X export, a blog feed.",
        discussion: """
            Every import checks the whole file and writes it in one transaction: if any row is invalid, nothing \
            is written, the first 20 problems are printed as FILE:LINE: what is wrong, and the command exits 1. \
            --skip-invalid writes the valid rows and sets the others aside in FILE.rejects.csv with a reason \
            column; --dry-run checks and counts without writing. Importing the same file again changes nothing. \
            CSV files may use ',' or ';' (found from the header line), with or without a byte-order mark. \
            See docs/import.md for the columns of each file.
            """,
        subcommands: [
            ImportEmployeesCommand.self, ImportActionsCommand.self, ImportFollowersCommand.self, ImportXAnalyticsCommand.self,
            ImportLinkedInCommand.self, ImportMastodonCommand.self,
            ImportFeedCommand.self,
        ])
}
