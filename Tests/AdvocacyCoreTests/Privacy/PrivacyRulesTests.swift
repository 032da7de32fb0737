import AdvocacyCore
import Foundation
import Testing

@Suite("Privacy rules: consent, retention, pseudonyms, hidden people")
struct PrivacyRulesTests {
    @Test(arguments: [
        // state, by self, scope, expected
        (ConsentState.unrecorded, true, ChannelScope.external, TrackingDecision.allowedRecordingConsent(.ownAction)),
        (.unrecorded, true, .internal, .allowedRecordingConsent(.ownAction)),
        (.unrecorded, false, .external, .refusedNoConsent),
        (.unrecorded, false, .internal, .allowed),
        (.granted, false, .external, .allowed),
        (.granted, true, .external, .allowed),
        (.withdrawn, true, .external, .refusedWithdrawn),
        (.withdrawn, true, .internal, .refusedWithdrawn),
        (.withdrawn, false, .internal, .refusedWithdrawn),
    ])
    func consentDecidesWhoMayTrack(state: ConsentState, bySelf: Bool, scope: ChannelScope, expected: TrackingDecision) {
        #expect(ConsentRule.decide(state: state, bySelf: bySelf, scope: scope, source: .ownAction) == expected)
    }

    @Test func theLatestEntryIsTheState() {
        let day = Date(timeIntervalSince1970: 0)
        #expect(ConsentState(history: []) == .unrecorded)
        let granted = ConsentRecord(granted: true, source: .command, recordedBy: nil, recordedAt: day)
        let withdrawn = ConsentRecord(granted: false, source: .command, recordedBy: nil, recordedAt: day)
        #expect(ConsentState(history: [granted, withdrawn]) == .withdrawn)
        #expect(ConsentState(history: [withdrawn, granted]) == .granted)
    }

    @Test(arguments: [
        ("24m", "2024-11-21"), ("1m", "2026-10-21"), ("2y", "2024-11-21"), ("730d", "2024-11-21"), ("30d", "2026-10-22"),
        (" 12M ", "2025-11-21"),
    ])
    func retentionCutoffs(text: String, cutoff: String) throws {
        let today = try LocalDate(parsing: "2026-11-21")
        #expect(try RetentionPeriod(parsing: text).cutoff(today: today) == (try LocalDate(parsing: cutoff)))
    }

    @Test func monthsCountCalendarMonths() throws {
        #expect(
            try RetentionPeriod(parsing: "1m").cutoff(today: LocalDate(parsing: "2026-03-31"))
                == (try LocalDate(parsing: "2026-02-28")))
        #expect(
            try RetentionPeriod(parsing: "13m").cutoff(today: LocalDate(parsing: "2026-01-15"))
                == (try LocalDate(parsing: "2024-12-15")))
    }

    @Test(arguments: ["", "24", "m", "0m", "-3m", "29d", "2w", "1.5y", "24 m", "３m", "99999999999999999999m"])
    func retentionShorterThanAMonthOrUnreadableIsRefused(text: String) {
        #expect(throws: CoreError.invalidRetention(text)) { try RetentionPeriod(parsing: text) }
    }

    @Test func pseudonymsAreReservedAddressesThatNameNobody() throws {
        let pseudonym = Pseudonym(random: 0x7F3A_0000_0000_00FF)
        #expect(pseudonym.token == "0000000000ff")
        #expect(pseudonym.email.value == "erased-0000000000ff@erased.invalid")
        #expect(try EmailAddress(pseudonym.email.value) == pseudonym.email)
        #expect(pseudonym.name == "Erased person 0000000000ff")
        #expect(pseudonym.channelURL(id: 3).string == "https://erased.invalid/0000000000ff/channel-3")
        #expect(try CanonicalURL(pseudonym.actionURL(id: 12).string) == pseudonym.actionURL(id: 12))
        #expect(Pseudonym(random: .max).token == "ffffffffffff")
    }

    static func score(_ email: String, _ name: String, rank: Int) throws -> PersonScore {
        var score = PersonScoreBuilder(policy: .standard, window: LocalDate(daysSinceEpoch: 0)...LocalDate(daysSinceEpoch: 90))
            .finish(person: ScoredPerson(email: try EmailAddress(email), name: name, team: "Data"), audience: nil).score
        score.rank = rank
        return score
    }

    @Test func hiddenPeopleAreMaskedForOthersWithOnePlaceholderAcrossLists() throws {
        let jane = try EmailAddress("jane@corp.fr"), paul = try EmailAddress("paul@corp.fr")
        let now = [
            try Self.score("paul@corp.fr", "Paul", rank: 1), try Self.score("ada@corp.fr", "Ada", rank: 2),
            try Self.score("jane@corp.fr", "Jane", rank: 3),
        ]
        let before = [try Self.score("jane@corp.fr", "Jane", rank: 1), try Self.score("paul@corp.fr", "Paul", rank: 2)]
        let hidden: Set = [jane, paul]

        let cio = Actor(email: try EmailAddress("cio@corp.fr"), role: .cio)
        let masked = HiddenPeople.mask([now, before], hidden: hidden, viewer: cio)
        #expect(masked[0].map(\.person.name) == ["(hidden)", "Ada", "(hidden)"])
        #expect(masked[0].map(\.person.email.value) == ["hidden-1", "ada@corp.fr", "hidden-2"])
        #expect(masked[1].map(\.person.email.value) == ["hidden-2", "hidden-1"])
        #expect(masked[0].map(\.rank) == [1, 2, 3])
        #expect(masked[0][0].person.team == "Data" && masked[0][0].person.isMasked && !masked[0][1].person.isMasked)

        let herself = HiddenPeople.mask([now], hidden: hidden, viewer: Actor(email: jane, role: .staff))[0]
        #expect(herself.map(\.person.name) == ["(hidden)", "Ada", "Jane"])
        let hr = HiddenPeople.mask([now], hidden: hidden, viewer: Actor(email: try EmailAddress("hr@corp.fr"), role: .hr))[0]
        #expect(hr == now)
        let admin = HiddenPeople.mask([now], hidden: hidden, viewer: Actor(email: try EmailAddress("ada@corp.fr"), role: .admin))[
            0]
        #expect(admin.map(\.person.name) == ["(hidden)", "Ada", "(hidden)"])
    }

    @Test(arguments: [("yes", true), ("Oui", true), ("NON", false), ("no", false), ("1", true), ("0", false), ("", nil as Bool?)])
    func theRosterSaysYesOrNo(cell: String, expected: Bool?) throws {
        let columns = try ImportColumns(header: ["courriel", "nom", "consentement"], columns: EmployeeImportRow.columns)
        let row = try EmployeeImportRow(ImportRecord(line: 2, fields: ["jane@corp.fr", "Jane", cell]), in: columns)
        #expect(row.consent == expected)
    }

    @Test func anUnknownConsentAnswerIsRefused() throws {
        let columns = try ImportColumns(header: ["email", "name", "consent"], columns: EmployeeImportRow.columns)
        #expect(throws: CoreError.self) {
            try EmployeeImportRow(ImportRecord(line: 2, fields: ["jane@corp.fr", "Jane", "maybe"]), in: columns)
        }
    }
}
