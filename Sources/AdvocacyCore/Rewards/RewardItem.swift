/// What kind of reward an item is. The order is the order of preference
/// when nothing else decides: talent development first, vouchers last.
public enum RewardCategory: String, Vocabulary, Comparable {
    case training, certification, conference, book, recognition, equipment
    case dayOff = "day-off"
    case donation, voucher
    public static let vocabularyName = "reward category"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.preference < rhs.preference }

    /// The position in `allCases`, which lists the categories in order of preference.
    private var preference: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }
}

/// A catalogue item's short code such as `CERT-AWS`.
public struct RewardCode: ShortCode {
    public let value: String

    public init(_ text: String) throws {
        guard let code = Self.normalised(text) else { throw CoreError.invalidRewardCode(text) }
        value = code
    }

    public init(alreadyValid value: String) {
        self.value = value
    }
}

/// A reward in the catalogue.
public struct RewardItem: Hashable, Sendable {
    public var code: RewardCode
    public var name: String
    public var category: RewardCategory
    public var costCents: Int
    /// Units that can ever be given; nil when unlimited.
    public var stock: Int?
    /// How many one person may receive in a calendar year; nil when unlimited.
    public var maxPerPerson: Int?
    /// The lowest audience tier it is offered to; nil for everyone.
    public var minTier: AudienceTier?
    /// The projects it relates to: it goes first to people who worked on them,
    /// and only to them unless they wish for it.
    public var projects: [ProjectCode]

    public init(
        code: RewardCode, name: String, category: RewardCategory, costCents: Int, stock: Int? = nil, maxPerPerson: Int? = nil,
        minTier: AudienceTier? = nil, projects: [ProjectCode] = []
    ) {
        self.code = code
        self.name = name
        self.category = category
        self.costCents = costCents
        self.stock = stock
        self.maxPerPerson = maxPerPerson
        self.minTier = minTier
        self.projects = projects
    }

    /// Checks what a catalogue item must satisfy; the message names the value.
    public static func check(name: String, costCents: Int, stock: Int?, maxPerPerson: Int?) throws {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw CoreError.emptyText(field: "reward name") }
        if name.count > 200 { throw CoreError.textTooLong(field: "reward name", limit: 200) }
        guard (0...Money.maximumCents).contains(costCents) else { throw CoreError.invalidAmount(Money.text(costCents)) }
        if let stock { try Counts.check(stock, name: "stock") }
        if let maxPerPerson, maxPerPerson < 1 { throw CoreError.invalidCount(name: "max per person", value: maxPerPerson) }
    }
}
