import Foundation

/// The flags for gaming that need more than one person's actions in one
/// period: the titles of actions (near duplicates) and the previous
/// period's score (a rise on pending work). ``PersonScoreBuilder`` raises
/// the others as it scores.
public enum GamingFlags {
    /// The title as two copies of one post would share it: the words that
    /// duplicate content compares (``ContentFingerprint``), however short;
    /// nil when there are none.
    public static func titleKey(_ title: String?) -> String? {
        guard let title else { return nil }
        let key = ContentFingerprint.normalized(title)
        return key.isEmpty ? nil : key
    }

    /// An action's title, and its address: a title `log` made from the
    /// address says nothing of the content, and is no title.
    public struct Title: Sendable {
        public var title: String?
        public var url: CanonicalURL?

        public init(_ title: String?, url: CanonicalURL?) {
            self.title = title
            self.url = url
        }

        /// What two copies share, or nil when there is no title to share.
        var key: String? {
            guard let title, title != url.map(ActionDraft.title(from:)) else { return nil }
            return GamingFlags.titleKey(title)
        }
    }

    /// The near-duplicate flag of a person whose actions on one channel the
    /// same day are `found`: the copies of a fingerprinted title, and among
    /// the others those whose titles match. Every copy but the first logged
    /// is flagged. `titles` holds the titles of ``SameDayCopies/titled``.
    public static func nearDuplicates(
        _ found: SameDayCopies, titles: [Int64: Title], cleared: FlagClearances
    ) -> AuthenticityFlag? {
        var copies = found.copies
        for group in found.unfingerprinted {
            let keyed = group.compactMap { action in titles[action.id]?.key.map { (key: $0, action: action) } }
            for same in Dictionary(grouping: keyed, by: \.key).values where same.count > 1 {
                copies += same.map(\.action).sorted { $0.id < $1.id }.dropFirst()
            }
        }
        copies.removeAll { cleared.isCleared(.nearDuplicate, action: $0.id) }
        guard let example = copies.min(by: { ($0.day, $0.id) < ($1.day, $1.id) }) else { return nil }
        let n = copies.count
        return AuthenticityFlag(
            kind: .nearDuplicate,
            reason:
                "\(PersonScoreBuilder.count(n, "action")) repeat\(n == 1 ? "s" : "") another of the same day, channel and title under another address (such as “\(titles[example.id]?.title ?? "")” on \(example.day)); one post counts once",
            actions: n, actionIDs: copies.map(\.id).sorted())
    }

    /// Whether the score rose by at least the policy's points since the
    /// previous period (`previousScore`, nil when the person had none), more
    /// than half of the rise resting on work awaiting review. Someone new has
    /// no rise: their first work awaits review as everyone's does (bursts of
    /// it raise flags of their own).
    public static func rose(_ score: PersonScore, from previousScore: Double?, policy: GamingPolicy) -> Bool {
        guard let previousScore else { return false }
        let rise = score.score - previousScore
        return rise >= policy.riseMinPoints && score.pendingPoints * 2 > rise
    }

    /// The rise flag of a score that ``rose(_:from:policy:)``, on its
    /// actions awaiting review (`pendingIDs`) that the cio has not cleared of it.
    public static func rise(
        of score: PersonScore, previousScore: Double?, previousPeriod: String, pendingIDs: [Int64], policy: GamingPolicy,
        cleared: FlagClearances
    ) -> AuthenticityFlag? {
        guard let previousScore, rose(score, from: previousScore, policy: policy) else { return nil }
        let rise = score.score - previousScore
        let ids = pendingIDs.filter { !cleared.isCleared(.riseOnPending, action: $0) }
        guard !ids.isEmpty else { return nil }
        func points(_ value: Double) -> String { NumberText.plain((value * 10).rounded() / 10) }
        return AuthenticityFlag(
            kind: .riseOnPending,
            reason:
                "the score rose from \(points(previousScore)) in \(previousPeriod) to \(points(score.score)) (+\(points(rise))), and \(points(score.pendingPoints)) of those points rest on \(PersonScoreBuilder.count(score.pendingActions, "action")) awaiting review",
            actions: ids.count, actionIDs: ids)
    }

    /// Whether pending work could make half of a flagged rise: only then is
    /// the previous period worth scoring.
    public static func riseCandidate(_ score: PersonScore, policy: GamingPolicy) -> Bool {
        score.pendingPoints * 2 > policy.riseMinPoints && score.pendingActions > 0
    }
}

/// A flag the cio cleared or confirmed, and the actions it settled.
public struct FlagDecision: Hashable, Sendable {
    public var kind: AuthenticityFlag.Kind
    public var person: EmailAddress
    public var period: Period
    /// The flag's actions, by address.
    public var actions: [CanonicalURL]

    public init(kind: AuthenticityFlag.Kind, person: EmailAddress, period: Period, actions: [CanonicalURL]) {
        self.kind = kind
        self.person = person
        self.period = period
        self.actions = actions
    }
}
