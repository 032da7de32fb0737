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
    /// One of X's analytics files, told apart by its header (``XExport``):
    /// posts of `author` with their figures, or the follower changes of
    /// `author`'s X channel.
    case xAnalytics(author: EmailAddress)
    /// LinkedIn's `Shares.csv` (from the member's data export): posts and
    /// shares of `author`, each matched to the same post logged under its
    /// other id.
    case linkedInShares(author: EmailAddress)
    /// HR's roster (admin): new people, or changes to registered ones with `updating`.
    case employees(updating: Bool)
    /// Follower counts of registered channels.
    case followers

    /// The file of an archive that holds the table, when a platform's export
    /// comes as a ZIP: LinkedIn's data export holds `Shares.csv`.
    var archivedTable: String? {
        switch self {
        case .linkedInShares: "Shares.csv"
        case .actions, .xAnalytics, .employees, .followers: nil
        }
    }

    /// The columns that hold dates written by whoever made the file (a
    /// spreadsheet may write them `31/10/2026`); X's files have their own.
    var dateColumns: [ImportColumn] {
        switch self {
        case .actions: [ActionImportColumns.date, ActionImportColumns.metricsDate]
        case .followers: [FollowerImportRow.date]
        case .xAnalytics, .employees, .linkedInShares: []
        }
    }

    /// The columns a table of this kind is read by, which for X's files
    /// depend on which export `header` is.
    func columns(for header: [String]) throws -> [ImportColumn] {
        switch self {
        case .actions: ActionImportColumns.all
        case .xAnalytics: try XExport.recognise(header: header).columns
        case .linkedInShares: LinkedInShares.all
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
