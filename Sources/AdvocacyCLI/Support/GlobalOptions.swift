import AdvocacyCore
import AdvocacyKit
import ArgumentParser
import Foundation

/// Options every command takes: which database, and who is acting.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file.",
            discussion:
                "Default: $ADVOCACY_DB, else $XDG_DATA_HOME/advocacy/advocacy.sqlite, else ~/.local/share/advocacy/advocacy.sqlite.",
            valueName: "path"))
    var db: String?

    @Option(
        name: .customLong("as"), help: ArgumentHelp("Who is acting, by email (default: $ADVOCACY_USER).", valueName: "email"),
        transform: Parse.email)
    var actingAs: EmailAddress?

    @Flag(name: .long, help: "Print more detail on standard error.")
    var verbose = false

    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--db is empty: expected the path of a database file")
        }
    }

    /// The database path from the option, the environment or the XDG default.
    func databasePath(in context: CommandContext) throws -> String {
        guard let path = DatabaseLocation.path(given: db, environment: context.environment) else {
            throw CLIError.noDefaultDatabasePath
        }
        return path
    }

    /// Opens the programme's database; only `init` and `demo` create it.
    func openProgramme(in context: CommandContext, create: Bool = false) throws -> Programme {
        let path = try databasePath(in: context)
        if verbose { context.note("advocacy: using database \(path)") }
        let programme = try Programme.open(atPath: path, create: create, now: context.now, timeZone: context.timeZone)
        if let copy = programme.upgradeBackupPath {
            context.note("advocacy: upgraded \(path) for this version; the database as it was before is saved as \(copy)")
        }
        return programme
    }

    /// Who is acting, when known.
    func actor(in context: CommandContext) throws -> EmailAddress? {
        if let actingAs { return actingAs }
        guard let value = context.environment["ADVOCACY_USER"], !value.isEmpty else { return nil }
        do {
            return try EmailAddress(value)
        } catch {
            throw CLIError.invalidEnvironment(
                name: "ADVOCACY_USER", value: value, expected: "expected the email of a registered employee")
        }
    }

    /// Who is acting, required for writes.
    func requireActor(in context: CommandContext, for command: String) throws -> EmailAddress {
        guard let email = try actor(in: context) else { throw CLIError.actorRequired(command: command) }
        return email
    }

    /// Who is looking at scores; required, since scores are for members only.
    func requireViewer(in context: CommandContext, for command: String) throws -> EmailAddress {
        guard let email = try actor(in: context) else { throw CLIError.viewerRequired(command: command) }
        return email
    }
}

extension CommandContext {
    /// Today in the user's time zone.
    var today: LocalDate { LocalDate(now(), in: timeZone) }
}
