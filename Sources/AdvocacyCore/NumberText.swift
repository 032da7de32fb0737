/// Words as messages list them: "a", "a or b", "a, b or c".
public enum WordList {
    /// The words joined with commas and a final "or".
    public static func or(_ words: [String]) -> String {
        guard let last = words.last, words.count > 1 else { return words.joined() }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The words joined with commas and a final "and".
    public static func and(_ words: [String]) -> String {
        guard let last = words.last, words.count > 1 else { return words.joined() }
        return words.dropLast().joined(separator: ", ") + " and " + last
    }
}

/// Numbers as messages print them, the same in every language: Core's
/// flag reasons and the command line's tables and explanations.
public enum NumberText {
    /// 10000 as "10,000".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// Whole numbers without a decimal point (2, not 2.0), others in their
    /// shortest exact form (0.25), so that they read back to the same value.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
