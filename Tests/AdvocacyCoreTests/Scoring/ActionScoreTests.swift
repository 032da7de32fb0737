import AdvocacyTestSupport
import Foundation
import Testing

@testable import AdvocacyCore

@Suite("Scoring one action")
struct ActionScoreTests {
    static let day = valid { try LocalDate(parsing: "2026-10-05") }
    let policy = ScoringPolicy.standard

    func score(
        _ kind: ActionKind = .post, effort: Double? = nil, metrics: Metrics? = nil, followers: Int? = nil, weight: Int? = nil
    ) -> ActionScore {
        ActionScore(
            ActionFacts(
                day: Self.day, kind: kind, effortHours: effort, metrics: metrics, followersAtPublication: followers,
                strategicWeight: weight),
            policy: policy)
    }

    @Test(arguments: [
        // reactions, comments, shares, clicks → reactions + 2 × comments + 3 × shares + 0.5 × clicks
        (Metrics(reactions: 10), 10.0),
        (Metrics(reactions: 10, comments: 4), 18.0),
        (Metrics(reactions: 0, shares: 2), 6.0),
        (Metrics(reactions: 1, comments: 1, shares: 1, clicks: 3), 7.5),
    ])
    func engagementWeighsEachInteraction(metrics: Metrics, expected: Double) {
        #expect(score(metrics: metrics).engagement == expected)
    }

    @Test func noMetricsMeansNoEngagement() {
        #expect(score(followers: 500).engagement == 0)
    }

    @Test func rateUsesImpressionsWhenKnownElseFollowers() {
        let withImpressions = score(metrics: Metrics(impressions: 2_000, reactions: 50), followers: 5_000)
        #expect(withImpressions.audience == .impressions(2_000))
        #expect(withImpressions.rate == 0.025)
        let withFollowers = score(metrics: Metrics(reactions: 50), followers: 5_000)
        #expect(withFollowers.audience == .followers(5_000))
        #expect(withFollowers.rate == 0.01)
    }

    @Test func anUnknownAudienceCountsAtTheNorm() {
        let talk = score(.talk, metrics: Metrics(reactions: 30))
        #expect(talk.audience == .unknown)
        #expect(talk.rate == nil)
        #expect(talk.quality == 1)
        #expect(!talk.isLowEngagement)
    }

    @Test(arguments: [
        // followers, engagement rate in %, expected quality: rate ÷ midpoint of the tier's band, at most 3
        (500, 6.0, 1.0),  // nano 4–8 %, midpoint 6
        (5_000, 2.75, 1.0),  // micro 2–3.5 %, midpoint 2.75
        (5_000, 5.5, 2.0),
        (5_000, 20.0, 3.0),  // capped
        (200_000, 1.0, 0.5),  // mid 1.5–2.5 %, midpoint 2
        (600_000, 1.4, 1.0),  // macro 1–1.8 %, midpoint 1.4
        (2_000_000, 0.85, 1.0),  // mega 0.5–1.2 %, midpoint 0.85
    ])
    func qualityIsTheRateAgainstTheTierNorm(followers: Int, ratePercent: Double, expected: Double) {
        let reactions = Int((Double(followers) * ratePercent / 100).rounded())
        let action = score(metrics: Metrics(reactions: reactions), followers: followers)
        #expect(abs(action.quality - expected) < 0.005)  // reactions are rounded to whole numbers
        #expect(action.qualityIsCapped == (ratePercent / 2.75 > 3))
    }

    @Test func aMicroAccountAtItsNormScoresLikeAMacroAccountAtItsOwn() {
        let micro = score(metrics: Metrics(reactions: 275), followers: 10_000)  // 2.75 %
        let macro = score(metrics: Metrics(reactions: 8_400), followers: 600_000)  // 1.4 %
        #expect(abs(micro.quality - macro.quality) < 1e-12)
        #expect(abs(micro.points - macro.points) < 1e-12)
    }

    @Test(arguments: [
        (ActionKind.talk, 8.0), (.article, 6), (.video, 6), (.podcast, 4), (.newsletter, 3), (.post, 1), (.comment, 0.25),
        (.share, 0.1),
    ])
    func effortDefaultsByKind(kind: ActionKind, hours: Double) {
        #expect(score(kind).effort == hours)
        #expect(!score(kind).effortIsOwn)
    }

    @Test func anActionsOwnEffortOverridesItsKind() {
        let talk = score(.talk, effort: 14)
        #expect(talk.effort == 14)
        #expect(talk.effortIsOwn)
    }

    @Test(arguments: [(nil, 0.5), (1, 0.75), (2, 1.0), (3, 1.5)] as [(Int?, Double)])
    func alignmentFollowsTheStrategicWeight(weight: Int?, expected: Double) {
        #expect(score(weight: weight).alignment == expected)
    }

    @Test(arguments: [
        // followers, rate %, flagged: below the band's low end on 10,000 or more
        (9_999, 0.1, false),
        (10_000, 1.9, true),
        (10_000, 2.0, false),
        (600_000, 0.5, true),
        (600_000, 1.0, false),
    ])
    func lowEngagementOnALargeAudienceIsFlagged(followers: Int, ratePercent: Double, flagged: Bool) {
        let reactions = Int((Double(followers) * ratePercent / 100).rounded())
        let action = score(metrics: Metrics(reactions: reactions), followers: followers)
        #expect(action.isLowEngagement == flagged)
        #expect(action.lowEngagementMultiplier == (flagged ? 0.5 : 1))
    }

    @Test func noMetricsYetIsNoEngagementButNoFlag() {
        let post = score(followers: 50_000)
        #expect(post.quality == 0)
        #expect(!post.isLowEngagement)
    }

    @Test func pointsMultiplyEffortQualityAlignmentAndFlags() {
        let article = score(.article, metrics: Metrics(reactions: 110), followers: 2_000, weight: 3)  // 5.5 % on micro: quality 2
        #expect(article.points == 6 * 2 * 1.5)
        #expect(article.qualityPoints == 12)
        #expect(article.alignedPoints == 18)
    }

    /// Fingerprints and address hashes are stored: the hash is pinned to
    /// FNV-1a's published values.
    @Test func theStableHashIsFNV1a() {
        #expect(StableHash.of("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.of("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.of("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func fingerprintsIgnoreCaseAccentsAndPunctuation() {
        let a = ContentFingerprint.of(title: "Refonte de l'ERP : ce que nous avons appris")
        let b = ContentFingerprint.of(title: "refonte de l ERP — ce que nous avons appris!")
        let c = ContentFingerprint.of(title: "Réfonte de l'ERP : ce que nous avons appris")
        #expect(a != 0)
        #expect(a == b)
        #expect(a == c)
        #expect(a != ContentFingerprint.of(title: "Refonte de l'ERP : ce que nous avons compris"))
        #expect(ContentFingerprint.of(title: "Short") == 0)
        // A title `log` made from the address says nothing about the content.
        let post = valid { try CanonicalURL("https://x.com/jane/status/1") }
        #expect(ContentFingerprint.of(title: ActionDraft.title(from: post), url: post) == 0)
        #expect(ContentFingerprint.of(title: "Kafka en production : retour d'expérience", url: post) != 0)
    }

    /// The fast path must give exactly Foundation's words, or stored
    /// fingerprints would stop matching new ones.
    @Test func fastNormalisationMatchesFoundationForEveryLatinScalar() {
        var checked = 0
        for value in 0..<(ContentFingerprint.LatinFolding.limit + 0x40) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "Été \(scalar)crit ça", "x\(scalar)\(scalar)y Œuvre", "\(scalar) 42 ÀÉÎÕÜ ß ĳ"] {
                #expect(
                    ContentFingerprint.normalized(text) == ContentFingerprint.foundationNormalized(text),
                    "U+\(String(value, radix: 16))")
                checked += 1
            }
        }
        #expect(checked > 2_000)
        // Outside the table (Greek, combining accents, emoji): Foundation decides.
        for text in ["Καλημέρα κόσμε", "Cafe\u{301} cre\u{300}me", "Lancement 🚀 réussi", "ﬁnance ＡＰＩ"] {
            #expect(ContentFingerprint.normalized(text) == ContentFingerprint.foundationNormalized(text))
        }
    }

    /// Emoji and symbols between the words of a post (🎉, 🧵, a family
    /// joined by ZWJ, a skin tone, a flag, a variation selector) take the
    /// fast path too, and must give Foundation's words wherever they stand.
    @Test func fastNormalisationMatchesFoundationAroundEmojiAndSymbols() {
        var symbols: [String] = []
        for block in ContentFingerprint.SymbolSeparators.blocks {
            for value in block.lowerBound..<block.upperBound where value % 7 == 0 {
                if let scalar = Unicode.Scalar(value) { symbols.append(String(scalar)) }
            }
        }
        symbols += ["🎉", "🧵", "👍🏽", "👨\u{200D}👩\u{200D}👧", "🇫🇷", "❤\u{FE0F}", "☎\u{FE0E}", "™", "①", "→", "\u{200D}", "\u{FE0F}"]
        var fast = 0
        for symbol in symbols {
            for text in [
                "Lancement \(symbol) réussi", "\(symbol)épisode 12\(symbol)", "a\(symbol)b\(symbol)\(symbol)c",
                "\(symbol)", "Café\(symbol)\u{301}x", "Kafka\(symbol)\u{200D}é",
            ] {
                #expect(
                    ContentFingerprint.normalized(text) == ContentFingerprint.foundationNormalized(text),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                if ContentFingerprint.symbolSeparators.contains(symbol.unicodeScalars.first!) { fast += 1 }
            }
        }
        // Most of the symbol blocks are separators Foundation agrees on.
        #expect(fast > 1_000)
    }
}
