/// A channel's follower count on a day.
public struct FollowerCount: Hashable, Sendable {
    public var day: LocalDate
    public var followers: Int

    public init(day: LocalDate, followers: Int) {
        self.day = day
        self.followers = followers
    }
}

/// An unexplained jump in a channel's followers.
public struct FollowerSpike: Hashable, Sendable {
    public var channel: CanonicalURL
    public var before: FollowerCount
    public var after: FollowerCount

    public var gained: Int { after.followers - before.followers }
    public var growthPercent: Double? {
        before.followers > 0 ? Double(gained) * 100 / Double(before.followers) : nil
    }
}

/// Rules on a channel's follower counts, oldest first.
public enum FollowerHistory {
    /// Two counts of a channel, the later in the window: a spike unless an action explains it.
    public typealias Jump = (before: FollowerCount, after: FollowerCount)

    /// The audience on `day`: the nearest count at or before it, else the
    /// earliest known (a channel registered after it published something).
    public static func audience(at day: LocalDate, in history: [FollowerCount]) -> Int? {
        history.last { $0.day <= day }?.followers ?? history.first?.followers
    }

    /// The spikes whose later count falls in `window`, at most one per
    /// channel (the largest gain). A spike is growth above the policy's
    /// percentage within its window of days on an audience of at least
    /// ``ScoringPolicy/spikeMinAudience``, or a jump of a round multiple of the
    /// policy's step from one count to the next within the same window; in
    /// both cases with no action on the channel in between, since a post that
    /// takes off explains a jump.
    public static func spike(
        on channel: CanonicalURL, in history: [FollowerCount], within window: ClosedRange<LocalDate>, policy: ScoringPolicy,
        hasActionBetween: (_ after: LocalDate, _ upTo: LocalDate) -> Bool
    ) -> FollowerSpike? {
        spike(
            on: channel, among: spikeCandidates(in: history, within: window, policy: policy), hasActionBetween: hasActionBetween)
    }

    /// The largest gain among `candidates` (``spikeCandidates(in:within:policy:)``)
    /// that no action explains; on equal gains, the first. Asks about a jump
    /// only when it would be the largest so far.
    public static func spike(
        on channel: CanonicalURL, among candidates: [Jump],
        hasActionBetween: (_ after: LocalDate, _ upTo: LocalDate) -> Bool
    ) -> FollowerSpike? {
        var found: FollowerSpike?
        for (before, after) in candidates {
            let spike = FollowerSpike(channel: channel, before: before, after: after)
            if spike.gained > (found?.gained ?? 0) && !hasActionBetween(before.day, after.day) { found = spike }
        }
        return found
    }

    /// The jumps that are spikes unless an action explains them, in the order
    /// ``spike(on:in:within:policy:hasActionBetween:)`` weighs them (on equal
    /// gains, the first wins). Apart, so that a caller can find them without
    /// asking about actions, and ask afterwards.
    public static func spikeCandidates(
        in history: [FollowerCount], within window: ClosedRange<LocalDate>, policy: ScoringPolicy
    ) -> [Jump] {
        var candidates: [Jump] = []
        for (index, after) in history.enumerated() where index > 0 && window.contains(after.day) {
            let windowStart = after.day.adding(days: -policy.spikeWindowDays)
            let previous = history[index - 1]
            if previous.day >= windowStart {
                let gained = after.followers - previous.followers
                if gained >= policy.spikeRoundStep && gained % policy.spikeRoundStep == 0 { candidates.append((previous, after)) }
            }
            if let oldest = history[..<index].first(where: { $0.day >= windowStart }),
                oldest.followers >= policy.spikeMinAudience,
                Double(after.followers - oldest.followers) * 100 > policy.spikeGrowthPercent * Double(oldest.followers)
            {
                candidates.append((oldest, after))
            }
        }
        return candidates
    }
}
