import Foundation
import Testing

@testable import AdvocacyCore

/// The worked example of docs/rewards.md, cent for cent. If this test
/// changes, the document changes with it.
@Suite("docs/rewards.md worked example")
struct RewardsWorkedExampleTests {
    typealias R = Rewarded

    static let people: [(name: String, score: Double, tier: AudienceTier, hours: [String: Double], actions: [ActionKind: Int])] =
        [
            ("Alice Martin", 80, .mid, ["ERP-2027": 30], [.article: 4, .talk: 2]),
            ("Bruno Petit", 60, .micro, ["DATA-PLAT": 20], [.article: 3, .talk: 1]),
            ("Chloé Durand", 45, .micro, ["ERP-2027": 10], [.post: 6, .article: 1]),
            ("David Leroy", 30, .micro, ["DATA-PLAT": 12], [.video: 2]),
            ("Emma Moreau", 25, .micro, ["SEC-ZT": 8], [.article: 2]),
            ("Farid Haddad", 20, .micro, ["ERP-2027": 6], [.post: 4]),
            ("Gaëlle Roux", 12, .nano, ["ERP-2027": 4], [.post: 2]),
            ("Hugo Blanc", 8, .nano, [:], [.share: 3]),
        ]

    static let catalogue = [
        R.item("CONF-DEVOXX", .conference, cents: 55_000, stock: 2),
        R.item("CERT-AWS", .certification, cents: 30_000, stock: 5),
        R.item("TRAIN-DATA", .training, cents: 38_000, stock: 3, projects: ["DATA-PLAT"]),
        R.item("TRAIN-SPEAK", .training, cents: 35_000, stock: 4, minTier: .micro),
        R.item("BOOK-DDD", .book, cents: 4_500, stock: 20),
        R.item("LUNCH-CIO", .recognition, cents: 6_000, stock: 6, maxPerPerson: 1),
        R.item("GIFT-100", .voucher, cents: 10_000),
    ]

    static let wishes = [
        "Alice Martin": ["CONF-DEVOXX"],
        "Bruno Petit": ["CONF-DEVOXX", "CERT-AWS"],
        "Chloé Durand": ["CONF-DEVOXX"],
        "Farid Haddad": ["CERT-AWS"],
        "Gaëlle Roux": ["TRAIN-SPEAK"],
    ]

    static let input = AllocationInput(
        policy: .standard, budgetCents: 300_000,
        candidates: people.enumerated().map { index, person in
            R.candidate(
                person.name, person.score, rank: index + 1, tier: person.tier, hours: person.hours, actions: person.actions)
        },
        catalogue: catalogue,
        wishes: Dictionary(uniqueKeysWithValues: wishes.map { (R.email($0.key), $0.value.map(R.code)) }))

    let result = RewardAllocation.allocate(Self.input)

    @Test func hugoIsBelowTheMinimumScore() {
        #expect(result.heldBack.map(\.score.person.name) == ["Hugo Blanc"])
        #expect(result.heldBack.map(\.reason) == [.scoreNotAboveMinimum(10)])
    }

    @Test func theEntitlementsOfTheTable() {
        let budget = 300_000.0, cap = 60_000
        #expect(RewardPolicy.standard.maxShareCents(of: 300_000) == cap)
        let roots = [80.0, 60, 45, 30, 25, 20, 12].map { $0.squareRoot() }
        // Round 1: Alice's share of the whole budget is above the cap of 600.00 EUR; nobody else's is.
        let first = roots.map { budget * $0 / roots.reduce(0, +) }
        #expect(first[0] > Double(cap) && first.dropFirst().allSatisfy { $0 < Double(cap) })
        #expect(Int(first[0]) == 64_175)
        // Round 2: the 2,400.00 EUR left is shared by the other six in proportion to √score.
        let rest = roots.dropFirst().reduce(0, +)
        let second = roots.dropFirst().map { Int((budget - Double(cap)) * $0 / rest) }
        #expect(second.allSatisfy { $0 < cap })
        #expect(result.entitlements.map(\.entitlementCents) == [cap] + second)
        // As printed in docs/rewards.md.
        #expect(result.entitlements.map(\.entitlementCents) == [60_000, 56_561, 48_983, 39_994, 36_510, 32_655, 25_294])
        #expect(result.entitlements.map(\.entitlementCents).reduce(0, +) == 299_997)
    }

    @Test func theItemsOfTheTable() {
        #expect(result.codes(for: "Alice Martin") == ["CONF-DEVOXX", "BOOK-DDD"])
        #expect(result.codes(for: "Bruno Petit") == ["CONF-DEVOXX", "BOOK-DDD"])
        #expect(result.codes(for: "Chloé Durand") == ["TRAIN-SPEAK", "BOOK-DDD"])
        #expect(result.codes(for: "David Leroy") == ["TRAIN-DATA", "BOOK-DDD"])
        #expect(result.codes(for: "Emma Moreau") == ["TRAIN-SPEAK", "BOOK-DDD"])
        #expect(result.codes(for: "Farid Haddad") == ["CERT-AWS", "BOOK-DDD"])
        #expect(result.codes(for: "Gaëlle Roux") == ["BOOK-DDD", "LUNCH-CIO"])
        #expect(result.codes(for: "Hugo Blanc").isEmpty)
        #expect(
            result.proposals.filter(\.fromLeftover).map { "\($0.email) \($0.item.code)" } == [
                "bruno.petit@corp.fr BOOK-DDD", "david.leroy@corp.fr BOOK-DDD", "emma.moreau@corp.fr BOOK-DDD",
                "farid.haddad@corp.fr BOOK-DDD",
            ])
        #expect(result.proposal("David Leroy", "TRAIN-DATA")?.reason == .work(R.project("DATA-PLAT")))
        // No voucher: the leftover round never swaps a development reward for one.
        #expect(result.proposals.allSatisfy { $0.item.category != .voucher })
        // 595 + 595 + 395 + 425 + 395 + 345 + 105 = 2,855.00 EUR; 145.00 EUR stays unspent.
        #expect(result.entitlements.map(\.proposedCents) == [59_500, 59_500, 39_500, 42_500, 39_500, 34_500, 10_500])
        #expect(result.proposedCents == 285_500)
        #expect(result.remainingCents == 14_500)
    }

    @Test func theRationalesQuoted() {
        #expect(
            result.proposal("Bruno Petit", "CONF-DEVOXX")?.rationale
                == "Rank 2 of 8 with 60 points (micro tier) for 3 articles and 1 talk, mostly on DATA-PLAT; entitled to 565.61 EUR of the 3,000.00 EUR budget; CONF-DEVOXX was their wish no. 1."
        )
        #expect(
            result.proposal("David Leroy", "TRAIN-DATA")?.rationale
                == "Rank 4 of 8 with 30 points (micro tier) for 2 videos, mostly on DATA-PLAT; entitled to 399.94 EUR of the 3,000.00 EUR budget; TRAIN-DATA relates to their work on DATA-PLAT."
        )
        #expect(
            result.proposal("Emma Moreau", "BOOK-DDD")?.rationale
                == "Rank 5 of 8 with 25 points (micro tier) for 2 articles, mostly on SEC-ZT; entitled to 365.10 EUR of the 3,000.00 EUR budget; BOOK-DDD is a book reward that fits, paid from the budget left once every entitlement was used."
        )
    }

    /// docs/rewards.md quotes the sentences and the policy file as the code writes them.
    @Test func theDocumentQuotesWhatTheCodeWrites() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/rewards.md"), encoding: .utf8)
        for (name, code) in [("Bruno Petit", "CONF-DEVOXX"), ("David Leroy", "TRAIN-DATA"), ("Emma Moreau", "BOOK-DDD")] {
            let rationale = try #require(result.proposal(name, code)?.rationale)
            let quoted = document.contains("\n> \(rationale)\n")
            #expect(quoted, "docs/rewards.md does not quote: \(rationale)")
        }
        let toml = Policy.standard.document.renderTOML(comments: Policy.documentComments)
        let rewards = try #require(toml.range(of: "# Reward proposals"))
        let current = document.contains("```toml\n" + toml[rewards.lowerBound...] + "```\n")
        #expect(current, "the [rewards] and [rewardCaps] sections quoted in docs/rewards.md are stale")
    }
}
