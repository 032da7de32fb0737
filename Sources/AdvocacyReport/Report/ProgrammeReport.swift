import AdvocacyCore
import Foundation

/// The CIO's report on the programme: what it says, worked out once from a
/// ``ProgrammeReview`` and written as HTML (``html()``), Markdown
/// (``markdown()``) or terminal text (``text()``), in French or English.
public struct ProgrammeReport: Sendable {
    public let review: ProgrammeReview
    public let language: ReportLanguage
    let words: ReportWording

    /// How many people the top chart shows, and the terminal's shorter list.
    static let topCount = 20
    static let shortTopCount = 10
    static let riserCount = 10
    /// Flags listed before "and N more": a report is read, not searched.
    static let flagLimit = 40
    static let shortFlagLimit = 10

    public init(_ review: ProgrammeReview, language: ReportLanguage) {
        let words = ReportWording(language: language, policy: review.policy)
        // The store masked those hidden from this reader; the page says so in its own language.
        var review = review
        for index in review.current.people.indices where review.current.people[index].person.isMasked {
            review.current.people[index].person.name = words.hiddenPerson
        }
        for index in review.comparison.people.indices where review.comparison.people[index].person.isMasked {
            review.comparison.people[index].person.name = words.hiddenPerson
        }
        self.review = review
        self.language = language
        self.words = words
    }

    var current: PeriodReview { review.current }
    var comparison: PeriodReview { review.comparison }
    var currency: String { review.policy.rewards.currency }

    /// Active employees with at least one action in the period.
    func advocates(in period: PeriodReview) -> Int {
        period.people.lazy.filter(\.person.isActive).count
    }

    func top(_ count: Int) -> ArraySlice<PersonScore> { current.people.prefix(count) }

    var risers: [ScoreChange] {
        ScoreChange.risers(now: current.people, before: comparison.people, limit: Self.riserCount)
    }

    /// Active projects nobody spoke for in the period.
    var gaps: [ProjectCoverage] { review.projects.filter(\.isGap) }

    /// Every flag of the period, in ranking order.
    var flags: [(person: PersonScore, flag: AuthenticityFlag)] {
        current.people.flatMap { score in score.flags.map { (score, $0) } }
    }

    /// People per tier, every tier listed.
    func tierCounts(in period: PeriodReview) -> [(tier: AudienceTier, people: Int)] {
        var counts = [AudienceTier: Int]()
        for score in period.people { counts[score.tier, default: 0] += 1 }
        return AudienceTier.allCases.map { ($0, counts[$0] ?? 0) }
    }

    /// Tiers with a median engagement rate in either period.
    var ratedTiers: [AudienceTier] {
        AudienceTier.allCases.filter {
            current.activity.medianRate(of: $0) != nil || comparison.activity.medianRate(of: $0) != nil
        }
    }

    /// Whether the period is still running: its figures are to date.
    var isPartial: Bool { current.window.upperBound < current.period.end }

    /// The programme's reward money in the period: what is proposed (every
    /// proposal not rejected), and how much of it is approved (granted
    /// rewards were approved first).
    var rewardMoney: (proposedCents: Int, approvedCents: Int) {
        review.rewards.reduce(into: (0, 0)) { sums, tally in
            switch tally.status {
            case .proposed: sums.0 += tally.costCents
            case .approved, .granted:
                sums.0 += tally.costCents
                sums.1 += tally.costCents
            case .rejected: break
            }
        }
    }

    /// A comparison figure: "au même stade 44 (en tout 79)" while the
    /// current period runs, the whole period's figure once it is over.
    func compared(early: String, whole: String) -> String {
        isPartial ? words.sameStage(early, whole: whole) : whole
    }

    /// Actions per week over the days scored, so a period still running
    /// compares fairly with a finished one.
    func weeklyPace(_ period: PeriodReview) -> Double {
        let days = period.window.lowerBound.days(until: period.window.upperBound) + 1
        return Double(period.activity.actions) * 7 / Double(max(days, 1))
    }

    /// What the CIO should see first: who leads, the pace against the
    /// comparison period, the projects nobody spoke for, the flags to look at.
    var highlights: [String] {
        var lines: [String] = []
        if let leader = current.people.first {
            lines.append(words.leader(leader.person.name, score: score(leader.score), tier: words.tier(leader.tier)))
        }
        lines.append(
            words.pace(
                now: language.number(weeklyPace(current), decimals: 1),
                before: language.number(weeklyPace(comparison), decimals: 1),
                comparison: comparisonName))
        let gaps = self.gaps
        if !gaps.isEmpty { lines.append(words.gapsHighlight(gaps.map(\.project.code.value))) }
        let flagged = current.people.filter { !$0.flags.isEmpty }.count
        if flagged > 0 { lines.append(words.flagsHighlight(flagged)) }
        return lines
    }

    // MARK: Phrases shared by every format

    var title: String { words.title }

    /// "T4 2026, au 21 novembre 2026 (52 jours sur 92)"
    var periodLine: String {
        let name = language.period(current.period)
        guard isPartial else { return name }
        let elapsed = current.window.lowerBound.days(until: current.window.upperBound) + 1
        return words.toDate(name, day: language.date(current.window.upperBound), elapsed: elapsed, of: current.period.dayCount)
    }

    var comparisonName: String { language.period(comparison.period) }
    var currentName: String { language.period(current.period) }

    /// "Politique de score v3 · établi le 21 novembre 2026"
    var provenance: String {
        words.provenance(
            version: review.policyVersion,
            comparison: review.comparisonPolicyVersion == review.policyVersion
                ? nil : (comparisonName, review.comparisonPolicyVersion),
            on: language.date(review.today))
    }

    func score(_ value: Double) -> String { language.number(value, decimals: 1) }

    func advocatesFigure(_ period: PeriodReview) -> String {
        "\(language.integer(advocates(in: period))) / \(language.integer(review.activeEmployees))"
    }

    func money(_ cents: Int) -> String { language.money(cents: cents, currency: currency) }

    /// "32,1 → 58,4 (+26,3)", or "nouveau → 41,0 (+41,0)".
    func change(_ riser: ScoreChange) -> String {
        let before = riser.before.map(score) ?? words.newcomer
        return "\(before) → \(score(riser.after)) (\(language.signed(riser.gain, decimals: 1)))"
    }

    /// "12 actions · 4 ambassadeurs · engagement 1 234"
    func coverageLine(_ project: ProjectCoverage) -> String {
        project.advocates == 0
            ? words.noAdvocate
            : words.coverage(
                actions: project.actions, advocates: project.advocates, engagement: language.number(project.engagement))
    }
}
