import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// The policy in force and its version.
    public func currentPolicy() throws -> (version: Int, policy: Policy) {
        try store.currentPolicy()
    }

    /// Makes `policy` the policy in force (cio or admin), and says what
    /// changed and whom it moves in the top `top` places of `period` (up to
    /// `today`). Setting the policy already in force changes nothing.
    public func setPolicy(
        _ policy: Policy, effectOn period: Period, today: LocalDate, top: Int = 20, by actor: EmailAddress
    ) throws -> PolicyUpdate {
        let window = try Scoring.window(of: period, today: today)
        return try store.writing(as: actor) { transaction, acting in
            try AccessRules.requireRole(acting, in: [.cio, .admin], to: "change the policy")
            let (previous, old) = try transaction.policy()
            let (version, changed) = try transaction.savePolicy(policy, by: acting)
            guard changed else { return PolicyUpdate(version: version, previousVersion: previous, changes: [], effect: nil) }
            // Both rankings masked together, so a hidden person has the same placeholder in each.
            let hidden = try transaction.hiddenEmails()
            let rankings = HiddenPeople.mask(
                try [old, policy].map {
                    Ranking.rank(try transaction.scores(policy: $0.scoring, window: window, filter: RankingFilter()))
                },
                hidden: hidden, viewer: acting)
            return PolicyUpdate(
                version: version, previousVersion: previous, changes: PolicyChange.between(old, policy),
                effect: PolicyEffect(period: period, window: window, before: rankings[0], after: rankings[1], top: top))
        }
    }

    /// Every version of the policy, oldest first, with who set it, when, and
    /// what it changed (any active employee: the rules behind a score are open).
    public func policyHistory(by actor: EmailAddress) throws -> [PolicyHistoryEntry] {
        try store.reading { transaction in
            try AccessRules.requireActive(try transaction.actor(actor))
            let versions = try transaction.policyVersions()
            return versions.indices.map { index in
                let version = versions[index]
                return PolicyHistoryEntry(
                    version: version.version, setAt: version.setAt, inForceFrom: LocalDate(version.setAt, in: timeZone),
                    setBy: version.setBy,
                    changes: index == 0 ? [] : PolicyChange.between(versions[index - 1].policy, version.policy))
            }
        }
    }

    /// Version `version` of the policy, in force or not.
    ///
    /// - Throws: ``CoreError/unknownPolicyVersion(_:newest:)`` for a version never set.
    public func policy(version: Int) throws -> Policy {
        try store.reading { transaction in
            try transaction.policy(.version(version), lastDay: .latest, in: timeZone).policy
        }
    }

    /// Ranks everyone with an action in `period` (up to `today`) and records
    /// the run with the policy version it used. Open to every active employee;
    /// people who chose to be hidden lose their names for everyone but
    /// themselves and HR.
    ///
    /// Scores are computed on a read snapshot, so other people can log work
    /// meanwhile; only the record of the run takes the write lock.
    public func rank(
        period: Period, today: LocalDate, filter: RankingFilter = RankingFilter(), policy choice: PolicyChoice = .inForce,
        by actor: EmailAddress
    ) throws -> RankingResult {
        let window = try Scoring.window(of: period, today: today)
        let result = try store.reading { transaction in
            let viewer = try transaction.actor(actor)
            try AccessRules.requireActive(viewer)
            let (version, policy) = try transaction.policy(choice, lastDay: window.upperBound, in: timeZone)
            var people = try transaction.scores(policy: policy.scoring, window: window, filter: filter)
            try Self.flagRises(&people, period: period, today: today, policy: policy.scoring, filter: filter, in: transaction)
            if let tier = filter.tier { people = people.filter { $0.tier == tier } }
            // Ranked first, so every viewer sees the same order; then hidden people lose their names.
            var ranked = HiddenPeople.mask([Ranking.rank(people)], hidden: try transaction.hiddenEmails(), viewer: viewer)[0]
            // Suspicions are for those who settle them: staff see their own flags for gaming, no one else's.
            if viewer.role == .staff {
                for index in ranked.indices where ranked[index].person.email != viewer.email {
                    ranked[index].flags.removeAll(where: \.kind.isGaming)
                }
            }
            var result = RankingResult(policyVersion: version, period: period, window: window, people: ranked)
            result.seenByStaff = viewer.role == .staff
            return result
        }
        try store.recordRun(
            "rank", version: result.policyVersion, window: window, filter: filter, people: result.people.count, by: actor)
        return result
    }

    /// Projects or channel kinds ranked as teams are (`rank --by project`,
    /// `--by channel`): each by the average score of the active people who
    /// worked on it, scored on its actions alone, within `filter`. Returns
    /// the ranking of everyone within `filter` too, for its period and
    /// policy. Every ranking it runs is recorded, as `rank` records one.
    public func rankGroups(
        _ group: RankingGroup, period: Period, today: LocalDate, filter: RankingFilter = RankingFilter(),
        policy choice: PolicyChoice = .inForce, by actor: EmailAddress
    ) throws -> (overall: RankingResult, groups: [TeamScore]) {
        let overall = try rank(period: period, today: today, filter: filter, policy: choice, by: actor)
        var members: [String: [PersonScore]] = [:]
        switch group {
        case .project:
            let codes = try filter.project.map { [$0] } ?? projects().map(\.project.code)
            for code in codes {
                var within = filter
                within.project = code
                members[code.value] = try rank(period: period, today: today, filter: within, policy: choice, by: actor).people
            }
        case .channel:
            for kind in filter.channelKind.map({ [$0] }) ?? ChannelKind.allCases {
                var within = filter
                within.channelKind = kind
                members[kind.rawValue] = try rank(period: period, today: today, filter: within, policy: choice, by: actor).people
            }
        }
        return (overall, Ranking.groups(members))
    }

    /// What accepting each pending action alone, and all of them, would add
    /// to a score made of `facts`: the score again with the action counted
    /// in full, less the score as it is (reach does not move; a follower
    /// spike's `multiplier` applies to the difference as to the score).
    static func gainsIfAccepted(
        _ facts: [ActionFacts], policy: ScoringPolicy, window: ClosedRange<LocalDate>, multiplier: Double
    ) -> (each: [Int64: Double], all: Double) {
        let pending = facts.indices.filter { facts[$0].review == .pending || facts[$0].review == .unconfirmed }
        guard !pending.isEmpty else { return ([:], 0) }
        let person = ScoredPerson(email: EmailAddress(alreadyValid: "-"), name: "", team: nil)
        func total(_ facts: [ActionFacts]) -> Double {
            var builder = PersonScoreBuilder(policy: policy, window: window)
            for fact in facts { builder.add(fact) }
            return builder.finish(person: person, audience: nil).score.exactComponents.total
        }
        let now = total(facts)
        var each: [Int64: Double] = [:]
        // Each one is a new pass over the person's actions: enough for the hundreds a period holds.
        for index in pending.prefix(500) {
            var accepted = facts
            accepted[index].review = .accepted
            each[facts[index].id] = (total(accepted) - now) * multiplier
        }
        let all = facts.map { fact in
            var fact = fact
            if fact.review == .pending || fact.review == .unconfirmed { fact.review = .accepted }
            return fact
        }
        return (each, (total(all) - now) * multiplier)
    }

    /// A person's score action by action, with their place in the ranking.
    /// Staff may explain only themselves; the cio, hr and admin anyone.
    public func explain(
        _ email: EmailAddress, period: Period, today: LocalDate, policy choice: PolicyChoice = .inForce, by actor: EmailAddress
    ) throws -> Explanation {
        let window = try Scoring.window(of: period, today: today)
        let explanation = try store.reading { transaction in
            try AccessRules.requireMayExplain(try transaction.actor(actor), person: email)
            let person = try transaction.scoredPerson(email)
            let (version, whole) = try transaction.policy(choice, lastDay: window.upperBound, in: timeZone)
            let policy = whole.scoring
            var everyone = try transaction.scores(policy: policy, window: window, filter: RankingFilter())
            try Self.flagRises(&everyone, period: period, today: today, policy: policy, filter: RankingFilter(), in: transaction)
            let ranked = Ranking.rank(everyone)
            // The same facts again, with what a reader needs to recognise each action.
            var builder = PersonScoreBuilder(policy: policy, window: window, keepsActions: true)
            var details: [Int64: StoreTransaction.ActionDetails] = [:]
            var facts: [ActionFacts] = []
            try transaction.forEachAction(of: email, in: window) { fact, detail in
                builder.add(fact)
                facts.append(fact)
                details[fact.id] = detail
            }
            let score = ranked.first { $0.person.email == email }
            let gains = Self.gainsIfAccepted(facts, policy: policy, window: window, multiplier: score?.spikeMultiplier ?? 1)
            let actions = builder.finish(person: person, audience: nil).actions.compactMap { action -> ExplainedAction? in
                // Every action scored was read with its details just above.
                guard let detail = details[action.facts.id] else { return nil }
                return ExplainedAction(
                    score: action, title: detail.title, url: detail.url, channel: detail.channel, projects: detail.projects,
                    review: detail.review, reviewNote: detail.reviewNote, gainIfAccepted: gains.each[action.facts.id])
            }
            var explanation = Explanation(
                policyVersion: version, policy: policy, period: period, window: window,
                score: score, person: person, rankedPeople: ranked.count, actions: actions)
            explanation.gainIfAllAccepted = gains.all
            return explanation
        }
        try store.recordRun(
            "explain", version: explanation.policyVersion, window: window, filter: RankingFilter(),
            people: explanation.score == nil ? 0 : 1, by: actor)
        return explanation
    }
}
