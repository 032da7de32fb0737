import Foundation

/// A team's standing: the average score of its active advocates, so that a
/// small team is not outranked by a large one for its size alone.
public struct TeamScore: Hashable, Sendable {
    public var rank = 0
    public var team: String
    /// Average score of the active advocates, in tenths.
    public var score: Double
    /// Active people of the team with at least one action in the period.
    public var advocates: Int
    public var actions: Int
    public var engagement: Double
    /// The best-scored advocate.
    public var leader: ScoredPerson
}

public enum Ranking {
    /// The label of people with no team.
    public static let noTeam = "(no team)"

    /// Orders people by the keys a reader can see: score, then engagement,
    /// then name (ignoring case and accents), then email; ranks from 1.
    public static func rank(_ scores: [PersonScore]) -> [PersonScore] {
        // Positions are sorted, not the scores, which are large to move; a
        // name is folded the first time it breaks a tie, and once (folding
        // 50,000 up front through Foundation was a twentieth of ranking them).
        var names = [String?](repeating: nil, count: scores.count)
        func name(_ index: Int) -> String {
            if let folded = names[index] { return folded }
            let folded = sortName(scores[index].person.name)
            names[index] = folded
            return folded
        }
        let order = scores.indices.sorted { i, j in
            if scores[i].score != scores[j].score { return scores[i].score > scores[j].score }
            if scores[i].engagement != scores[j].engagement { return scores[i].engagement > scores[j].engagement }
            let (a, b) = (name(i), name(j))
            if a != b { return a < b }
            return scores[i].person.email.value < scores[j].person.email.value
        }
        return order.enumerated().map { rank, index in
            var score = scores[index]
            score.rank = rank + 1
            return score
        }
    }

    /// Ranks teams by the average score of their active advocates.
    public static func teams(_ scores: [PersonScore]) -> [TeamScore] {
        groups(Dictionary(grouping: scores) { $0.person.team ?? noTeam })
    }

    /// Groups ranked as teams are: each by the average score of its active
    /// advocates, given as the people scored within it (for a project, the
    /// ranking of that project's actions alone). Empty groups are left out.
    public static func groups(_ members: [String: [PersonScore]]) -> [TeamScore] {
        let byTeam = members.mapValues { rank($0.filter(\.person.isActive)) }.filter { !$0.value.isEmpty }
        let teams = byTeam.map { team, members in
            TeamScore(
                team: team,
                score: (members.map(\.score).reduce(0, +) / Double(members.count) * 10).rounded() / 10,
                advocates: members.count, actions: members.map(\.actions).reduce(0, +),
                engagement: (members.map(\.engagement).reduce(0, +) * 10).rounded() / 10,
                leader: members[0].person)  // members keep the ranking's order
        }
        let sorted = teams.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.engagement != b.engagement { return a.engagement > b.engagement }
            return sortName(a.team) < sortName(b.team)
        }
        return sorted.enumerated().map { index, team in
            var team = team
            team.rank = index + 1
            return team
        }
    }

    static func sortName(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) + "\u{0}" + name
    }
}

/// Everything scoring needs about one person, as the whole history: the
/// pure form of what the store keeps as a maintained summary.
public struct ScoringInput: Sendable {
    public struct Channel: Sendable {
        public var url: CanonicalURL
        /// Oldest first.
        public var followers: [FollowerCount]

        public init(url: CanonicalURL, followers: [FollowerCount]) {
            self.url = url
            self.followers = followers.sorted { $0.day < $1.day }
        }
    }

    public struct Action: Sendable {
        /// Index into the person's channels.
        public var channel: Int
        public var day: LocalDate
        public var kind: ActionKind
        public var title: String
        public var effortHours: Double?
        /// The latest metrics recorded.
        public var metrics: Metrics?
        /// The strategic weights of the projects it is tagged with.
        public var projectWeights: [Int]
        public var review: ReviewStanding
        /// Its address, when known: a title `log` made from it is no title.
        public var url: CanonicalURL?

        public init(
            channel: Int, day: LocalDate, kind: ActionKind, title: String, effortHours: Double? = nil, metrics: Metrics? = nil,
            projectWeights: [Int] = [], review: ReviewStanding = .accepted, url: CanonicalURL? = nil
        ) {
            self.review = review
            self.url = url
            self.channel = channel
            self.day = day
            self.kind = kind
            self.title = title
            self.effortHours = effortHours
            self.metrics = metrics
            self.projectWeights = projectWeights
        }
    }

    public var person: ScoredPerson
    public var channels: [Channel]
    public var actions: [Action]

    public init(person: ScoredPerson, channels: [Channel], actions: [Action]) {
        self.person = person
        self.channels = channels
        self.actions = actions
    }
}

/// The pure scoring function: a policy, a window of days and each person's
/// history in; ranked scores with their breakdown out. The store computes
/// the same thing from its maintained summary (tested to agree).
public enum Scoring {
    /// The days a period is scored over: its start to its end or today,
    /// whichever comes first.
    public static func window(of period: Period, today: LocalDate) throws -> ClosedRange<LocalDate> {
        guard period.start <= today else { throw CoreError.periodNotStarted(period: period.description, today: today) }
        return period.start...min(period.end, today)
    }

    /// Ranks everyone with at least one action in the window.
    public static func rank(_ people: [ScoringInput], policy: ScoringPolicy, window: ClosedRange<LocalDate>) -> [PersonScore] {
        Ranking.rank(people.compactMap { score($0, policy: policy, window: window)?.score })
    }

    /// One person's score and their actions' parts in it; nil without any
    /// action in the window.
    public static func score(
        _ input: ScoringInput, policy: ScoringPolicy, window: ClosedRange<LocalDate>
    ) -> (score: PersonScore, actions: [ActionScore])? {
        var builder = PersonScoreBuilder(policy: policy, window: window, keepsActions: true)
        // Numbered in the order given, as a store numbers what it is given.
        for (index, action) in input.actions.enumerated() where window.contains(action.day) {
            var facts = facts(of: action, in: input, policy: policy)
            facts.id = Int64(index + 1)
            facts.channelID = Int64(action.channel + 1)
            builder.add(facts)
        }
        guard !builder.isEmpty else { return nil }
        let audiences = input.channels.compactMap { FollowerHistory.audience(at: window.upperBound, in: $0.followers) }
        let spikes = input.channels.indices.compactMap { index in
            let channel = input.channels[index]
            return FollowerHistory.spike(on: channel.url, in: channel.followers, within: window, policy: policy) { after, upTo in
                input.actions.contains { $0.channel == index && $0.day > after && $0.day <= upTo }
            }
        }
        var result = builder.finish(person: input.person, audience: audiences.max(), spikes: spikes)
        let found = result.score.sameDayAndChannel
        let titles = Dictionary(
            uniqueKeysWithValues: found.titled.map { id in
                let action = input.actions[Int(id) - 1]
                return (id, GamingFlags.Title(action.title, url: action.url))
            })
        if let flag = GamingFlags.nearDuplicates(found, titles: titles, cleared: FlagClearances()) {
            result.score.flags.append(flag)
        }
        return result
    }

    static func facts(of action: ScoringInput.Action, in input: ScoringInput, policy: ScoringPolicy) -> ActionFacts {
        ActionFacts(
            day: action.day, kind: action.kind, effortHours: action.effortHours, metrics: action.metrics,
            followersAtPublication: FollowerHistory.audience(at: action.day, in: input.channels[action.channel].followers),
            strategicWeight: action.projectWeights.max(), contentFingerprint: ContentFingerprint.of(title: action.title),
            review: action.review)
    }
}
