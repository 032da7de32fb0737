import AdvocacyTestSupport
import Foundation
import Testing

@testable import AdvocacyCore

/// The worked example of docs/scoring.md, number for number. If this test
/// changes, the document changes with it.
@Suite("docs/scoring.md worked example")
struct WorkedExampleTests {
    static let jane = ScoringInput(
        person: Scenario.person("Jane Doe"),
        channels: [
            .init(
                url: valid { try CanonicalURL("https://linkedin.com/in/janedoe") },
                followers: [
                    FollowerCount(day: Scenario.day("2026-06-01"), followers: 4_000),
                    FollowerCount(day: Scenario.day("2026-09-01"), followers: 5_200),
                ]),
            .init(url: valid { try CanonicalURL("https://sessionize.com/janedoe") }, followers: []),
        ],
        actions: [
            .init(
                channel: 0, day: Scenario.day("2026-07-08"), kind: .article, title: "Refonte de l'ERP : ce que nous avons appris",
                metrics: Metrics(impressions: 4_000, reactions: 80, comments: 10, shares: 5, clicks: 20), projectWeights: [3]),
            .init(
                channel: 0, day: Scenario.day("2026-07-20"), kind: .post, title: "Une photo de l'équipe au salon",
                metrics: Metrics(reactions: 36, comments: 2)),
            .init(
                channel: 1, day: Scenario.day("2026-09-15"), kind: .talk, title: "La plateforme de données en production",
                effortHours: 10, projectWeights: [2]),
        ])

    let result = present(Scoring.score(jane, policy: .standard, window: Scenario.window))

    @Test func eachActionsPoints() {
        let (article, post, talk) = (result.actions[0], result.actions[1], result.actions[2])
        // Article: 80 + 2 × 10 + 3 × 5 + 0.5 × 20 = 125 on 4,000 impressions = 3.125 %;
        // micro norm 2–3.5 %, midpoint 2.75 %: quality 3.125 / 2.75; 6 h; ERP weight 3: × 1.5.
        #expect(article.engagement == 125)
        #expect(article.rate == 0.03125)
        #expect(article.tier == .micro)
        #expect(abs(article.quality - 3.125 / 2.75) < 1e-12)
        #expect(abs(article.points - 6 * (3.125 / 2.75) * 1.5) < 1e-12)
        // Post: 36 + 2 × 2 = 40 on 4,000 followers (no impressions) = 1 %; quality 1 / 2.75; 1 h; untagged: × 0.5.
        #expect(post.engagement == 40)
        #expect(post.audience == .followers(4_000))
        #expect(abs(post.points - 1 * (1 / 2.75) * 0.5) < 1e-12)
        #expect(!post.isLowEngagement)  // below the band, but on fewer than 10,000 followers
        // Talk: no audience known, so quality 1; its own 10 h; DATA weight 2: × 1.
        #expect(talk.audience == .unknown)
        #expect(talk.points == 10)
    }

    @Test func theScoreAndItsComponents() {
        let score = result.score
        let hours = 6.0 + 1 + 10
        let qualityHours = 6 * (3.125 / 2.75) + 1 / 2.75 + 10
        let alignedHours = 6 * (3.125 / 2.75) * 1.5 + 1 / 2.75 * 0.5 + 10
        let half = 4.0 * 14  // 4 hours a week over the 14 weeks of 2026-Q3
        func work(_ h: Double) -> Double { 60 * h / (h + half) }
        let exact = score.exactComponents
        #expect(abs(exact.effort - work(hours)) < 1e-5)
        #expect(abs(exact.quality - (work(qualityHours) - work(hours))) < 1e-5)
        #expect(abs(exact.alignment - (work(alignedHours) - work(qualityHours))) < 1e-5)
        #expect(abs(exact.authenticity) < 1e-9)
        #expect(abs(exact.consistency - 25.0 * 3 / 14) < 1e-12)  // active in 3 of 14 weeks
        #expect(abs(exact.reach - 15 * log10(5_201) / log10(1_000_001)) < 1e-12)  // 5,200 followers on September 30
        // As printed, in tenths that add up.
        #expect(score.components.values == [14.0, 0.1, 1.9, 0, 5.4, 9.3])
        #expect(score.score == 30.7)
        #expect(score.tier == .micro)
        #expect(score.tFactor == 2)  // two actions with at least 2 engagement (125 and 40)
        #expect(score.engagement == 165)
        #expect(score.flags.isEmpty)
    }
}
