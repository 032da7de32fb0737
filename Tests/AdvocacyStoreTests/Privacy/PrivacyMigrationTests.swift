import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

@Suite("v5-privacy on a database filled at v4")
struct PrivacyMigrationTests {
    @Test func anUpgradedProgrammeKeepsItsPeopleAndAuditsTheNewColumns() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("v4.sqlite")
        do {
            let audit = AuditContext(now: { ProgrammeFixture.now })
            let queue = try DatabaseQueue(path: path, configuration: AdvocacyStore.configuration(audit: audit))
            try Migrations.migrator.migrate(queue, upTo: "v4-audit")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO employee (email, fullName, role, createdAt) VALUES
                            ('admin@corp.fr', 'Ada Admin', 'admin', '2026-01-01T00:00:00Z'),
                            ('jane@corp.fr', 'Jane Doe', 'staff', '2026-01-01T00:00:00Z')
                        """)
            }
        }
        let store = try AdvocacyStore.open(atPath: path, now: { ProgrammeFixture.now })
        let programme = Programme(store: store)
        let admin = try EmailAddress("admin@corp.fr"), jane = try EmailAddress("jane@corp.fr")
        #expect(try programme.employees(seenBy: nil).count == 2)
        #expect(try !programme.isHidden(jane))
        // Nothing was recorded for anyone: tracking others' external channels waits for their consent.
        #expect(try programme.consentState(of: jane) == .unrecorded)

        try programme.setHidden(jane, true, by: jane)
        try programme.updateEmployee(jane, try EmployeeChanges(team: "Data"), by: admin)
        let entries = try programme.auditEntries(AuditFilter(entity: "employee"), by: admin).filter { $0.operation == "update" }
        #expect(entries.map(\.changes) == [["isHidden: 0 → 1"], ["team: null → Data"]])
        #expect(entries.allSatisfy { AuditEntry.row($0.after)?.keys.contains("erasedAt") == true })
        #expect(entries.first?.actorEmail == jane.value)
    }
}
