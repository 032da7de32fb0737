import Foundation

/// Changes to a catalogue item; nil leaves a field as it is.
public struct RewardItemChanges: Sendable {
    public var name: String?
    public var category: RewardCategory?
    public var costCents: Int?
    /// `.some(nil)` makes the stock unlimited.
    public var stock: Int??
    public var maxPerPerson: Int??
    public var minTier: AudienceTier??
    public var projects: [ProjectCode]?

    public init(
        name: String? = nil, category: RewardCategory? = nil, costCents: Int? = nil, stock: Int?? = nil,
        maxPerPerson: Int?? = nil,
        minTier: AudienceTier?? = nil, projects: [ProjectCode]? = nil
    ) {
        self.name = name
        self.category = category
        self.costCents = costCents
        self.stock = stock
        self.maxPerPerson = maxPerPerson
        self.minTier = minTier
        self.projects = projects
    }
}
