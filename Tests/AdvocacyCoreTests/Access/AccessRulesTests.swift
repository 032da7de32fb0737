import AdvocacyCore
import AdvocacyTestSupport
import Testing

@Suite("Access rules")
struct AccessRulesTests {
    let jane = valid { try EmailAddress("jane@corp.fr") }
    let paul = valid { try EmailAddress("paul@corp.fr") }

    @Test(arguments: Role.allCases)
    func onlyAdminsManage(role: Role) {
        let actor = Actor(email: jane, role: role)
        if role == .admin {
            #expect(throws: Never.self) { try AccessRules.requireAdmin(actor, to: "add employees") }
        } else {
            #expect(
                throws: CoreError.permissionDenied(
                    actor: "jane@corp.fr", role: role, operation: "add employees", needed: "the admin role")
            ) {
                try AccessRules.requireAdmin(actor, to: "add employees")
            }
        }
    }

    @Test(arguments: Role.allCases)
    func everyoneWritesTheirOwnAndOnlyAdminsWriteOthers(role: Role) {
        let actor = Actor(email: jane, role: role)
        #expect(throws: Never.self) { try AccessRules.requireSelfOrAdmin(actor, owner: jane, to: "log actions") }
        if role == .admin {
            #expect(throws: Never.self) { try AccessRules.requireSelfOrAdmin(actor, owner: paul, to: "log actions") }
        } else {
            #expect(throws: CoreError.self) { try AccessRules.requireSelfOrAdmin(actor, owner: paul, to: "log actions") }
        }
    }

    @Test func deactivatedPeopleWriteNothing() {
        let actor = Actor(email: jane, role: .admin, isActive: false)
        #expect(throws: CoreError.inactiveActor("jane@corp.fr")) { try AccessRules.requireAdmin(actor, to: "add employees") }
        #expect(throws: CoreError.inactiveActor("jane@corp.fr")) {
            try AccessRules.requireSelfOrAdmin(actor, owner: jane, to: "log actions")
        }
    }
}
