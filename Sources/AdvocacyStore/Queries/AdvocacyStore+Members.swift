import AdvocacyCore
import Foundation
import GRDB

extension AdvocacyStore {
    /// The person signed in to a front end: their row id (what an access log
    /// may name), role and whether they may still act; `nil` when the email
    /// is not registered.
    public func member(_ email: EmailAddress) throws -> Member? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, fullName, role, isActive FROM employee WHERE email = ?", arguments: [email.value])
            else { return nil }
            return Member(
                id: row["id"], email: email, name: row["fullName"], role: try Self.decode(row["role"]), isActive: row["isActive"])
        }
    }
}
