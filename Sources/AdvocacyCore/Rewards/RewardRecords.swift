import Foundation

/// Where a reward proposal stands: proposed → approved → granted, or
/// rejected from proposed or approved.
public enum RewardStatus: String, Vocabulary {
    case proposed, approved, rejected, granted
    public static let vocabularyName = "reward status"

    /// The statuses a proposal may move to `status` from (the database's
    /// trigger enforces the same).
    public static func sources(of status: RewardStatus) -> Set<RewardStatus> {
        switch status {
        case .proposed: []
        case .approved: [.proposed]
        case .rejected: [.proposed, .approved]
        case .granted: [.approved]
        }
    }
}

/// A catalogue item with how many units are committed.
public struct CatalogueEntry: Hashable, Sendable, Encodable {
    public var item: RewardItem
    /// Units approved or granted, over all periods.
    public var given: Int
    public var currency: String

    public init(item: RewardItem, given: Int, currency: String) {
        self.item = item
        self.given = given
        self.currency = currency
    }

    /// Units that can still be proposed; nil when unlimited.
    public var left: Int? { item.stock.map { max(0, $0 - given) } }

    enum CodingKeys: String, CodingKey {
        case code, name, category, costCents, currency, stock, given, left, maxPerPerson, minTier, projects
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(item.code, forKey: .code)
        try container.encode(item.name, forKey: .name)
        try container.encode(item.category, forKey: .category)
        try container.encode(item.costCents, forKey: .costCents)
        try container.encode(currency, forKey: .currency)
        try container.encode(item.stock, forKey: .stock)
        try container.encode(given, forKey: .given)
        try container.encode(left, forKey: .left)
        try container.encode(item.maxPerPerson, forKey: .maxPerPerson)
        try container.encode(item.minTier, forKey: .minTier)
        try container.encode(item.projects, forKey: .projects)
    }
}

/// A period's reward budget and what is committed against it.
public struct BudgetSummary: Hashable, Sendable, Encodable {
    public var period: String
    public var start: LocalDate
    public var end: LocalDate
    public var amountCents: Int
    public var currency: String
    public var proposedCents: Int
    public var approvedCents: Int
    public var grantedCents: Int

    public init(
        period: String, start: LocalDate, end: LocalDate, amountCents: Int, currency: String, proposedCents: Int,
        approvedCents: Int,
        grantedCents: Int
    ) {
        self.period = period
        self.start = start
        self.end = end
        self.amountCents = amountCents
        self.currency = currency
        self.proposedCents = proposedCents
        self.approvedCents = approvedCents
        self.grantedCents = grantedCents
    }

    /// What neither approvals, grants nor open proposals use.
    public var availableCents: Int { amountCents - proposedCents - approvedCents - grantedCents }
}

/// A person's wish for a catalogue item.
public struct WishEntry: Hashable, Sendable, Encodable {
    public var email: EmailAddress
    public var name: String
    public var rank: Int
    public var code: RewardCode
    public var rewardName: String
    public var category: RewardCategory
    public var costCents: Int

    public init(
        email: EmailAddress, name: String, rank: Int, code: RewardCode, rewardName: String, category: RewardCategory,
        costCents: Int
    ) {
        self.email = email
        self.name = name
        self.rank = rank
        self.code = code
        self.rewardName = rewardName
        self.category = category
        self.costCents = costCents
    }
}

/// A reward proposal as HR lists and exports it.
public struct RewardProposalRecord: Hashable, Sendable, Encodable {
    public var id: Int64
    public var period: String
    public var hrId: String?
    public var email: EmailAddress
    public var name: String
    public var team: String?
    public var rank: Int
    /// The score, in tenths of a point.
    public var score: Double
    public var rewardCode: RewardCode
    public var rewardName: String
    public var category: RewardCategory
    public var costCents: Int
    public var currency: String
    public var status: RewardStatus
    public var reason: ProposalReason
    /// Paid from the budget left once every entitlement was used.
    public var fromLeftover: Bool
    public var rationale: String
    public var approvedBy: EmailAddress?
    /// ISO 8601 timestamp of the approval.
    public var approvedAt: String?
    /// The approver's or rejecter's note.
    public var note: String?

    public init(
        id: Int64, period: String, hrId: String?, email: EmailAddress, name: String, team: String?, rank: Int, score: Double,
        rewardCode: RewardCode, rewardName: String, category: RewardCategory, costCents: Int, currency: String,
        status: RewardStatus,
        reason: ProposalReason, fromLeftover: Bool, rationale: String, approvedBy: EmailAddress?, approvedAt: String?,
        note: String?
    ) {
        self.id = id
        self.period = period
        self.hrId = hrId
        self.email = email
        self.name = name
        self.team = team
        self.rank = rank
        self.score = score
        self.rewardCode = rewardCode
        self.rewardName = rewardName
        self.category = category
        self.costCents = costCents
        self.currency = currency
        self.status = status
        self.reason = reason
        self.fromLeftover = fromLeftover
        self.rationale = rationale
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.note = note
    }

    /// The HR export's columns, in order.
    public static let exportColumns = [
        "period", "hrId", "email", "name", "team", "rank", "score", "rewardCode", "rewardName", "category", "costCents", "status",
        "rationale", "approvedBy", "approvedAt", "note",
    ]

    /// The export's cells, in ``exportColumns`` order.
    public var exportCells: [String] {
        [
            period, hrId ?? "", email.value, name, team ?? "", String(rank), NumberText.plain(score), rewardCode.value,
            rewardName,
            category.rawValue, String(costCents), status.rawValue, rationale, approvedBy?.value ?? "", approvedAt ?? "",
            note ?? "",
        ]
    }

    enum CodingKeys: String, CodingKey {
        case id, period, hrId, email, name, team, rank, score, rewardCode, rewardName, category, costCents, currency, status,
            reason
        case fromLeftover, rationale, approvedBy, approvedAt, note
    }

    /// Writes every key, absent values as null, so a reader sees a fixed shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try encodeExportFields(into: &container)
        try container.encode(currency, forKey: .currency)
        try container.encode(reason.label, forKey: .reason)
        try container.encode(fromLeftover, forKey: .fromLeftover)
    }

    /// The HR export's columns alone, for an HRIS: the same keys as the CSV.
    public var export: Export { Export(record: self) }

    public struct Export: Encodable, Sendable {
        let record: RewardProposalRecord

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try record.encodeExportFields(into: &container)
        }
    }

    private func encodeExportFields(into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(period, forKey: .period)
        try container.encode(hrId, forKey: .hrId)
        try container.encode(email, forKey: .email)
        try container.encode(name, forKey: .name)
        try container.encode(team, forKey: .team)
        try container.encode(rank, forKey: .rank)
        try container.encode(score, forKey: .score)
        try container.encode(rewardCode, forKey: .rewardCode)
        try container.encode(rewardName, forKey: .rewardName)
        try container.encode(category, forKey: .category)
        try container.encode(costCents, forKey: .costCents)
        try container.encode(status, forKey: .status)
        try container.encode(rationale, forKey: .rationale)
        try container.encode(approvedBy, forKey: .approvedBy)
        try container.encode(approvedAt, forKey: .approvedAt)
        try container.encode(note, forKey: .note)
    }
}
