import Foundation

/// What scoring needs to know about one action: the same few facts whether
/// they come from the store's maintained summary or from a full history.
public struct ActionFacts: Hashable, Sendable {
    /// The action's identifier where it has one (the store's), else 0; only
    /// the last tie-break of the canonical order.
    public var id: Int64
    public var day: LocalDate
    public var kind: ActionKind
    /// The action's own estimate, overriding the policy's default for its kind.
    public var effortHours: Double?
    /// The latest metrics recorded, if any.
    public var metrics: Metrics?
    /// The channel's followers when the action was published: the nearest
    /// count at or before that day, else the earliest known.
    public var followersAtPublication: Int?
    /// The highest strategic weight among the action's projects (nil: untagged).
    public var strategicWeight: Int?
    /// Identifies the content (see ``ContentFingerprint``); 0 when unknown.
    public var contentFingerprint: Int64
    /// Whether it counts in full, up to the caps of unchecked work, or not at all.
    public var review: ReviewStanding
    /// The channel's identifier where it has one (the store's), else 0:
    /// two actions on one channel the same day may be one post twice.
    public var channelID: Int64

    public init(
        id: Int64 = 0, day: LocalDate, kind: ActionKind, effortHours: Double? = nil, metrics: Metrics? = nil,
        followersAtPublication: Int? = nil, strategicWeight: Int? = nil, contentFingerprint: Int64 = 0,
        review: ReviewStanding = .accepted, channelID: Int64 = 0
    ) {
        self.id = id
        self.day = day
        self.kind = kind
        self.effortHours = effortHours
        self.metrics = metrics
        self.followersAtPublication = followersAtPublication
        self.strategicWeight = strategicWeight
        self.contentFingerprint = contentFingerprint
        self.review = review
        self.channelID = channelID
    }
}

/// One action's contribution, with every intermediate value `explain` shows.
///
/// Points = effort hours × quality × alignment × flag multipliers, where the
/// multipliers are low engagement (here) and duplicate content (set when the
/// person's actions are put together, in ``PersonScore``).
public struct ActionScore: Hashable, Sendable {
    public enum Audience: Hashable, Sendable {
        case impressions(Int)
        case followers(Int)
        case unknown

        /// "847 impressions", "6,583 followers" or "an unknown audience".
        public var described: String {
            switch self {
            case .impressions(let count): "\(NumberText.grouped(count)) impressions"
            case .followers(let count): "\(NumberText.grouped(count)) followers"
            case .unknown: "an unknown audience"
            }
        }

        public var size: Int? {
            switch self {
            case .impressions(let count), .followers(let count): count
            case .unknown: nil
            }
        }
    }

    public var facts: ActionFacts
    /// reactions + comments × w + shares × w + clicks × w.
    public var engagement: Double
    /// What the engagement rate is measured against.
    public var audience: Audience
    /// The channel's tier when the action was published, and its norm.
    public var tier: AudienceTier
    public var expectedRate: ScoringPolicy.RateBand
    /// Engagement ÷ audience, as a fraction (nil when the audience is unknown).
    public var rate: Double?
    /// rate ÷ the norm's midpoint, capped; 1 when the audience is unknown.
    public var quality: Double
    public var qualityIsCapped: Bool
    public var effort: Double
    public var effortIsOwn: Bool
    public var alignment: Double
    /// Engagement below the tier's band on a large audience.
    public var isLowEngagement: Bool
    /// The multiplier of the low-engagement flag, 1 when not flagged.
    public var lowEngagementMultiplier: Double
    /// The multiplier for being a second copy of the same content, 1 otherwise.
    public var duplicateMultiplier: Double = 1
    /// For a pending action whose quality or effort its review holds back:
    /// what they would be once accepted (nil when nothing is held back).
    public var qualityIfAccepted: Double?
    public var effortIfAccepted: Double?
    /// The share of its points that pending work's weekly cap lets count
    /// (1 for accepted work, and for pending work within the cap).
    public var pendingShare: Double = 1

    public init(_ facts: ActionFacts, policy: ScoringPolicy) {
        self.init(facts, tables: ScoringTables(policy))
    }

    /// `policy` is borrowed: an initialiser's parameters are otherwise
    /// copied, and copying the tables' four arrays for each of a million
    /// actions cost a twentieth of a ranking in reference counting.
    init(_ facts: ActionFacts, tables policy: borrowing ScoringTables) {
        self.facts = facts
        let metrics = facts.metrics ?? .zero
        engagement =
            Double(metrics.reactions) + Double(metrics.comments) * policy.commentWeight
            + Double(metrics.shares) * policy.shareWeight + Double(metrics.clicks) * policy.clickWeight
        if let impressions = metrics.impressions, impressions > 0 {
            audience = .impressions(impressions)
        } else if let followers = facts.followersAtPublication, followers > 0 {
            audience = .followers(followers)
        } else {
            audience = .unknown
        }
        // The tier is the channel's size; impressions stand in when no count is known.
        tier = policy.tier(followers: facts.followersAtPublication ?? audience.size ?? 0)
        expectedRate = policy.bands[tier.index]
        if let size = audience.size {
            let rate = engagement / Double(size)
            let relative = rate * 100 / expectedRate.midpoint
            self.rate = rate
            quality = min(relative, policy.qualityCap)
            qualityIsCapped = relative > policy.qualityCap
            // No metrics recorded is not evidence of an inactive audience.
            isLowEngagement = facts.metrics != nil && size >= policy.lowEngagementMinAudience && rate * 100 < expectedRate.low
        } else {
            rate = nil
            quality = 1
            qualityIsCapped = false
            isLowEngagement = false
        }
        lowEngagementMultiplier = isLowEngagement ? policy.lowEngagementMultiplier : 1
        effortIsOwn = facts.effortHours != nil
        effort = policy.effort.hours(facts)
        alignment = policy.alignment(strategicWeight: facts.strategicWeight)
        switch facts.review {
        case .accepted: break
        case .pending:
            // Until checked, figures and hours are the person's word: each counts up to a cap.
            let heldQuality = min(quality, facts.metrics == nil ? policy.pendingQualityWithoutFigures : policy.pendingQualityCap)
            if heldQuality < quality {
                qualityIfAccepted = quality
                quality = heldQuality
                qualityIsCapped = false
            }
            let heldEffort = min(effort, policy.effort.defaultHours(facts.kind))
            if heldEffort < effort {
                effortIfAccepted = effort
                effort = heldEffort
            }
        case .rejected, .unconfirmed:
            effort = 0
        }
    }

    /// Whether it awaits review (an unconfirmed claim too).
    public var isPending: Bool { facts.review == .pending || facts.review == .unconfirmed }

    /// Hours of work.
    public var effortPoints: Double { effort }
    /// Hours weighted by quality.
    public var qualityPoints: Double { effort * quality }
    /// Hours weighted by quality and alignment.
    public var alignedPoints: Double { qualityPoints * alignment }
    /// What the action finally counts for, after its flags and, pending, the weekly cap.
    public var points: Double { alignedPoints * lowEngagementMultiplier * duplicateMultiplier * pendingShare }
}

/// The policy as arrays indexed by tier and kind: scoring a million actions
/// should not hash a dictionary key for each.
struct ScoringTables: Sendable {
    let bands: [ScoringPolicy.RateBand]
    let effort: EffortRule
    let thresholds: [Int]
    let commentWeight, shareWeight, clickWeight, qualityCap: Double
    let lowEngagementMinAudience: Int
    let lowEngagementMultiplier: Double
    let untaggedAlignment: Double
    let alignmentByWeight: [Double]
    let pendingQualityWithoutFigures, pendingQualityCap: Double

    init(_ policy: ScoringPolicy) {
        pendingQualityWithoutFigures = policy.review.pendingQualityWithoutFigures
        pendingQualityCap = policy.review.pendingQualityCap
        commentWeight = policy.commentWeight
        shareWeight = policy.shareWeight
        clickWeight = policy.clickWeight
        qualityCap = policy.qualityCap
        lowEngagementMinAudience = policy.lowEngagementMinAudience
        lowEngagementMultiplier = policy.lowEngagementMultiplier
        untaggedAlignment = policy.untaggedAlignment
        alignmentByWeight = policy.alignmentByWeight
        bands = AudienceTier.allCases.map { policy.expectedRates[$0] ?? ScoringPolicy.RateBand(low: 1, high: 1) }
        effort = EffortRule(policy)
        thresholds = policy.tierThresholds
    }

    func tier(followers: Int) -> AudienceTier {
        AudienceTier(followers: followers, thresholds: thresholds)
    }

    /// The factor for the highest strategic weight of an action's projects (nil: untagged).
    func alignment(strategicWeight weight: Int?) -> Double {
        guard let weight else { return untaggedAlignment }
        return alignmentByWeight[min(max(weight, 1), alignmentByWeight.count) - 1]
    }
}

extension ActionKind {
    /// Position in `allCases`, without searching.
    public var index: Int {
        switch self {
        case .article: 0
        case .post: 1
        case .talk: 2
        case .video: 3
        case .podcast: 4
        case .newsletter: 5
        case .comment: 6
        case .share: 7
        }
    }
}

/// A stable number for a piece of content, from its title: the same words
/// in any case, accents or punctuation give the same fingerprint, so one
/// article logged under two addresses can be recognised.
public enum ContentFingerprint {
    /// The fingerprint of an action's title, or 0 when the title is the one
    /// `log` makes from the address ("Post by @jane"): that says nothing
    /// about the content, and two posts would look the same.
    public static func of(title: String, url: CanonicalURL) -> Int64 {
        of(title: title) { ActionDraft.title(from: url) }
    }

    /// ``of(title:url:)`` with the title made from the address worked out by
    /// the caller, and only when the title is long enough to fingerprint.
    static func of(title: String, titleFromAddress: () -> String) -> Int64 {
        let fingerprint = of(title: title)
        return fingerprint == 0 || title == titleFromAddress() ? 0 : fingerprint
    }

    public static func of(title: String) -> Int64 {
        let words = normalized(title)
        guard words.count >= 12 else { return 0 }  // too short to call two things the same content
        let hash = StableHash.of(words)
        return Int64(bitPattern: hash == 0 ? 1 : hash)
    }

    /// Lower-case words without accents, separated by single spaces.
    ///
    /// Titles in Latin script (every scalar below U+0250, which covers French
    /// and the other Western European languages) are read scalar by scalar
    /// through ``latinFolding``, and so are the emoji and symbols between their
    /// words (``SymbolSeparators``), which posts on LinkedIn and X are full of;
    /// anything else goes through Foundation. Both give the same words: the
    /// tables are Foundation's own answer for each scalar, and tests compare
    /// the two on every one of them.
    static func normalized(_ title: String) -> String {
        var words: [UInt8] = []
        words.reserveCapacity(title.utf8.count)
        var pendingSpace = false
        // Whether the scalar before was a symbol: what extends it (a skin
        // tone, a variation selector, a joiner) belongs to its character.
        var afterSymbol = false
        for scalar in title.unicodeScalars {
            let value = Int(scalar.value)
            guard value < LatinFolding.limit, let folded = latinFolding.words[value] else {
                if symbolSeparators.contains(scalar) || (afterSymbol && SymbolSeparators.extendsASymbol(scalar)) {
                    pendingSpace = true
                    afterSymbol = true
                    continue
                }
                return foundationNormalized(title)
            }
            afterSymbol = false
            if folded.isEmpty {
                pendingSpace = true
                continue
            }
            if pendingSpace && !words.isEmpty { words.append(UInt8(ascii: " ")) }
            pendingSpace = false
            words.append(contentsOf: folded)
        }
        return String(decoding: words, as: UTF8.self)
    }

    /// The reference: Foundation's folding, then letters and numbers kept.
    static func foundationNormalized(_ title: String) -> String {
        let folded =
            title.isASCII
            ? title.lowercased() : title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        var pendingSpace = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// What each scalar below ``limit`` becomes in a fingerprint, asked of
    /// Foundation once per process (about 600 scalars, well under a millisecond).
    struct LatinFolding: Sendable {
        static let limit = 0x250
        /// By scalar value: the UTF-8 of its folded letters and digits, empty
        /// for a separator, nil when it folds to a mix of both (then the whole
        /// title goes through Foundation).
        let words: [[UInt8]?]

        init() {
            words = (0..<Self.limit).map { value in
                guard let scalar = Unicode.Scalar(value) else { return nil }
                let folded = foundationNormalized(String(Character(scalar)))
                if folded.isEmpty { return [] }
                return folded.contains(" ") ? nil : Array(folded.utf8)
            }
        }
    }

    static let latinFolding = LatinFolding()

    /// The emoji and symbols that Foundation's words treat as a separator
    /// between two letters, asked of Foundation once per process for the
    /// symbol blocks (U+2000–U+2BFF, U+1F000–U+1FAFF), the first time a title
    /// has one. Only symbols (`So`) are asked: each begins a character of its
    /// own, so a symbol is a separator wherever it stands.
    struct SymbolSeparators: Sendable {
        static let blocks = [0x2000..<0x2C00, 0x1F000..<0x1FB00]
        private let separators: Set<UInt32>

        init() {
            var separators: Set<UInt32> = []
            for block in Self.blocks {
                for value in block {
                    guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory == .otherSymbol,
                        foundationNormalized("a\(scalar)b") == "a b"
                    else { continue }
                    separators.insert(scalar.value)
                }
            }
            self.separators = separators
        }

        func contains(_ scalar: Unicode.Scalar) -> Bool { separators.contains(scalar.value) }

        /// A skin tone, a variation selector or a zero-width joiner, which
        /// join the symbol before them into one character.
        static func extendsASymbol(_ scalar: Unicode.Scalar) -> Bool {
            (0x1F3FB...0x1F3FF).contains(scalar.value) || scalar.value == 0xFE0F || scalar.value == 0xFE0E
                || scalar.value == 0x200D
        }
    }

    static let symbolSeparators = SymbolSeparators()
}

extension String {
    fileprivate var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
