import AdvocacyCore
import AdvocacyKit
import Foundation
import Testing

@testable import AdvocacyCLI

/// ``JSONWriter`` must print what `JSONEncoder` (then ``TerminalText``) prints
/// for the same values, byte for byte: scripts read both.
@Suite("JSON written directly")
struct JSONWriterTests {
    /// Every kind of value the writer takes, with the awkward cases.
    struct Sample: Encodable, JSONWritable {
        var numbers: [Double] = [0, 25, 0.2, 1e-05, 1e21, 129_273.5, -3.25, 1.0 / 3.0, 0.1 + 0.2, 1e16]
        var integers: [Int] = [0, -7, Int.max]
        var text = "plain é ü 日本 / slash, \"quotes\" \\ back\u{01}\u{1F}\t\n\r\u{08}\u{0C} del\u{7F} c1\u{85}\u{9F} nbsp\u{A0}"
        var empty: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[Int]] = [[1], []]
        var absent: String?
        var flag = true

        enum CodingKeys: String, CodingKey { case absent, empty, emptyObject, flag, integers, nested, numbers, text }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(absent, forKey: .absent)
            try c.encode(empty, forKey: .empty)
            try c.encode(emptyObject, forKey: .emptyObject)
            try c.encode(flag, forKey: .flag)
            try c.encode(integers, forKey: .integers)
            try c.encode(nested, forKey: .nested)
            try c.encode(numbers, forKey: .numbers)
            try c.encode(text, forKey: .text)
        }

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.key("absent")
                json.value(absent)
                json.key("empty")
                json.array(empty) { json, number in json.value(number) }
                json.key("emptyObject")
                json.object { _ in }
                json.key("flag")
                json.value(flag)
                json.key("integers")
                json.array(integers) { json, number in json.value(number) }
                json.key("nested")
                json.array(nested) { json, list in json.array(list) { json, number in json.value(number) } }
                json.key("numbers")
                json.array(numbers) { json, number in json.value(number) }
                json.key("text")
                json.value(text)
            }
        }
    }

    @Test func writesWhatTheEncoderWrites() throws {
        let sample = Sample()
        #expect(sample.json == TerminalText.visible(try CommandContext.json(sample)))
        // And it parses back to the same text.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(sample.json.utf8)) as? [String: Any])
        #expect(parsed["text"] as? String == sample.text)
    }

    @Test func aNumberThatIsNotFiniteIsWrittenNull() throws {
        var writer = JSONWriter()
        writer.array([Double.nan, .infinity, 1.5]) { json, number in json.value(number) }
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "[\n  null,\n  null,\n  1.5\n]")
    }

    @Test func aLongArrayGoesOutInPieces() throws {
        let long = Array(0..<300_000)
        var pieces: [[UInt8]] = []
        var writer = JSONWriter { pieces.append($0) }
        writer.array(long) { json, number in json.value(number) }
        #expect(pieces.count >= 2)
        #expect(pieces.dropLast().allSatisfy { $0.count >= 1 << 20 })
        let whole = pieces.joined() + writer.bytes
        #expect(String(decoding: whole, as: UTF8.self) == (try CommandContext.json(long)))
    }

    /// A ranking's people, with flags, no team, an inactive person and a
    /// hidden one, as `rank` writes them and as the encoder writes them.
    @Test func rankingItemsMatchTheirEncoding() throws {
        let cli = try CLIHarness()
        let demo = try cli.expectSuccess("demo", "--employees", "60", "--actions", "3000")
        let admin = try EmailAddress(String(try #require(demo.output.firstMatch(of: /admin  (\S+)/)?.1)))
        let programme = try Programme.open(atPath: cli.databasePath)
        var people = try programme.rank(period: .year(2026), today: CLIHarness.today, by: admin).people
        #expect(people.count > 20)
        #expect(people.contains { !$0.flags.isEmpty })
        people[0].person.team = nil
        people[1].person.isActive = false
        people[2].person.name = "Zoë \"Z\" \u{1B}[31m"
        for score in people {
            #expect(PersonItem(score).json == TerminalText.visible(try CommandContext.json(PersonItem(score))))
        }
    }

    /// Explanations as `explain` writes them and as the encoder writes them:
    /// everyone in a demo (some with no action in the period, so no score),
    /// and an action with no metrics, no audience and no project.
    @Test func explanationsMatchTheirEncoding() throws {
        let cli = try CLIHarness()
        let demo = try cli.expectSuccess("demo", "--employees", "40", "--actions", "1500")
        let adminEmail = String(try #require(demo.output.firstMatch(of: /admin  (\S+)/)?.1))
        try cli.expectSuccess("employee", "add", "quiet@corp.fr", "--name", "Quiet \"Q\" \\ Person", as: adminEmail)
        try cli.expectSuccess("privacy", "consent", "quiet@corp.fr", "--grant", as: adminEmail)
        try cli.expectSuccess(
            "channel", "add", "quiet@corp.fr", "https://quiet.example.org", "--kind", "blog", as: "quiet@corp.fr")
        try cli.expectSuccess(
            "log", "https://quiet.example.org/a", "--title", "No figures", "--date", "2026-11-02", as: "quiet@corp.fr")
        let programme = try Programme.open(atPath: cli.databasePath)
        let admin = try EmailAddress(adminEmail)
        var explained = 0, unscored = 0, withoutRate = 0
        for employee in try programme.employees() {
            for period in [Period.year(2026), .quarter(containing: CLIHarness.today)] {
                let explanation = try programme.explain(employee.email, period: period, today: CLIHarness.today, by: admin)
                #expect(
                    ExplanationReport(explanation).json
                        == TerminalText.visible(try CommandContext.json(ExplanationReference(explanation))))
                explained += 1
                if explanation.score == nil { unscored += 1 }
                withoutRate += explanation.actions.filter { $0.score.rate == nil && $0.projects.isEmpty }.count
            }
        }
        #expect(explained > 80)
        #expect(unscored > 0)
        #expect(withoutRate > 0)
    }
}

extension JSONWritable {
    /// The whole document, as ``CommandContext/printJSON(_:)`` prints it but for the last line feed.
    var json: String {
        var writer = JSONWriter()
        write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// `JSONEncoder`'s reading of a ranking item, the reference its writer is
/// checked against: `rank` and `explain` print it through ``JSONWriter``.
extension PersonItem: Encodable {
    enum CodingKeys: String, CodingKey {
        case rank, email, name, team, active, tier, audience, score, components, flags, actions, engagement, tFactor, weeksActive,
            weeks
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(score.rank, forKey: .rank)
        try c.encode(score.person.email.value, forKey: .email)
        try c.encode(score.person.name, forKey: .name)
        try c.encode(score.person.team, forKey: .team)
        try c.encode(score.person.isActive, forKey: .active)
        try c.encode(score.tier.rawValue, forKey: .tier)
        try c.encode(score.audience, forKey: .audience)
        try c.encode(score.score, forKey: .score)
        try c.encode(score.components, forKey: .components)
        try c.encode(score.flags, forKey: .flags)
        try c.encode(score.actions, forKey: .actions)
        try c.encode(score.engagement, forKey: .engagement)
        try c.encode(score.tFactor, forKey: .tFactor)
        try c.encode(score.weeksActive, forKey: .weeksActive)
        try c.encode(score.weeks, forKey: .weeks)
    }
}

/// `JSONEncoder`'s reading of an explanation, the reference `explain`'s
/// writer is checked against.
struct ExplanationReference: Encodable {
    var explanation: Explanation
    init(_ explanation: Explanation) { self.explanation = explanation }

    enum CodingKeys: String, CodingKey { case policyVersion, period, from, to, email, name, rankedPeople, result, actions }
    enum ActionKeys: String, CodingKey {
        case date, kind, title, url, channel, projects, engagement, audience, audienceSource, tier, expectedRate, rate, quality,
            qualityCapped, effort, effortSource, alignment, lowEngagement, duplicate, points
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(explanation.policyVersion, forKey: .policyVersion)
        try c.encode(explanation.period.description, forKey: .period)
        try c.encode(explanation.window.lowerBound, forKey: .from)
        try c.encode(explanation.window.upperBound, forKey: .to)
        try c.encode(explanation.person.email.value, forKey: .email)
        try c.encode(explanation.person.name, forKey: .name)
        try c.encode(explanation.rankedPeople, forKey: .rankedPeople)
        try c.encode(explanation.score.map(PersonItem.init), forKey: .result)
        var list = c.nestedUnkeyedContainer(forKey: .actions)
        for action in explanation.actions {
            let s = action.score
            var a = list.nestedContainer(keyedBy: ActionKeys.self)
            try a.encode(s.facts.day, forKey: .date)
            try a.encode(s.facts.kind.rawValue, forKey: .kind)
            try a.encode(action.title, forKey: .title)
            try a.encode(action.url.string, forKey: .url)
            try a.encode(action.channel.string, forKey: .channel)
            try a.encode(action.projects.map(\.value), forKey: .projects)
            try a.encode(s.engagement, forKey: .engagement)
            try a.encode(s.audience.size, forKey: .audience)
            try a.encode(s.audience.source, forKey: .audienceSource)
            try a.encode(s.tier.rawValue, forKey: .tier)
            try a.encode([s.expectedRate.low, s.expectedRate.high], forKey: .expectedRate)
            try a.encode(s.rate.map { $0 * 100 }, forKey: .rate)
            try a.encode(s.quality, forKey: .quality)
            try a.encode(s.qualityIsCapped, forKey: .qualityCapped)
            try a.encode(s.effort, forKey: .effort)
            try a.encode(s.effortIsOwn ? "own" : "kind", forKey: .effortSource)
            try a.encode(s.alignment, forKey: .alignment)
            try a.encode(s.isLowEngagement, forKey: .lowEngagement)
            try a.encode(s.duplicateMultiplier < 1, forKey: .duplicate)
            try a.encode(s.points, forKey: .points)
        }
    }
}
