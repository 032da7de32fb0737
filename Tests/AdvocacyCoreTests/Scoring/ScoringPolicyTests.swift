import Foundation
import Testing

@testable import AdvocacyCore

@Suite("Scoring policy")
struct ScoringPolicyTests {
    @Test func theStandardPolicyRoundTripsThroughJSON() throws {
        let json = ScoringPolicy.standard.document.renderJSON()
        let read = try ScoringPolicy(document: try PolicyValue.parseJSON(json))
        #expect(read == .standard)
    }

    @Test func aChangedPolicyRoundTripsWithItsChange() throws {
        var policy = ScoringPolicy.standard
        policy.reachPoints = 10
        policy.consistencyPoints = 30
        policy.expectedRates[.micro] = .init(low: 1.75, high: 3.25)
        policy.effortHours[.talk] = 12.5
        let read = try ScoringPolicy(document: try PolicyValue.parseJSON(policy.document.renderJSON()))
        #expect(read == policy)
        #expect(read != .standard)
    }

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
            _ = try ScoringPolicy(document: edit(ScoringPolicy.standard.document, path[...]))
            return nil
        } catch {
            return error.localizedDescription
        }
    }

    @Test(
        arguments: [
            (["quality", "micor"], PolicyValue.number(2), "policy key 'quality.micor' is not a known key"),
            (["points", "reach"], .number(-1), "policy key 'points.reach' is -1: expected a number from 0 to 100"),
            (["engagement", "shareWeight"], .number(-3), "policy key 'engagement.shareWeight' is -3"),
            (["quality", "micro"], .array([.number(3.5), .number(2)]), "policy key 'quality.micro' [3.5, 2] is inverted"),
            (["quality", "micro"], .number(2), "policy key 'quality.micro' is not a pair of numbers"),
            (["points", "work"], .number(70), "policy key 'points' work, consistency and reach add up to 110: expected 100"),
            (["tiers", "mid"], .number(500), "policy key 'tiers' thresholds 1000, 500, 500000, 1000000 must rise"),
            (["flags", "spikeWindowDays"], .number(2.5), "policy key 'flags.spikeWindowDays' is 2.5: expected a whole number"),
            (["effort", "talk"], .string("eight"), "policy key 'effort.talk' is text: expected a number"),
            (["colour"], .number(1), "policy key 'colour' is not a known key"),
        ] as [([String], PolicyValue, String)])
    func aBadValueIsRefusedNamingItsKey(path: [String], value: PolicyValue, message: String) {
        let text = error(changing: path, to: value)
        #expect(text?.hasPrefix(message) == true, "\(text ?? "accepted")")
    }

    @Test func aMissingKeyIsNamed() {
        #expect(
            error(changing: ["flags", "duplicateMultiplier"], to: nil)?.hasPrefix(
                "policy key 'flags.duplicateMultiplier' is missing") == true)
    }

    @Test func jsonThatIsNotJSONIsRefused() {
        #expect(throws: CoreError.self) { try PolicyValue.parseJSON("{ \"tiers\": ") }
        #expect(throws: CoreError.self) { try PolicyValue.parseJSON("{ \"tiers\": true }") }
    }

    @Test func tomlRenderingWritesEverySectionWithItsComment() {
        let toml = ScoringPolicy.standard.document.renderTOML(comments: ScoringPolicy.documentComments)
        for section in ["tiers", "engagement", "quality", "effort", "alignment", "points", "flags"] {
            #expect(toml.contains("\n[\(section)]\n") || toml.hasPrefix("[\(section)]"))
        }
        #expect(toml.contains("micro = [2, 3.5]"))
        #expect(toml.contains("comment = 0.25"))
        #expect(toml.contains("# Authenticity flags"))
    }
}
