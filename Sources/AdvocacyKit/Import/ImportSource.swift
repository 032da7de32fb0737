import AdvocacyCore
import Foundation

/// Where an import's rows come from: a file on this machine, read a chunk at
/// a time, or bytes a front end already holds (a file uploaded to the server).
public enum ImportSource: Sendable {
    case file(path: String)
    case bytes(Data, name: String)

    /// How messages name the source: the file's path, or the upload's name.
    public var name: String {
        switch self {
        case .file(let path): path
        case .bytes(_, let name): name
        }
    }
}

/// What a CSV table holds, and so which columns it must have and which use
/// case applies its rows.
public enum ImportKind: Sendable {
    /// Actions (`import actions`): anyone's with an admin, else the person's own.
    case actions
    /// X's tweet-activity export: posts of `author` with their figures.
    case xAnalytics(author: EmailAddress)
    /// HR's roster (admin): new people, or changes to registered ones with `updating`.
    case employees(updating: Bool)
    /// Follower counts of registered channels.
    case followers

    var columns: [ImportColumn] {
        switch self {
        case .actions: ActionImportColumns.all
        case .xAnalytics: XAnalyticsColumns.all
        case .employees: EmployeeImportRow.columns
        case .followers: FollowerImportRow.columns
        }
    }
}

/// How far a long import has read, for a progress line.
public struct ImportProgress: Sendable, Equatable {
    /// Rows read so far.
    public var rows: Int
    /// Bytes read so far, and the source's size when known.
    public var bytesRead: Int
    public var totalBytes: Int?
}
