import AdvocacyCore
import Foundation
import Testing

@testable import AdvocacyStore

@Suite("Hidden people in rankings and the report's review")
struct HidingStoreTests {
    @Test func othersSeeAPlaceholderThePersonAndHrSeeTheName() throws {
        let (fixture, quarter) = try ReviewStoreTests.programme()
        let store = fixture.store, jane = fixture.jane, admin = fixture.admin
        let hr = try EmailAddress("hr@corp.fr"), cio = try EmailAddress("cio@corp.fr")
        try store.addEmployee(try NewEmployee(email: hr, name: "Hugo HR", role: .hr), by: admin)
        try store.addEmployee(try NewEmployee(email: cio, name: "Chloé CIO", role: .cio), by: admin)
        let open = try store.rank(period: quarter, today: fixture.today, by: cio)

        #expect(throws: CoreError.self) { try store.setHidden(jane, true, by: fixture.paul) }
        #expect(try store.setHidden(jane, true, by: jane))
        #expect(try !store.setHidden(jane, true, by: admin))
        #expect(try store.isHidden(jane))

        for viewer in [cio, admin, fixture.paul] {
            let ranking = try store.rank(period: quarter, today: fixture.today, by: viewer)
            let hidden = try #require(ranking.people.first { $0.person.isMasked })
            #expect(hidden.person.name == "(hidden)" && hidden.person.email.value == "hidden-1")
            #expect(!ranking.people.contains { $0.person.email == jane || $0.person.name == "Jane Doe" })
            // The same ranks and scores for everyone.
            #expect(ranking.people.map(\.score) == open.people.map(\.score))
            #expect(hidden.person.team == "Data")
        }
        for viewer in [jane, hr] {
            #expect(
                try store.rank(period: quarter, today: fixture.today, by: viewer).people.map(\.person)
                    == open.people.map(\.person))
        }

        // The review masks both periods with one placeholder, so Jane still counts as a riser of herself.
        let review = try store.review(period: quarter, comparison: quarter.previous, today: fixture.today, by: cio)
        #expect(review.current.people.contains { $0.person.isMasked && $0.person.email.value == "hidden-1" })
        #expect(!review.current.people.contains { $0.person.email == jane })
        #expect(
            try store.review(period: quarter, comparison: quarter.previous, today: fixture.today, by: hr).current.people
                .contains { $0.person.email == jane })

        try store.setHidden(jane, false, by: jane)
        #expect(try store.rank(period: quarter, today: fixture.today, by: cio).people.map(\.person) == open.people.map(\.person))
    }
}
