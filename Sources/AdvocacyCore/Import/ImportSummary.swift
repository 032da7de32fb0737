/// How an import treats rows it cannot take.
public enum ImportMode: String, Sendable {
    /// Every row is checked; one invalid row and nothing is written.
    case allOrNothing
    /// Valid rows are written; invalid ones are set aside with their reason.
    case skipInvalid
    /// Everything is checked and counted, nothing is written.
    case dryRun
}

/// A row an import refused, and why.
public struct ImportProblem: Codable, Hashable, Sendable {
    /// The line of the file (or feed document) the row starts on.
    public var line: Int
    /// What is wrong, naming the value and what was expected.
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// What an import did, or would have done.
public struct ImportSummary: Codable, Hashable, Sendable {
    /// Rows that created something.
    public var inserted = 0
    /// Rows that changed something that was there.
    public var updated = 0
    /// Rows the database already held exactly.
    public var unchanged = 0
    /// Rows refused.
    public var rejected = 0
    /// The first ``problemLimit`` refusals, in file order.
    public var problems: [ImportProblem] = []
    /// Rows taken with a warning (a name like another person's).
    public var warned = 0
    /// The first ``problemLimit`` warnings, in file order.
    public var warnings: [ImportProblem] = []
    /// Whether the changes were saved: false for a dry run and when an
    /// all-or-nothing import met an invalid row.
    public var written = false

    /// How many refusals are kept for the report; the rest are only counted.
    public static let problemLimit = 20

    public init() {}

    /// Counts one refusal, keeping its message while there is room.
    public mutating func reject(line: Int, message: String) {
        rejected += 1
        if problems.count < Self.problemLimit { problems.append(ImportProblem(line: line, message: message)) }
    }

    /// Counts one warning, keeping its message while there is room.
    public mutating func warn(line: Int, message: String) {
        warned += 1
        if warnings.count < Self.problemLimit { warnings.append(ImportProblem(line: line, message: message)) }
    }

    /// Adds another summary's counts (one per feed when syncing several).
    public mutating func add(_ other: ImportSummary) {
        inserted += other.inserted
        updated += other.updated
        unchanged += other.unchanged
        rejected += other.rejected
        warned += other.warned
    }

    /// `inserted 3, updated 1, unchanged 40, rejected 0`.
    public var counts: String {
        "inserted \(inserted), updated \(updated), unchanged \(unchanged), rejected \(rejected)"
    }
}
