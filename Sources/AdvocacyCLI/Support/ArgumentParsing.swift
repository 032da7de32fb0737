import AdvocacyCore
import ArgumentParser

/// The advice shown after "The value 'x' is invalid for '--date <date>':".
struct Expectation: Error, CustomStringConvertible {
    let description: String
}

/// Converters for typed options, each turning a domain error into a short
/// statement of what was expected (the argument parser already quotes the
/// value and names the option).
enum Parse {
    static func email(_ text: String) throws -> EmailAddress { try expecting { try EmailAddress(text) } }
    static func date(_ text: String) throws -> LocalDate { try expecting { try LocalDate(parsing: text) } }
    static func period(_ text: String) throws -> Period { try expecting { try Period.parse(text) } }
    static func url(_ text: String) throws -> CanonicalURL { try expecting { try CanonicalURL(text) } }
    /// A channel's address or `@handle` (X) or `@user@instance` (Mastodon).
    static func channelAddress(_ text: String) throws -> CanonicalURL {
        try expecting { try ChannelLocator.channelURL(from: text) }
    }
    static func projectCode(_ text: String) throws -> ProjectCode { try expecting { try ProjectCode(text) } }
    static func role(_ text: String) throws -> Role { try expecting { try Role.parse(text) } }
    static func channelKind(_ text: String) throws -> ChannelKind { try expecting { try ChannelKind.parse(text) } }
    static func scope(_ text: String) throws -> ChannelScope { try expecting { try ChannelScope.parse(text) } }
    static func settingKey(_ text: String) throws -> ProgrammeSettings.Key {
        try expecting { try ProgrammeSettings.Key.parse(text) }
    }
    static func actionKind(_ text: String) throws -> ActionKind { try expecting { try ActionKind.parse(text) } }
    static func status(_ text: String) throws -> ProjectStatus { try expecting { try ProjectStatus.parse(text) } }
    static func tier(_ text: String) throws -> AudienceTier { try expecting { try AudienceTier.parse(text) } }

    static func rewardCode(_ text: String) throws -> RewardCode { try expecting { try RewardCode(text) } }
    static func rewardCategory(_ text: String) throws -> RewardCategory { try expecting { try RewardCategory.parse(text) } }
    static func rewardStatus(_ text: String) throws -> RewardStatus { try expecting { try RewardStatus.parse(text) } }
    static func amount(_ text: String) throws -> Int { try expecting { try Money.cents(parsing: text) } }

    /// A whole number of 0 or more, or `unlimited`.
    static func stock(_ text: String) throws -> Setting<Int> {
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "unlimited" { return .cleared }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
            throw Expectation(description: "expected a whole number of 0 or more, or unlimited")
        }
        return .set(value)
    }

    /// A whole number of 1 or more, or `unlimited`.
    static func limit(_ text: String) throws -> Setting<Int> {
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "unlimited" { return .cleared }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 1 else {
            throw Expectation(description: "expected a whole number of 1 or more, or unlimited")
        }
        return .set(value)
    }

    /// A tier, or `any`.
    static func minimumTier(_ text: String) throws -> Setting<AudienceTier> {
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "any" { return .cleared }
        do {
            return .set(try AudienceTier.parse(text))
        } catch {
            throw Expectation(description: "expected one of nano, micro, mid, macro, mega, or any")
        }
    }

    static func wishRank(_ text: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (1...3).contains(value) else {
            throw Expectation(description: "expected 1, 2 or 3")
        }
        return value
    }

    static func delimiter(_ text: String) throws -> CSVDelimiter { try expecting { try CSVDelimiter(parsing: text) } }

    static func proposalID(_ text: String) throws -> Int64 {
        guard let value = Int64(text.trimmingCharacters(in: .whitespaces)), value >= 1 else {
            throw Expectation(description: "expected a proposal id (a whole number from 'advocacy rewards list')")
        }
        return value
    }

    /// One word of a closed list, ignoring case; the error lists the words
    /// ("expected csv or json", "expected text, json or csv").
    static func choice<Choice: RawRepresentable & CaseIterable>(_ text: String) throws -> Choice where Choice.RawValue == String {
        if let choice = Choice(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) { return choice }
        throw Expectation(description: "expected \(WordList.or(Choice.allCases.map(\.rawValue)))")
    }

    static func positiveCount(_ text: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 1 else {
            throw Expectation(description: "expected a whole number of 1 or more")
        }
        return value
    }

    // Numbers: the range checks and their wording are Core's.
    static func count(_ text: String) throws -> Int {
        try expecting { try number(text, or: .invalidCount(name: "count", value: -1)) { try Counts.check($0, name: "count") } }
    }

    static func weight(_ text: String) throws -> Int {
        try expecting { try number(text, or: .invalidWeight(0), check: Project.checkWeight) }
    }

    static func hours(_ text: String) throws -> Double {
        try expecting {
            let decimal = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            guard let value = Double(decimal) else { throw CoreError.invalidEffort(0) }
            try ActionDraft.checkEffort(value)
            return value
        }
    }

    private static func number(_ text: String, or error: CoreError, check: (Int) throws -> Void) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else { throw error }
        try check(value)
        return value
    }

    /// A whole number within `range`, for options whose bounds are the command's own (the demo's sizes).
    static func whole(_ text: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw Expectation(description: "expected \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    static func seed(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw Expectation(description: "expected a whole number of 0 or more")
        }
        return value
    }

    private static func expecting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CoreError {
            throw Expectation(description: error.expectation)
        }
    }
}

/// An option that sets a value or clears it (`--stock unlimited`, `--min-tier any`).
enum Setting<Value: Sendable>: Sendable {
    case cleared
    case set(Value)

    /// The value, nil when cleared.
    var value: Value? {
        if case .set(let value) = self { return value }
        return nil
    }
}
