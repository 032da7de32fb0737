import AdvocacyCore
import Foundation

// How rankings and explanations print, in every front end: the CLI and the
// server say the same words and write the same JSON. JSON keys and the CLI's
// table headers match.

/// What a ranking ranks: people, or teams by the average score of their active advocates.
public enum RankingSubject: String, CaseIterable, Sendable, Encodable {
    /// One row per person.
    case person
    /// One row per team.
    case team
    /// One row per project, by its advocates' scores on its actions alone.
    case project
    /// One row per kind of channel (linkedin, x, blog…), likewise.
    case channel

    /// The group ``Programme/rankGroups`` ranks for this subject, if it is one.
    public var group: RankingGroup? {
        switch self {
        case .person, .team: nil
        case .project: .project
        case .channel: .channel
        }
    }
}

/// A ranking of people or teams, as `rank` prints it: its JSON
/// (``JSONOutput/written(_:)``), its heading, and the rows a front end lays out.
public struct RankingReport: JSONWritable, Sendable {
    /// The scoring policy's version the ranking was computed with.
    public let policyVersion: Int
    /// The period asked for, like `2026-Q4`.
    public let period: String
    /// The first day scored.
    public let from: LocalDate
    /// The last day scored: today, within a period not yet over.
    public let to: LocalDate
    /// Weeks in the window, as scoring counts them.
    public let weeks: Int
    /// Whether ``people`` or ``teams`` is filled.
    public let by: RankingSubject
    /// The people shown, best first (empty when ranking teams).
    public let people: [PersonScore]
    /// The teams shown, best first (empty when ranking people).
    public let teams: [TeamScore]
    /// How many were ranked, before --top.
    public let ranked: Int
    /// A staff member asked: a small team's leader is not shown (``HiddenPeople/smallTeam``).
    public let seenByStaff: Bool

    /// The first `top` people or teams of `result` (all when nil).
    public init(_ result: RankingResult, by: RankingSubject = .person, top: Int? = nil) {
        if by == .person {
            self.init(result, by: by, people: Array(result.people.prefix(top ?? .max)), ranked: result.people.count, teams: [])
        } else {
            // Projects and kinds of channel are ranked from their own rankings (``init(_:groups:by:top:)``).
            self.init(result, groups: by == .team ? Ranking.teams(result.people) : [], by: by, top: top)
        }
    }

    /// The first `top` of `groups` (teams, or projects or channel kinds
    /// ranked as teams), within the period and policy of `result`.
    public init(_ result: RankingResult, groups: [TeamScore], by: RankingSubject, top: Int? = nil) {
        self.init(result, by: by, people: [], ranked: groups.count, teams: Array(groups.prefix(top ?? .max)))
    }

    private init(_ result: RankingResult, by: RankingSubject, people: [PersonScore], ranked: Int, teams: [TeamScore]) {
        policyVersion = result.policyVersion
        period = result.period.description
        from = result.window.lowerBound
        to = result.window.upperBound
        weeks = PersonScoreBuilder.weeks(in: result.window)
        seenByStaff = result.seenByStaff
        self.by = by
        self.people = people
        self.ranked = ranked
        self.teams = teams
    }

    /// The leader a viewer may see of `team`: none in a small team, for staff.
    public func leader(of team: TeamScore) -> ScoredPerson? {
        seenByStaff && team.advocates < HiddenPeople.smallTeam ? nil : team.leader
    }

    /// Nothing to show: no action in the period (or none matching the filters).
    public var isEmpty: Bool { people.isEmpty && teams.isEmpty }

    /// Written directly rather than through `JSONEncoder`: a ranking of a
    /// whole department is the largest JSON `advocacy` prints (see ``JSONWriter``).
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("by", by.rawValue)
            json.field("from", from.description)
            json.key("items")
            switch by {
            case .person: json.array(people) { json, score in PersonItem(score).write(to: &json) }
            case .team, .project, .channel:
                let key: StaticString = by == .project ? "project" : by == .channel ? "channel" : "team"
                json.array(teams) { json, team in TeamItem(team, leader: leader(of: team), key: key).write(to: &json) }
            }
            json.field("period", period)
            json.field("policyVersion", policyVersion)
            json.field("to", to.description)
            json.field("weeks", weeks)
        }
    }

    /// The line above the table: "Ranking for " and ``scope``.
    public var heading: String { "Ranking for \(scope)" }

    /// "2026-Q4 (2026-10-01 to 2026-11-21, 8 weeks) · policy version 1 · 20 people ranked …"
    public var scope: String {
        let count =
            switch by {
            case .person: "\(ranked) \(ranked == 1 ? "person" : "people") ranked"
            case .team: "\(ranked) team\(ranked == 1 ? "" : "s") ranked"
            case .project: "\(ranked) project\(ranked == 1 ? "" : "s") ranked"
            case .channel: "\(ranked) kind\(ranked == 1 ? "" : "s") of channel ranked"
            }
        return "\(period) (\(from) to \(to), \(weeks) week\(weeks == 1 ? "" : "s")) · policy version \(policyVersion) · \(count)"
            + (by == .person && !people.isEmpty ? " · 'advocacy explain EMAIL' shows where the points come from" : "")
    }
}

extension PersonScore {
    /// The name, marked when the person has left (deactivated).
    public var displayName: String { person.isActive ? person.name : person.name + " (inactive)" }
}

/// One person in a ranking, as JSON: an element of `rank`'s items, written
/// by ``JSONWriter``, and the `result` of `explain`, encoded by `JSONEncoder`.
/// Both are locked by the golden files of `GoldenJSONTests`, which also check
/// that the two agree for the same person.
public struct PersonItem: JSONWritable, Encodable {
    /// The person's score and place.
    public let score: PersonScore
    /// The item of `score`.
    public init(_ score: PersonScore) { self.score = score }

    /// Keys in sorted order, as everywhere ``JSONWriter`` is used. A
    /// placeholder has the same keys, every one but its place null.
    public func write(to json: inout JSONWriter) {
        if score.person.isPlaceholder {
            json.object { json in
                let before: [StaticString] = ["actions", "active", "audience", "components"]
                for key in before { json.field(key, nil as Int?) }
                json.field("email", score.person.email.value)
                json.field("engagement", nil as Int?)
                json.field("flags", nil as Int?)
                json.field("name", score.person.name)
                json.field("pending", nil as Int?)
                json.field("rank", score.rank)
                let after: [StaticString] = ["score", "tFactor", "team", "tier", "weeks", "weeksActive"]
                for key in after { json.field(key, nil as Int?) }
            }
            return
        }
        json.object { json in
            json.field("actions", score.actions)
            json.field("active", score.person.isActive)
            json.field("audience", score.audience)
            json.key("components")
            json.object { json in
                let components = score.components
                json.field("alignment", components.alignment)
                json.field("authenticity", components.authenticity)
                json.field("consistency", components.consistency)
                json.field("effort", components.effort)
                json.field("quality", components.quality)
                json.field("reach", components.reach)
            }
            json.field("email", score.person.email.value)
            json.field("engagement", score.engagement)
            json.key("flags")
            json.array(score.flags) { json, flag in
                json.object { json in
                    json.field("kind", flag.kind.rawValue)
                    json.field("multiplier", flag.multiplier)
                    json.field("reason", flag.reason)
                }
            }
            json.field("name", score.person.name)
            json.field("pending", score.pendingActions)
            json.field("rank", score.rank)
            json.field("score", score.score)
            json.field("tFactor", score.tFactor)
            json.field("team", score.person.team)
            json.field("tier", score.tier.rawValue)
            json.field("weeks", score.weeks)
            json.field("weeksActive", score.weeksActive)
        }
    }

    enum CodingKeys: String, CodingKey {
        case actions, active, audience, components, email, engagement, flags, name, pending, rank, score, tFactor, team, tier,
            weeks, weeksActive
    }

    /// Absent values are encoded as `null`, as ``write(to:)`` writes them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(score.actions, forKey: .actions)
        try c.encode(score.person.isActive, forKey: .active)
        try c.encode(score.audience, forKey: .audience)
        try c.encode(score.components, forKey: .components)
        try c.encode(score.person.email.value, forKey: .email)
        try c.encode(score.engagement, forKey: .engagement)
        try c.encode(score.flags, forKey: .flags)
        try c.encode(score.person.name, forKey: .name)
        try c.encode(score.pendingActions, forKey: .pending)
        try c.encode(score.rank, forKey: .rank)
        try c.encode(score.score, forKey: .score)
        try c.encode(score.tFactor, forKey: .tFactor)
        try c.encode(score.person.team, forKey: .team)
        try c.encode(score.tier.rawValue, forKey: .tier)
        try c.encode(score.weeks, forKey: .weeks)
        try c.encode(score.weeksActive, forKey: .weeksActive)
    }
}

/// One team in a ranking, as JSON: an element of `rank --by team`'s items.
public struct TeamItem: JSONWritable {
    /// The team's score and place.
    public let team: TeamScore
    /// Nil when the viewer may not see it (a small team, for staff).
    public let leader: ScoredPerson?
    /// What the group is keyed as: `team`, `project` or `channel`.
    public let key: StaticString

    /// The item of `team`, naming `leader` (``RankingReport/leader(of:)``).
    public init(_ team: TeamScore, leader: ScoredPerson?, key: StaticString = "team") {
        self.team = team
        self.leader = leader
        self.key = key
    }

    /// Keys in sorted order (the group's name under ``key``); a leader the viewer may not see is `null`.
    public func write(to json: inout JSONWriter) {
        var fields: [(String, (inout JSONWriter) -> Void)] = [
            ("actions", { $0.field("actions", team.actions) }), ("advocates", { $0.field("advocates", team.advocates) }),
            ("engagement", { $0.field("engagement", team.engagement) }),
            ("leader", { $0.field("leader", leader?.email.value) }), ("rank", { $0.field("rank", team.rank) }),
            ("score", { $0.field("score", team.score) }),
        ]
        fields.append((key.description, { $0.field(key, team.team) }))
        json.object { json in
            for (_, write) in fields.sorted(by: { $0.0 < $1.0 }) { write(&json) }
        }
    }
}

/// An explanation as JSON, through `JSONEncoder` like every output but the
/// ranking: the person's ranking item and each action's part. Absent values
/// are encoded as `null`, so every explanation has the same keys. Printed by
/// ``JSONOutput/encoded(_:)``.
public struct ExplanationReport: Encodable {
    /// What is explained.
    public let explanation: Explanation
    /// The JSON form of `explanation`.
    public init(_ explanation: Explanation) { self.explanation = explanation }

    enum CodingKeys: String, CodingKey { case actions, email, from, name, period, policyVersion, rankedPeople, result, to }

    enum ActionKeys: String, CodingKey {
        case alignment, audience, audienceSource, channel, date, duplicate, effort, effortSource, engagement, expectedRate, kind,
            lowEngagement, points, projects, quality, qualityCapped, rate, tier, title, url
        case review, reviewNote, gainIfAccepted, effortIfAccepted, qualityIfAccepted
    }

    /// Every action's keys, then the person's, in sorted order.
    public func encode(to encoder: any Encoder) throws {
        let e = explanation
        var c = encoder.container(keyedBy: CodingKeys.self)
        var list = c.nestedUnkeyedContainer(forKey: .actions)
        for action in e.actions {
            let s = action.score
            var a = list.nestedContainer(keyedBy: ActionKeys.self)
            try a.encode(s.alignment, forKey: .alignment)
            try a.encode(s.audience.size, forKey: .audience)
            try a.encode(s.audience.source, forKey: .audienceSource)
            try a.encode(action.channel.string, forKey: .channel)
            try a.encode(s.facts.day, forKey: .date)
            try a.encode(s.duplicateMultiplier < 1, forKey: .duplicate)
            try a.encode(s.effort, forKey: .effort)
            try a.encode(s.effortIsOwn ? "own" : "kind", forKey: .effortSource)
            try a.encode(s.engagement, forKey: .engagement)
            try a.encode([s.expectedRate.low, s.expectedRate.high], forKey: .expectedRate)
            try a.encode(s.facts.kind.rawValue, forKey: .kind)
            try a.encode(s.isLowEngagement, forKey: .lowEngagement)
            try a.encode(s.points, forKey: .points)
            try a.encode(action.projects.map(\.value), forKey: .projects)
            try a.encode(s.quality, forKey: .quality)
            try a.encode(s.qualityIsCapped, forKey: .qualityCapped)
            try a.encode(s.rate.map { $0 * 100 }, forKey: .rate)
            try a.encode(s.tier.rawValue, forKey: .tier)
            try a.encode(action.title, forKey: .title)
            try a.encode(action.url.string, forKey: .url)
            try a.encode(action.review.rawValue, forKey: .review)
            try a.encode(action.reviewNote, forKey: .reviewNote)
            try a.encode(action.gainIfAccepted, forKey: .gainIfAccepted)
            try a.encode(s.effortIfAccepted, forKey: .effortIfAccepted)
            try a.encode(s.qualityIfAccepted, forKey: .qualityIfAccepted)
        }
        try c.encode(e.person.email.value, forKey: .email)
        try c.encode(e.window.lowerBound, forKey: .from)
        try c.encode(e.person.name, forKey: .name)
        try c.encode(e.period.description, forKey: .period)
        try c.encode(e.policyVersion, forKey: .policyVersion)
        try c.encode(e.rankedPeople, forKey: .rankedPeople)
        try c.encode(e.score.map(PersonItem.init), forKey: .result)
        try c.encode(e.window.upperBound, forKey: .to)
    }
}

extension ActionScore.Audience {
    /// "impressions", "followers" or nil.
    var source: String? {
        switch self {
        case .impressions: "impressions"
        case .followers: "followers"
        case .unknown: nil
        }
    }
}

/// An explanation in plain words: what `explain` prints, and what the server shows.
public struct ExplanationText {
    /// What is explained.
    public let explanation: Explanation
    /// The words for `explanation`.
    public init(_ explanation: Explanation) { self.explanation = explanation }

    /// The lines, joined by line feeds, with no line feed at the end, control
    /// characters in names, titles and notes shown as escapes
    /// (``TerminalText/visible(_:)``): the words the CLI prints, ready for a
    /// page to escape as HTML.
    public func render() -> String {
        TerminalText.visible(lines().joined(separator: "\n"))
    }

    private func lines() -> [String] {
        let e = explanation, policy = e.policy
        let weeks = PersonScoreBuilder.weeks(in: e.window)
        var lines = [
            "\(e.person.name) <\(e.person.email)>\(e.person.team.map { " · \($0)" } ?? "")",
            "\(e.period) (\(e.window.lowerBound) to \(e.window.upperBound), \(weeks) week\(weeks == 1 ? "" : "s")) · policy version \(e.policyVersion)",
        ]
        guard let score = e.score else {
            lines.append("No action in this period, so no score. Log one with 'advocacy log URL'.")
            return lines
        }
        let audience =
            score.audience.map { "largest audience \(NumberText.grouped($0)) followers" } ?? "no follower count recorded"
        lines.append(
            "Score \(Format.tenths(score.score)) out of 100 · rank \(score.rank) of \(e.rankedPeople) · tier \(score.tier.rawValue) (\(audience))"
                + " · \(score.actions) action\(score.actions == 1 ? "" : "s") · engagement \(Format.whole(score.engagement)) · t-factor \(score.tFactor)"
        )
        lines.append("")
        lines.append("Each action's points = hours of work × quality × alignment (× any flag):")
        for action in e.actions {
            lines += describe(action, policy: policy)
        }
        if score.pendingActions > 0 {
            lines.append(
                "\(score.pendingActions) action\(score.pendingActions == 1 ? " awaits" : "s await") review and count only up to the policy's caps;"
                    + " accepted, \(score.pendingActions == 1 ? "it" : "they") would add \(Format.signedTenths(e.gainIfAllAccepted)) points."
            )
        }
        lines.append("")
        lines.append("Where the \(Format.tenths(score.score)) points come from:")
        let half = Format.number(score.halfWorkHours)
        let c = score.components
        let rows: [(String, Double, String)] = [
            (
                "effort", c.effort,
                "\(Format.number(score.hours)) hours of work; \(Format.number(policy.workPoints)) points × hours ÷ (hours + \(half)), \(half) being \(Format.number(policy.halfWorkHoursPerWeek)) hours a week"
            ),
            (
                "quality", c.quality,
                "engagement against the tiers' norms makes them \(Format.number(score.qualityHours)) quality-weighted hours"
            ),
            (
                "alignment", c.alignment,
                "the projects' strategic weights make them \(Format.number(score.alignedHours)) aligned hours"
            ),
            (
                "authenticity", c.authenticity,
                !score.flags.contains { !$0.kind.isGaming }
                    ? "no flag that costs points"
                        + (score.flags.isEmpty ? "" : " (the flags for gaming below cost nothing unless confirmed)")
                    : "the flags below"
                        + (score.countedPoints < score.alignedHours
                            ? " leave \(Format.number(score.countedPoints)) hours counted" : "")
            ),
            (
                "consistency", c.consistency,
                "active in \(score.weeksActive) of \(score.weeks) weeks × \(Format.number(policy.consistencyPoints)) points"
            ),
            (
                "reach", c.reach,
                score.audience.map {
                    "log(1 + \(NumberText.grouped($0))) ÷ log(1 + \(NumberText.grouped(policy.reachCeiling))) = \(String(format: "%.2f", score.reachShare)) × \(Format.number(policy.reachPoints)) points"
                } ?? "no audience known"
            ),
        ]
        for (name, value, why) in rows {
            lines.append(
                "  \(name.padding(toLength: 13, withPad: " ", startingAt: 0))\(Format.signedTenths(value).leftPadded(to: 6))  \(why)"
            )
        }
        lines.append(
            "  \("total".padding(toLength: 13, withPad: " ", startingAt: 0))\(Format.tenths(score.score).leftPadded(to: 6))")
        if !score.flags.isEmpty {
            lines.append("")
            lines.append("Flags:")
            for flag in score.flags { lines.append("  \(flag.kind.rawValue): \(flag.reason)") }
        }
        return lines
    }

    private func describe(_ action: ExplainedAction, policy: ScoringPolicy) -> [String] {
        let s = action.score
        let effort = "\(Format.number(s.effort)) h" + (s.effortIsOwn ? " (its own estimate)" : " (\(s.facts.kind.rawValue))")
        let quality: String
        switch s.audience {
        case .unknown:
            quality =
                "quality \(Format.number(s.quality)) (audience unknown: no impressions and no follower count, so it counts at the norm"
                + (s.qualityIfAccepted != nil ? ", held back until reviewed)" : ")")
        case .followers(let size) where s.facts.metrics == nil:
            quality =
                "quality 0 (no metrics recorded yet for its \(NumberText.grouped(size)) followers: add them with 'advocacy metrics \(action.url)')"
        case .impressions(let size), .followers(let size):
            let basis = s.audience.source ?? ""
            let band = "\(s.tier.rawValue) norm \(Format.number(s.expectedRate.low))–\(Format.number(s.expectedRate.high))%"
            quality =
                "quality \(Format.number(s.quality))\(s.qualityIsCapped ? " (capped)" : "") (engagement \(Format.whole(s.engagement)) on \(NumberText.grouped(size)) \(basis) = \(Format.percent(s.rate ?? 0)); \(band))"
        }
        let alignment =
            action.projects.isEmpty
            ? "alignment \(Format.number(s.alignment)) (no project)"
            : "alignment \(Format.number(s.alignment)) (\(action.projects.map(\.value).joined(separator: ", ")), weight \(s.facts.strategicWeight ?? 0))"
        var flags: [String] = []
        if s.isLowEngagement { flags.append("× \(Format.number(s.lowEngagementMultiplier)) low engagement") }
        if s.duplicateMultiplier < 1 { flags.append("× \(Format.number(s.duplicateMultiplier)) duplicate content") }
        if s.pendingShare < 1 { flags.append("× \(Format.number(s.pendingShare)) weekly cap of pending work") }
        var lines = [
            "  \(s.facts.day) \(s.facts.kind.rawValue) \"\(action.title)\" \(action.url)",
            "      \(effort) × \(quality) × \(alignment)\(flags.isEmpty ? "" : " " + flags.joined(separator: " ")) = \(Format.number(s.points)) points",
        ]
        if let review = Self.review(action, policy: policy) { lines.append("      " + review) }
        return lines
    }

    /// What review says of an action, when there is something to say.
    static func review(_ action: ExplainedAction, policy: ScoringPolicy) -> String? {
        let s = action.score
        let note = action.reviewNote.map { ": \(TerminalText.oneLine($0))" } ?? ""
        switch action.review {
        case .accepted: return action.reviewNote == nil ? nil : "accepted\(note)"
        case .partlyAccepted: return "partly accepted, as corrected\(note)"
        case .rejected: return "rejected\(note); it counts for nothing"
        case .pending:
            let gain = action.gainIfAccepted.map { "; accepted, it would add \(Format.signedTenths($0)) points" } ?? ""
            if s.facts.review == .unconfirmed {
                return
                    "pending review: its address names no account, so it could be anyone's: it counts for nothing until accepted, or confirmed by the author's own export file"
                    + gain
            }
            var held: [String] = []
            if let quality = s.qualityIfAccepted {
                held.append(
                    s.facts.metrics == nil
                        ? "quality \(Format.number(s.quality)) without figures (\(Format.number(quality)) once accepted)"
                        : "its typed figures' quality held at \(Format.number(s.quality)) (\(Format.number(quality)) once accepted)"
                )
            }
            if let effort = s.effortIfAccepted {
                held.append(
                    "its own \(Format.number(effort)) h held at the \(s.facts.kind.rawValue) default of \(Format.number(s.effort)) h"
                )
            }
            held.append("it makes no week active until accepted")
            return "pending review: " + held.joined(separator: ", ") + gain
        }
    }
}

/// Numbers as the terminal shows them, and every page that must agree with it.
public enum Format {
    /// One decimal, never `-0.0`: scores and their components.
    public static func tenths(_ value: Double) -> String { String(format: "%.1f", value == 0 ? 0 : value) }
    /// One decimal with a sign, `+` when positive: what a component or an acceptance adds.
    public static func signedTenths(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded > 0 ? "+" + tenths(rounded) : tenths(rounded)
    }
    /// Rounded, with thousands separators: engagement in a sentence.
    public static func whole(_ value: Double) -> String { NumberText.grouped(Int(value.rounded())) }
    /// Without thousands separators: table cells are also CSV cells.
    public static func plainWhole(_ value: Double) -> String { String(Int(value.rounded())) }
    /// Up to two decimals, no trailing zeros: 1.5, 0.25, 8.
    public static func number(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
    /// A fraction as a percentage, as ``number(_:)`` writes it: `0.034` is `3.4%`.
    public static func percent(_ fraction: Double) -> String { number(fraction * 100) + "%" }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
