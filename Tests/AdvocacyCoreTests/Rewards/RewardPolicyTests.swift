import Foundation
import Testing

@testable import AdvocacyCore

@Suite("Reward policy")
struct RewardPolicyTests {
    @Test func theStandardPolicyRoundTripsThroughJSON() throws {
        let read = try Policy(document: try PolicyValue.parseJSON(Policy.standard.document.renderJSON()))
        #expect(read == .standard)
    }

    @Test func aChangedPolicyRoundTripsWithEveryChange() throws {
        var policy = Policy.standard
        policy.scoring.reachPoints = 10
        policy.scoring.consistencyPoints = 30
        policy.rewards.currency = "CHF"
        policy.rewards.alpha = 0.35
        policy.rewards.maxSharePercent = 12.5
        policy.rewards.minimumScore = 7.5
        policy.rewards.maxFlagPenaltyPercent = 40
        policy.rewards.monthlySocialSecurityCeilingCents = 392_500
        policy.rewards.voucherCapPercent = 4
        policy.rewards.yearlyCapCents[.conference] = 150_000
        policy.rewards.yearlyCapCents[.voucher] = 10_000
        let read = try Policy(document: try PolicyValue.parseJSON(policy.document.renderJSON()))
        #expect(read == policy)
        #expect(read != .standard)
        #expect(read.rewards.yearlyCapCents[.conference] == 150_000)
    }

    @Test func theDocumentHasTheScoringSectionsThenTheRewardSections() {
        guard case .table(let sections) = Policy.standard.document else {
            Issue.record("the policy document is not a table")
            return
        }
        #expect(sections.map(\.key) == ScoringPolicy.sections + ["rewards", "rewardCaps"])
    }

    @Test func tomlRenderingWritesTheRewardSectionsWithTheirComments() {
        let toml = Policy.standard.document.renderTOML(comments: Policy.documentComments)
        #expect(toml.contains("\n[rewards]\n"))
        #expect(toml.contains("\n[rewardCaps]\n"))
        #expect(toml.contains("currency = \"EUR\""))
        #expect(toml.contains("alpha = 0.5"))
        #expect(toml.contains("maxSharePercent = 20"))
        #expect(toml.contains("minimumScore = 10"))
        #expect(toml.contains("monthlySocialSecurityCeilingCents = 400500"))
        #expect(toml.contains("voucherCapPercent = 5"))
        #expect(toml.contains("day-off = 0"))
        #expect(toml.contains("voucher = 0"))
        #expect(toml.contains("# Reward proposals (see docs/rewards.md)"))
        #expect(toml.contains("# Yearly cap per person and category, in cents (0 = no cap)."))
        // The scoring part is still there, before the rewards.
        let tiers = toml.range(of: "[tiers]"), rewards = toml.range(of: "[rewards]")
        #expect(tiers != nil && rewards != nil && tiers!.lowerBound < rewards!.lowerBound)
    }

    /// The message of the error thrown by reading the standard document
    /// with `path` set to `value` (removed when nil); nil when accepted.
    func error(changing path: [String], to value: PolicyValue?) -> String? {
        func edit(_ node: PolicyValue, _ path: ArraySlice<String>) -> PolicyValue {
            guard case .table(var entries) = node, let key = path.first else { return value ?? node }
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if path.count == 1, value == nil {
                    entries.remove(at: index)
                } else {
                    entries[index].value = edit(entries[index].value, path.dropFirst())
                }
            } else if let value {
                entries.append((key, value))
            }
            return .table(entries)
        }
        do {
            _ = try Policy(document: edit(Policy.standard.document, path[...]))
            return nil
        } catch {
            return error.localizedDescription
        }
    }

    @Test func whoGetsFreeOrUnlimitedItemsIsReadAndDefaultsToWishers() throws {
        // Versions stored before the key existed lack it: they read as the default.
        #expect(error(changing: ["rewards", "freeOrUnlimitedItems"], to: nil) == nil)
        var document = Policy.standard.document
        if case .table(var sections) = document, let index = sections.firstIndex(where: { $0.key == "rewards" }),
            case .table(let entries) = sections[index].value
        {
            sections[index].value = .table(entries.filter { $0.key != "freeOrUnlimitedItems" })
            document = .table(sections)
        }
        #expect(try Policy(document: document).rewards.freeOrUnlimitedItems == .wishers)
        #expect(!Policy.standard.document.renderJSON().contains("anyone"))

        var open = Policy.standard
        open.rewards.freeOrUnlimitedItems = .anyone
        #expect(try Policy(document: try PolicyValue.parseJSON(open.document.renderJSON())) == open)
        #expect(
            error(changing: ["rewards", "freeOrUnlimitedItems"], to: .string("everyone"))
                == "policy key 'rewards.freeOrUnlimitedItems' is \"everyone\": expected \"wishers\" or \"anyone\"")
    }

    @Test(
        arguments: [
            (["rewards", "alpha"], PolicyValue.number(3.5), "policy key 'rewards.alpha' is 3.5: expected a number from 0 to 3"),
            (["rewards", "alpha"], .number(-0.5), "policy key 'rewards.alpha' is -0.5: expected a number from 0 to 3"),
            (
                ["rewards", "currency"], .string("eur"),
                "policy key 'rewards.currency' is \"eur\": expected a three-letter currency code"
            ),
            (
                ["rewards", "currency"], .string("EURO"),
                "policy key 'rewards.currency' is \"EURO\": expected a three-letter currency code"
            ),
            (
                ["rewards", "currency"], .number(12),
                "policy key 'rewards.currency' is a number: expected a three-letter currency code"
            ),
            (
                ["rewards", "maxSharePercent"], .number(0),
                "policy key 'rewards.maxSharePercent' is 0: expected a number from 1 to 100"
            ),
            (
                ["rewards", "minimumScore"], .number(100),
                "policy key 'rewards.minimumScore' is 100: expected a number from 0 to 99"
            ),
            (["rewards", "maxFlagPenaltyPercent"], .number(101), "policy key 'rewards.maxFlagPenaltyPercent' is 101"),
            (
                ["rewards", "monthlySocialSecurityCeilingCents"], .number(4005.5),
                "policy key 'rewards.monthlySocialSecurityCeilingCents' is 4005.5: expected a whole number"
            ),
            (
                ["rewards", "voucherCapPercent"], .string("5%"),
                "policy key 'rewards.voucherCapPercent' is text: expected a number"
            ),
            (
                ["rewardCaps", "voucher"], .number(-1),
                "policy key 'rewardCaps.voucher' is -1: expected a number from 0 to 10000000000"
            ),
            (["rewardCaps", "training"], .number(99.5), "policy key 'rewardCaps.training' is 99.5: expected a whole number"),
            (["rewards", "bonus"], .number(1), "policy key 'rewards.bonus' is not a known key: expected one of currency, alpha"),
            (["rewardCaps", "gift"], .number(1), "policy key 'rewardCaps.gift' is not a known key: expected one of training,"),
            (["rewardCaps"], .number(1), "policy key 'rewardCaps' is a number: expected a table of keys"),
            (["prizes"], .table([]), "policy key 'prizes' is not a known key"),
        ] as [([String], PolicyValue, String)])
    func aBadValueIsRefusedNamingItsKey(path: [String], value: PolicyValue, message: String) {
        let text = error(changing: path, to: value)
        #expect(text?.hasPrefix(message) == true, "\(text ?? "accepted")")
    }

    @Test(arguments: [
        (["rewardCaps"], "policy key 'rewardCaps' is missing: expected a [rewardCaps] table"),
        (["rewards"], "policy key 'rewards' is missing: expected a [rewards] table"),
        (["rewards", "alpha"], "policy key 'rewards.alpha' is missing: expected a number from 0 to 3"),
        (["rewardCaps", "day-off"], "policy key 'rewardCaps.day-off' is missing"),
    ])
    func aMissingKeyIsNamed(path: [String], message: String) {
        let text = error(changing: path, to: nil)
        #expect(text?.hasPrefix(message) == true, "\(text ?? "accepted")")
    }

    @Test func theLimitsOfEachRangeAreAccepted() throws {
        for (path, value) in [
            (["rewards", "alpha"], 0.0), (["rewards", "alpha"], 3), (["rewards", "maxSharePercent"], 1),
            (["rewards", "maxSharePercent"], 100),
            (["rewards", "minimumScore"], 0), (["rewardCaps", "voucher"], 0), (["rewardCaps", "voucher"], 10_000_000_000),
        ] as [([String], Double)] {
            #expect(error(changing: path, to: .number(value)) == nil, "\(path) = \(value)")
        }
    }

    // MARK: - Yearly caps

    @Test func theVoucherCapIsFivePercentOfTheMonthlyCeilingByDefault() {
        // 5 % of 4,005.00 EUR (PMSS 2026) = 200.25 EUR.
        #expect(RewardPolicy.standard.monthlySocialSecurityCeilingCents == 400_500)
        #expect(RewardPolicy.standard.yearlyCap(.voucher) == 400_500 * 5 / 100)
        #expect(RewardPolicy.standard.yearlyCap(.voucher) == 20_025)
    }

    @Test(arguments: [
        (10_000, 10_000),  // an explicit cap below the legal threshold wins
        (30_000, 20_025),  // above it, the legal threshold wins
        (20_025, 20_025),
        (0, 20_025),  // 0 means no explicit cap: the legal threshold alone
    ])
    func anExplicitVoucherCapCombinesWithTheLegalOne(explicit: Int, expected: Int) {
        var policy = RewardPolicy.standard
        policy.yearlyCapCents[.voucher] = explicit
        #expect(policy.yearlyCap(.voucher) == expected)
    }

    @Test func theLegalVoucherCapFollowsTheCeilingAndPercentage() {
        var policy = RewardPolicy.standard
        policy.monthlySocialSecurityCeilingCents = 386_400  // PMSS 2024
        #expect(policy.yearlyCap(.voucher) == 19_320)
        policy.voucherCapPercent = 2.5
        #expect(policy.yearlyCap(.voucher) == 9_660)
        policy.voucherCapPercent = 0  // the legal threshold switched off: no cap at all
        #expect(policy.yearlyCap(.voucher) == nil)
        policy.yearlyCapCents[.voucher] = 5_000
        #expect(policy.yearlyCap(.voucher) == 5_000)
    }

    @Test(arguments: RewardCategory.allCases.filter { $0 != .voucher })
    func otherCategoriesHaveNoCapUntilOneIsSet(category: RewardCategory) {
        var policy = RewardPolicy.standard
        #expect(policy.yearlyCap(category) == nil)
        policy.yearlyCapCents[category] = 80_000
        #expect(policy.yearlyCap(category) == 80_000)
        policy.yearlyCapCents[category] = 0
        #expect(policy.yearlyCap(category) == nil)
    }

    @Test(arguments: [
        (300_000, 20.0, 60_000), (100, 20, 20), (4, 20, 0), (0, 20, 0), (99_999, 12.5, 12_499), (5_000, 100, 5_000),
    ])
    func thePerPersonCeilingIsAShareOfTheBudgetRoundedDown(budget: Int, percent: Double, cents: Int) {
        var policy = RewardPolicy.standard
        policy.maxSharePercent = percent
        #expect(policy.maxShareCents(of: budget) == cents)
    }

    @Test func categoriesAreOrderedDevelopmentFirstVouchersLast() throws {
        #expect(
            RewardCategory.allCases.sorted() == [
                .training, .certification, .conference, .book, .recognition, .equipment, .dayOff, .donation, .voucher,
            ])
        #expect(RewardCategory.training < .voucher)
        #expect(try RewardCategory.parse("Day-Off") == .dayOff)
    }
}
