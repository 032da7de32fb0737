/// An audience size class. Sources disagree on the thresholds, so they are
/// settings; these are the defaults (the scoring policy will own them).
public enum AudienceTier: String, Vocabulary, Comparable {
    case nano, micro, mid, macro, mega
    public static let vocabularyName = "tier"

    /// Lower bounds of micro, mid, macro and mega: 1k, 100k, 500k, 1M followers.
    public static let defaultThresholds = [1_000, 100_000, 500_000, 1_000_000]

    /// The tier of an audience of `followers`.
    public init(followers: Int, thresholds: [Int] = AudienceTier.defaultThresholds) {
        let index = thresholds.lastIndex { followers >= $0 }.map { $0 + 1 } ?? 0
        self = Self.allCases[min(index, Self.allCases.count - 1)]
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
