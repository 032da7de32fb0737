import Foundation

/// Reads one table of a policy document. A key it does not know is
/// reported before anything else, so a misspelt key is named as such rather
/// than as a missing one.
struct DocumentReader {
    let path: String
    var entries: [String: PolicyValue]

    init(_ value: PolicyValue, path: String, keys: [String]) throws {
        guard case .table(let pairs) = value else {
            throw CoreError.invalidPolicy(
                key: path.isEmpty ? "(document)" : path, problem: "is \(value.typeName): expected a table of keys")
        }
        self.path = path
        self.entries = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        if let unknown = pairs.first(where: { !keys.contains($0.key) }) {
            throw CoreError.invalidPolicy(
                key: name(unknown.key), problem: "is not a known key: expected one of \(keys.joined(separator: ", "))")
        }
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Whether the table gives `key`: for a key added after versions
    /// without it were stored, which then take its default.
    func contains(_ key: String) -> Bool { entries[key] != nil }

    func value(_ key: String, expected: String) throws -> PolicyValue {
        guard let value = entries[key] else {
            throw CoreError.invalidPolicy(key: name(key), problem: "is missing: expected \(expected)")
        }
        return value
    }

    func table(_ key: String, keys: [String]) throws -> DocumentReader {
        try DocumentReader(try value(key, expected: "a [\(name(key))] table"), path: name(key), keys: keys)
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws -> Double {
        let expected = "a number from \(NumberText.plain(range.lowerBound)) to \(NumberText.plain(range.upperBound))"
        let value = try value(key, expected: expected)
        guard case .number(let number) = value else {
            throw CoreError.invalidPolicy(key: name(key), problem: "is \(value.typeName): expected \(expected)")
        }
        guard range.contains(number) else {
            throw CoreError.invalidPolicy(key: name(key), problem: "is \(NumberText.plain(number)): expected \(expected)")
        }
        return number
    }

    func whole(_ key: String, in range: ClosedRange<Int>) throws -> Int {
        let number = try number(key, in: Double(range.lowerBound)...Double(range.upperBound))
        guard number == number.rounded() else {
            throw CoreError.invalidPolicy(
                key: name(key),
                problem: "is \(NumberText.plain(number)): expected a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return Int(number)
    }

    func band(_ key: String) throws -> ScoringPolicy.RateBand {
        let expected = "[low, high] in percent, like [2, 3.5]"
        let value = try value(key, expected: expected)
        guard case .array(let items) = value, items.count == 2, case .number(let low) = items[0],
            case .number(let high) = items[1]
        else {
            throw CoreError.invalidPolicy(key: name(key), problem: "is not a pair of numbers: expected \(expected)")
        }
        let shown = "[\(NumberText.plain(low)), \(NumberText.plain(high))]"
        guard low > 0, high <= 100 else {
            throw CoreError.invalidPolicy(
                key: name(key), problem: "\(shown) is out of range: expected rates above 0 and at most 100")
        }
        guard low <= high else {
            throw CoreError.invalidPolicy(key: name(key), problem: "\(shown) is inverted: expected \(expected) with low ≤ high")
        }
        return ScoringPolicy.RateBand(low: low, high: high)
    }
}

extension DocumentReader {
    /// A text value such as a currency code, checked by `isValid`.
    func text(_ key: String, expected: String, isValid: (String) -> Bool) throws -> String {
        let value = try value(key, expected: expected)
        guard case .string(let text) = value else {
            throw CoreError.invalidPolicy(key: name(key), problem: "is \(value.typeName): expected \(expected)")
        }
        guard isValid(text) else {
            throw CoreError.invalidPolicy(key: name(key), problem: "is \(PolicyValue.quoted(text)): expected \(expected)")
        }
        return text
    }
}
