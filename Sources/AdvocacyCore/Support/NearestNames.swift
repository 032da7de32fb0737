import Foundation

/// Names typed in a filter matched against the programme's own, the way
/// people type them: without regard to case or accents (`Developpement`
/// is `Développement`), and when nothing matches, the nearest few to
/// suggest, so a typo is an error that says what was meant rather than an
/// empty result.
public enum NearestNames {
    /// `name` without case, accents or width differences.
    public static func folded(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }

    /// Up to `limit` of `names` nearest to `given`: the same when folded,
    /// then those containing it or contained in it, then those within a few
    /// edits (a third of its length, at least 2), nearest first, and no
    /// more than one step further than the nearest.
    public static func nearest(to given: String, in names: [String], limit: Int = 3) -> [String] {
        let key = folded(given)
        guard !key.isEmpty else { return [] }
        let allowed = max(2, key.count / 3)
        var scored: [(distance: Int, name: String)] = []
        for name in Set(names) {
            let other = folded(name)
            if other == key {
                scored.append((0, name))
            } else if other.contains(key) || key.contains(other) {
                scored.append((1, name))
            } else if abs(other.count - key.count) <= allowed {
                let distance = editDistance(Array(key), Array(other), limit: allowed)
                if distance <= allowed { scored.append((1 + distance, name)) }
            }
        }
        // Only the nearest and those one step further: a far second guess only distracts.
        let best = scored.map(\.distance).min() ?? 0
        return scored.filter { $0.distance <= best + 1 }.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
            .prefix(limit).map(\.name)
    }

    /// Levenshtein distance, given up (returning `limit + 1`) once every
    /// path exceeds `limit`: cheap against thousands of names.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            if current.min() ?? 0 > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }

    /// "did you mean A, B or C?" for a message, or "" when there is nothing near.
    public static func suggestion(_ nearest: [String]) -> String {
        guard !nearest.isEmpty else { return "" }
        return "did you mean " + WordList.or(nearest) + "? "
    }
}
