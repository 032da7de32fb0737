import AdvocacyCore
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import Testing

@Suite("Hidden people in rankings and the report's review")
struct HidingTests {
    @Test func othersSeeAPlaceholderThePersonAndHrSeeTheName() throws {
        let (fixture, quarter) = try ReviewTests.programme()
        let programme = fixture.programme, jane = fixture.jane, admin = fixture.admin
        let hr = try EmailAddress("hr@corp.fr"), cio = try EmailAddress("cio@corp.fr")
        try programme.addEmployee(try NewEmployee(email: hr, name: "Hugo HR", role: .hr), by: admin)
        try programme.addEmployee(try NewEmployee(email: cio, name: "Chloé CIO", role: .cio), by: admin)
        let open = try programme.rank(period: quarter, today: fixture.today, by: cio)

        #expect(throws: CoreError.self) { try programme.setHidden(jane, true, by: fixture.paul) }
        #expect(try programme.setHidden(jane, true, by: jane))
        #expect(try !programme.setHidden(jane, true, by: admin))
        #expect(try programme.isHidden(jane))

        for viewer in [cio, admin, fixture.paul] {
            let ranking = try programme.rank(period: quarter, today: fixture.today, by: viewer)
            let hidden = try #require(ranking.people.first { $0.person.isMasked })
            #expect(hidden.person.name == "(hidden)" && hidden.person.email.value == "hidden-1")
            #expect(!ranking.people.contains { $0.person.email == jane || $0.person.name == "Jane Doe" })
            // The same ranks and scores for everyone.
            #expect(ranking.people.map(\.score) == open.people.map(\.score))
            #expect(hidden.person.team == "Data")
        }
        for viewer in [jane, hr] {
            #expect(
                try programme.rank(period: quarter, today: fixture.today, by: viewer).people.map(\.person)
                    == open.people.map(\.person))
        }

        // The review masks both periods with one placeholder, so Jane still counts as a riser of herself.
        let review = try programme.review(period: quarter, comparison: quarter.previous, today: fixture.today, by: cio)
        #expect(review.current.people.contains { $0.person.isMasked && $0.person.email.value == "hidden-1" })
        #expect(!review.current.people.contains { $0.person.email == jane })
        #expect(
            try programme.review(period: quarter, comparison: quarter.previous, today: fixture.today, by: hr).current.people
                .contains { $0.person.email == jane })

        try programme.setHidden(jane, false, by: jane)
        #expect(
            try programme.rank(period: quarter, today: fixture.today, by: cio).people.map(\.person) == open.people.map(\.person))
    }
}
