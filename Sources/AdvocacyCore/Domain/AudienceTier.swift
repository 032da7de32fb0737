/// An audience size class. Sources disagree on the thresholds, so they are
/// settings; these are the defaults (the scoring policy will own them).
public enum AudienceTier: String, Vocabulary, Comparable {
    case nano, micro, mid, macro, mega
    public static let vocabularyName = "tier"

    /// Lower bounds of micro, mid, macro and mega: 1k, 100k, 500k, 1M followers.
    public static let defaultThresholds = [1_000, 100_000, 500_000, 1_000_000]

    /// The tier of an audience of `followers`.
    /// Scoring asks this for every action, so it counts thresholds in a loop.
    public init(followers: Int, thresholds: [Int] = AudienceTier.defaultThresholds) {
        var index = 0
        while index < thresholds.count && followers >= thresholds[index] { index += 1 }
        self = Self.allCases[min(index, Self.allCases.count - 1)]
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }

    /// Position in `allCases`, without searching.
    var index: Int {
        switch self {
        case .nano: 0
        case .micro: 1
        case .mid: 2
        case .macro: 3
        case .mega: 4
        }
    }
}
