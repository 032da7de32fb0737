import Foundation

/// What `advocacy check` found: one result per named check.
public struct CheckReport: Sendable, Encodable, Equatable {
    /// The database checked.
    public var path: String
    /// Every check, in the order they ran.
    public var checks: [CheckResult]
    /// Whether every check passed.
    public var ok: Bool

    public init(path: String, checks: [CheckResult]) {
        self.path = path
        self.checks = checks
        ok = checks.allSatisfy(\.ok)
    }

    /// The checks that found a problem.
    public var failed: [CheckResult] { checks.filter { !$0.ok } }

    /// The result of the check named `name`.
    public subscript(name: String) -> CheckResult? { checks.first { $0.name == name } }
}

/// One named check and the problems it found, each naming the rows involved.
public struct CheckResult: Sendable, Encodable, Equatable {
    /// At most this many problems are listed per check; `problemCount` has them all.
    public static let listedProblems = 100

    /// A short, stable name: `integrity`, `reward-budgets`...
    public var name: String
    /// What the check makes sure of, in a few words.
    public var about: String
    /// The first problems found (at most ``listedProblems``).
    public var problems: [String]
    /// How many problems were found in all.
    public var problemCount: Int
    /// What deserves a look without being wrong (the flags for gaming):
    /// listed (at most ``listedProblems``), never failing the check.
    public var warnings: [String]
    /// How many warnings there are in all.
    public var warningCount: Int
    /// Whether the check found nothing wrong.
    public var ok: Bool

    public init(name: String, about: String, problems: [String], problemCount: Int? = nil, warnings: [String] = []) {
        self.name = name
        self.about = about
        self.problems = Array(problems.prefix(Self.listedProblems))
        self.problemCount = max(problemCount ?? problems.count, problems.count)
        self.warnings = Array(warnings.prefix(Self.listedProblems))
        warningCount = warnings.count
        ok = self.problemCount == 0
    }
}
