import AdvocacyCore
import Foundation

/// What the command-line layer itself refuses.
public enum CLIError: Error, Equatable, Sendable {
    /// A write needs to know who acts.
    case actorRequired(command: String)
    /// Scores and rewards are shown to members of the programme, by role.
    case viewerRequired(command: String)
    /// No home folder to put the default database in.
    case noDefaultDatabasePath
    /// `advocacy serve` found no server executable to run.
    case serverUnavailable(path: String, reason: String)
    case invalidEnvironment(name: String, value: String, expected: String)
    case unreadableFile(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// An output file that exists, without `--force` (`option` names the option that gave it).
    case outputExists(path: String, option: String)
    /// An import that wrote nothing because some rows are invalid.
    case importRefused(path: String, rejected: Int, dryRun: Bool)
    /// Feeds that could not be synchronised (the others were).
    case syncFailed(failed: Int, total: Int)
    /// `check` found problems (listed on standard output).
    case checkFailed(failed: Int, total: Int)
}

extension CLIError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .actorRequired(let command):
            "'\(command)' changes the programme, so it must know who is acting: pass --as EMAIL or set ADVOCACY_USER=EMAIL"
        case .viewerRequired(let command):
            "'\(command)' shows scores or rewards, which depend on who is asking: pass --as EMAIL or set ADVOCACY_USER=EMAIL"
        case .serverUnavailable(let path, let reason):
            "cannot start the server \(path): \(reason); build it with 'swift build --product advocacy-server' "
                + "or install both programs with scripts/install.sh"
        case .noDefaultDatabasePath:
            "cannot find a home folder for the default database: pass --db PATH or set ADVOCACY_DB"
        case .invalidEnvironment(let name, let value, let expected):
            "\(name)='\(value)' is not valid: \(expected)"
        case .unreadableFile(let path, let reason):
            "cannot read '\(path)': \(reason)"
        case .cannotWrite(let path, let reason):
            "cannot write '\(path)': \(reason)"
        case .outputExists(let path, let option):
            "'\(path)' (\(option)) already exists: pass --force to replace it; nothing was written"
        case .importRefused(let path, let rejected, let dryRun):
            dryRun
                ? "\(rejected) row\(rejected == 1 ? " is" : "s are") invalid in \(path) (dry run: nothing was written)"
                : "nothing was imported from \(path): \(rejected) row\(rejected == 1 ? " is" : "s are") invalid; fix \(rejected == 1 ? "it" : "them") and run again, or pass --skip-invalid to import the valid rows and set the others aside"
        case .syncFailed(let failed, let total):
            "\(failed) of \(total) channel\(total == 1 ? "" : "s") could not be synchronised (see above); the others were"
        case .checkFailed(let failed, let total):
            "\(failed) of \(total) checks found problems (listed above); nothing was changed: docs/operations.md says what each check means and what to do"
        }
    }
}

extension CLIError: ProgrammeFailure {}
