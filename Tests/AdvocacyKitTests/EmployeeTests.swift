import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Testing

@testable import AdvocacyStore

@Suite("Employees")
struct EmployeeStoreTests {
    @Test func initIsIdempotentAndKeepsOneFirstAdmin() throws {
        let fixture = try ProgrammeFixture()
        let again = try fixture.programme.initialise(firstAdmin: try NewEmployee(email: fixture.admin, name: "Ada Admin"))
        #expect(again == .adminAlreadyPresent(try fixture.programme.employee(fixture.admin)))
        #expect(try fixture.programme.initialise(firstAdmin: nil) == .ready)
        #expect(throws: StoreError.adminAlreadyExists(existing: fixture.admin)) {
            try fixture.programme.initialise(firstAdmin: try NewEmployee(email: try EmailAddress("intruder@corp.fr"), name: "I"))
        }
        #expect(try fixture.count("employee") == 3)
    }

    @Test func adminsAddPeopleAndEmailsAreCaseInsensitive() throws {
        let fixture = try ProgrammeFixture()
        let jane = try fixture.programme.employee(try EmailAddress("JANE@Corp.fr"))
        #expect(jane.name == "Jane Doe")
        #expect(jane.role == .staff && jane.isActive)
        #expect(jane.createdAt == ProgrammeFixture.now)
        #expect(throws: StoreError.duplicateEmployee(fixture.jane)) {
            try fixture.programme.addEmployee(
                try NewEmployee(email: try EmailAddress("Jane@CORP.fr"), name: "Jane Two"), by: fixture.admin)
        }
    }

    @Test(arguments: [Role.staff, .cio, .hr])
    func onlyAdminsManagePeople(role: Role) throws {
        let fixture = try ProgrammeFixture()
        try fixture.programme.updateEmployee(fixture.jane, try EmployeeChanges(role: role), by: fixture.admin)
        let before = try fixture.snapshot()
        #expect(throws: CoreError.self) {
            try fixture.programme.addEmployee(
                try NewEmployee(email: try EmailAddress("new@corp.fr"), name: "New"), by: fixture.jane)
        }
        #expect(throws: CoreError.self) {
            try fixture.programme.updateEmployee(fixture.paul, try EmployeeChanges(role: .admin), by: fixture.jane)
        }
        #expect(throws: CoreError.self) { try fixture.programme.deactivateEmployee(fixture.paul, by: fixture.jane) }
        #expect(try fixture.snapshot() == before)
    }

    @Test func updatesChangeOnlyWhatIsGivenAndEmptyClears() throws {
        let fixture = try ProgrammeFixture()
        try fixture.programme.updateEmployee(fixture.jane, try EmployeeChanges(role: .cio, hrID: "M001"), by: fixture.admin)
        var jane = try fixture.programme.employee(fixture.jane)
        #expect(jane.role == .cio && jane.hrID == "M001" && jane.team == "Data" && jane.name == "Jane Doe")
        try fixture.programme.updateEmployee(fixture.jane, try EmployeeChanges(team: ""), by: fixture.admin)
        jane = try fixture.programme.employee(fixture.jane)
        #expect(jane.team == nil)
        #expect(throws: StoreError.duplicateHRID("M001", owner: fixture.jane)) {
            try fixture.programme.updateEmployee(fixture.paul, try EmployeeChanges(hrID: "M001"), by: fixture.admin)
        }
    }

    @Test func theLastAdminCannotBeRemoved() throws {
        let fixture = try ProgrammeFixture()
        #expect(throws: StoreError.lastAdmin(fixture.admin)) {
            try fixture.programme.deactivateEmployee(fixture.admin, by: fixture.admin)
        }
        #expect(throws: StoreError.lastAdmin(fixture.admin)) {
            try fixture.programme.updateEmployee(fixture.admin, try EmployeeChanges(role: .staff), by: fixture.admin)
        }
        try fixture.programme.updateEmployee(fixture.jane, try EmployeeChanges(role: .admin), by: fixture.admin)
        try fixture.programme.deactivateEmployee(fixture.admin, by: fixture.jane)
        #expect(try fixture.programme.employee(fixture.admin).isActive == false)
    }

    @Test func deactivatedPeopleCanNeitherActNorBeLoggedFor() throws {
        let fixture = try ProgrammeFixture()
        try fixture.programme.deactivateEmployee(fixture.paul, by: fixture.admin)
        #expect(throws: CoreError.inactiveActor("paul@corp.fr")) {
            try fixture.programme.logAction(try fixture.draft("https://x.com/paul/status/1", by: fixture.paul), by: fixture.paul)
        }
        #expect(throws: StoreError.inactiveEmployee(fixture.paul)) {
            try fixture.programme.logAction(try fixture.draft("https://x.com/paul/status/1", by: fixture.paul), by: fixture.admin)
        }
    }

    @Test func listsFilterByTeamWithoutRegardToCase() throws {
        let fixture = try ProgrammeFixture()
        #expect(try fixture.programme.employees(seenBy: fixture.admin).map(\.name) == ["Ada Admin", "Jane Doe", "Paul Martin"])
        #expect(try fixture.programme.employees(team: "data", seenBy: fixture.admin).map(\.email) == [fixture.jane])
        // A team no one is in is a mistake to point out, not an empty list.
        #expect(throws: CoreError.unknownTeam("Dta", nearest: ["Data"])) {
            try fixture.programme.employees(team: "Dta", seenBy: fixture.admin)
        }
    }

    @Test func unknownActorsAreNamed() throws {
        let fixture = try ProgrammeFixture()
        let stranger = try EmailAddress("stranger@corp.fr")
        #expect(throws: StoreError.unknownActor(stranger)) {
            try fixture.programme.addProject(try Project.validated(code: try ProjectCode("X1"), name: "X"), by: stranger)
        }
    }
}

@Suite("Rosters")
struct RosterTests {
    @Test func namesSortAndTeamsMatchWithoutRegardToAccents() throws {
        let fixture = try ProgrammeFixture()
        for (email, name, team) in [
            ("elodie@corp.fr", "Élodie Roux", "Sécurité"), ("celine@corp.fr", "Céline Blanc", "SÉCURITÉ"),
            ("claire@corp.fr", "Claire Petit", "Data"),
        ] {
            try fixture.programme.addEmployee(
                try NewEmployee(email: try EmailAddress(email), name: name, team: team), by: fixture.admin)
        }
        #expect(
            try fixture.programme.employees(seenBy: fixture.admin).map(\.name) == [
                "Ada Admin", "Céline Blanc", "Claire Petit", "Élodie Roux", "Jane Doe", "Paul Martin",
            ])
        #expect(
            try fixture.programme.employees(team: "securite", seenBy: fixture.admin).map(\.name) == [
                "Céline Blanc", "Élodie Roux", "Paul Martin",
            ])
    }

    @Test func closingAProjectByStatusEndsItToday() throws {
        let fixture = try ProgrammeFixture()
        let closed = try fixture.programme.updateProject(
            fixture.erp, ProjectChanges(status: .closed, today: fixture.today), by: fixture.admin)
        #expect(closed.project.end == fixture.today)
    }
}

@Suite("Look-alike people")
struct LookalikePeopleTests {
    @Test func anAddressLikeARegisteredOneIsRefusedAndNothingChanges() throws {
        let fixture = try ProgrammeFixture()
        let before = try fixture.snapshot()
        #expect(throws: CoreError.lookalikeEmail("pau1@corp.fr", existing: fixture.paul, line: nil, letter: nil)) {
            try fixture.programme.addEmployee(
                try NewEmployee(email: try EmailAddress("pau1@corp.fr"), name: "Paolo Rossi"), by: fixture.admin)
        }
        #expect(try fixture.snapshot() == before)
        // Adding someone registered is still refused as a duplicate, not as their own look-alike.
        #expect(throws: StoreError.duplicateEmployee(fixture.paul)) {
            try fixture.programme.addEmployee(try NewEmployee(email: fixture.paul, name: "Paul Martin"), by: fixture.admin)
        }
    }

    @Test func aNameLikeARegisteredOneIsAddedWithAWarning() throws {
        let fixture = try ProgrammeFixture()
        let added = try fixture.programme.addEmployee(
            try NewEmployee(email: try EmailAddress("paul.martin@corp.fr"), name: "Paul  MARTIN"), by: fixture.admin)
        #expect(added.employee.name == "Paul  MARTIN")
        #expect(added.lookalikeName == LookalikeName(name: "Paul  MARTIN", existing: fixture.paul, line: nil))
        let other = try fixture.programme.addEmployee(
            try NewEmployee(email: try EmailAddress("pauline@corp.fr"), name: "Pauline Martin"), by: fixture.admin)
        #expect(other.lookalikeName == nil)
    }
}
