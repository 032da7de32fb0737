import AdvocacyTestSupport
import Foundation

@testable import AdvocacyCore

/// Builders for scoring tests.
enum Scenario {
    static let quarter = valid { try Period.parse("2026-Q3") }  // 2026-07-01 to 2026-09-30
    static let today = valid { try LocalDate(parsing: "2026-11-21") }
    static var window: ClosedRange<LocalDate> { valid { try Scoring.window(of: quarter, today: today) } }

    static func day(_ text: String) -> LocalDate { valid { try LocalDate(parsing: text) } }

    static func person(_ name: String, team: String? = "Data", active: Bool = true) -> ScoredPerson {
        let local = name.lowercased().replacingOccurrences(of: " ", with: ".")
        return ScoredPerson(email: valid { try EmailAddress("\(local)@corp.fr") }, name: name, team: team, isActive: active)
    }

    /// A person with one channel of `followers` and `posts` posts at `ratePercent`, one a week from July 6.
    static func poster(_ name: String, followers: Int, ratePercent: Double, posts: Int, weight: Int? = 2, team: String? = "Data")
        -> ScoringInput
    {
        let reactions = Int((Double(followers) * ratePercent / 100).rounded())
        let actions = (0..<posts).map { index in
            ScoringInput.Action(
                channel: 0, day: day("2026-07-06").adding(days: 7 * index), kind: .post,
                title: "\(name) on the ERP, part \(index + 1) of the series", metrics: Metrics(reactions: reactions),
                projectWeights: weight.map { [$0] } ?? [])
        }
        return ScoringInput(
            person: person(name, team: team),
            channels: [
                .init(
                    url: valid {
                        try CanonicalURL(
                            "https://linkedin.com/in/\(name.lowercased().replacingOccurrences(of: " ", with: ""))")
                    },
                    followers: [FollowerCount(day: day("2026-06-01"), followers: followers)])
            ],
            actions: actions)
    }
}

/// Random programmes for property tests, from a seed.
struct ProgrammeGenerator {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func action(channels: Int) -> ScoringInput.Action {
        let kinds = ActionKind.allCases
        let hasMetrics = random.chance(0.8)
        return ScoringInput.Action(
            channel: random.int(in: 0...(channels - 1)),
            day: Scenario.day("2026-06-20").adding(days: random.int(in: 0...110)),
            kind: random.pick(kinds),
            title: random.chance(0.15) ? "A repeated article about the data platform" : "Unique title number \(random.next())",
            effortHours: random.chance(0.2) ? Double(random.int(in: 1...20)) : nil,
            metrics: hasMetrics
                ? Metrics(
                    impressions: random.chance(0.4) ? random.int(in: 100...200_000) : nil, reactions: random.int(in: 0...3_000),
                    comments: random.int(in: 0...200), shares: random.int(in: 0...100), clicks: random.int(in: 0...500))
                : nil,
            projectWeights: random.chance(0.7)
                ? [random.int(in: 1...3)] + (random.chance(0.2) ? [random.int(in: 1...3)] : []) : [],
            // Work awaiting review, some of it enough to reach the weekly cap, and a little rejected.
            review: random.chance(0.35) ? .pending : random.chance(0.05) ? .rejected : .accepted)
    }

    mutating func person(index: Int) -> ScoringInput {
        let channelCount = random.int(in: 1...3)
        let channels = (0..<channelCount).map { c in
            var followers = Int(exp(log(2_000.0) + 2 * random.normal())).clamped(to: 0...3_000_000)
            var history: [FollowerCount] = []
            for month in 0..<6 {
                history.append(
                    FollowerCount(
                        day: Scenario.day("2026-05-01").adding(days: 30 * month + random.int(in: 0...3)), followers: followers))
                followers += random.chance(0.1) ? 5_000 : random.int(in: 0...followers / 10 + 1)
            }
            return ScoringInput.Channel(
                url: valid { try CanonicalURL("https://example.com/p\(index)/c\(c)") }, followers: history)
        }
        let actions = (0..<random.int(in: 1...25)).map { _ in action(channels: channelCount) }
        return ScoringInput(
            person: Scenario.person("Person \(index)", team: random.pick(["Data", "Cloud", "Sécurité", nil])),
            channels: channels, actions: actions)
    }

    mutating func programme(people: Int) -> [ScoringInput] { (0..<people).map { person(index: $0) } }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
