import Foundation

/// What the command-line layer itself refuses.
public enum CLIError: Error, Equatable, Sendable {
    /// A write needs to know who acts.
    case actorRequired(command: String)
    /// Scores and rewards are shown to members of the programme, by role.
    case viewerRequired(command: String)
    /// No home folder to put the default database in.
    case noDefaultDatabasePath
    case invalidEnvironment(name: String, value: String, expected: String)
    case unreadableFile(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
}

extension CLIError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .actorRequired(let command):
            "'\(command)' changes the programme, so it must know who is acting: pass --as EMAIL or set ADVOCACY_USER=EMAIL"
        case .viewerRequired(let command):
            "'\(command)' shows scores or rewards, which depend on who is asking: pass --as EMAIL or set ADVOCACY_USER=EMAIL"
        case .noDefaultDatabasePath:
            "cannot find a home folder for the default database: pass --db PATH or set ADVOCACY_DB"
        case .invalidEnvironment(let name, let value, let expected):
            "\(name)='\(value)' is not valid: \(expected)"
        case .unreadableFile(let path, let reason):
            "cannot read '\(path)': \(reason)"
        case .cannotWrite(let path, let reason):
            "cannot write '\(path)': \(reason)"
        }
    }
}
