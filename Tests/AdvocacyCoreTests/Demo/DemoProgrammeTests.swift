import AdvocacyCore
import AdvocacyTestSupport
import Testing

@Suite("Demo programme")
struct DemoProgrammeTests {
    let today = valid { try LocalDate(parsing: "2026-11-21") }

    @Test func theSameSeedGivesTheSameProgramme() throws {
        let a = try DemoProgramme.generate(employees: 40, seed: 7, today: today)
        let b = try DemoProgramme.generate(employees: 40, seed: 7, today: today)
        let c = try DemoProgramme.generate(employees: 40, seed: 8, today: today)
        #expect(a.employees == b.employees)
        #expect(a.allActions().map(\.url) == b.allActions().map(\.url))
        #expect(a.allActions().map(\.url) != c.allActions().map(\.url))
    }

    @Test(arguments: [3, 10, 40, 400])
    func isCoherent(size: Int) throws {
        let demo = try DemoProgramme.generate(employees: size, seed: 2026, today: today)
        #expect(demo.employees.count == size)
        #expect(Set(demo.employees.map(\.email)).count == size)
        #expect(demo.employees.filter { $0.role == .admin }.map(\.email) == [demo.admin])
        #expect(demo.employees.filter { $0.role == .cio }.map(\.email) == [demo.cio])
        #expect(demo.employees.filter { $0.role == .hr }.map(\.email) == [demo.hr])
        #expect((8...12).contains(demo.projects.count))
        #expect(Set(demo.channels.map(\.channel.url)).count == demo.channels.count)
        let actions = demo.allActions()
        #expect(Set(actions.map(\.url)).count == actions.count)
        // Addresses built without parsing must be exactly what parsing gives.
        for url in demo.channels.map(\.channel.url) + actions.map(\.url) {
            let parsed = try CanonicalURL(url.string)
            #expect(parsed == url && parsed.host == url.host && parsed.pathSegments == url.pathSegments, "\(url)")
        }
        let codes = Set(demo.projects.map(\.code))
        for action in actions {
            #expect(demo.period.contains(action.date))
            #expect(action.projects.allSatisfy(codes.contains))
            #expect(action.metrics.allSatisfy { $0.date >= action.date && $0.date <= today })
        }
    }

    @Test func audiencesSpanTiersAndEngagementFallsWithAudience() throws {
        let demo = try DemoProgramme.generate(employees: 400, seed: 2026, today: today)
        let audiences = demo.channels.compactMap { $0.followerHistory.last?.count }
        #expect(audiences.contains { $0 < 1_000 })
        #expect(audiences.contains { (1_000..<100_000).contains($0) })
        #expect(audiences.contains { $0 >= 500_000 })
        let tiers = try DemoProgramme.generate(employees: 40, seed: 2026, today: today).peopleByTier
        #expect(
            tiers[.nano, default: 0] > 0 && tiers[.micro, default: 0] > 0 && tiers[.mid, default: 0] > 0
                && tiers[.macro, default: 0] > 0)
        #expect(tiers.values.reduce(0, +) == 40)
        // Median engagement per follower, small audiences against large ones.
        func medianRate(_ range: Range<Int>) -> Double {
            let rates = demo.allActions().compactMap { action -> Double? in
                let followers = demo.channels[action.channelIndex].followerHistory.last?.count ?? 0
                guard range.contains(followers), let m = action.metrics.last?.metrics else { return nil }
                return Double(m.interactions) / Double(followers)
            }.sorted()
            return rates.isEmpty ? 0 : rates[rates.count / 2]
        }
        #expect(medianRate(100..<1_000) > medianRate(10_000..<10_000_000))
    }

    @Test func someFollowerJumpsAreSuspicious() throws {
        let demo = try DemoProgramme.generate(employees: 40, seed: 2026, today: today)
        #expect(demo.suspiciousChannels.count == 2)
        for url in demo.suspiciousChannels {
            let history = try #require(demo.channels.first { $0.channel.url == url }?.followerHistory)
            let jumps = zip(history, history.dropFirst()).map { $1.count - $0.count }
            #expect(jumps.contains { $0 >= 10_000 && $0 % 1_000 == 0 })
        }
    }
}
