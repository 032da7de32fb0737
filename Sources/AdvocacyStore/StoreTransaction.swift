import AdvocacyCore
import Foundation
import GRDB

/// The database inside one transaction, as a use case sees it: SQL-shaped
/// reads (and writes) that the application layer composes with Core's rules.
///
/// A use case runs all its work through one of these, so what it reads and
/// writes is one consistent snapshot, committed or rolled back as a whole.
/// It is valid only inside the closure it is handed to.
public struct StoreTransaction {
    let db: Database
    let store: AdvocacyStore

    /// The acting employee, with their role and whether they are active.
    ///
    /// - Throws: ``StoreError/unknownActor(_:)`` for an email nobody registered.
    public func actor(_ email: EmailAddress) throws -> Actor {
        try AdvocacyStore.actor(db, email)
    }

    /// The policy in force and its version.
    public func policy() throws -> (version: Int, policy: Policy) {
        try AdvocacyStore.currentPolicy(db)
    }

    /// The emails of the people hidden from others' rankings.
    public func hiddenEmails() throws -> Set<EmailAddress> {
        try AdvocacyStore.hiddenEmails(db)
    }

    /// How many employees are active today.
    public func activeEmployeeCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employee WHERE isActive") ?? 0
    }
}

extension AdvocacyStore {
    /// Runs `body` on one consistent read snapshot.
    public func reading<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try read { db in try body(StoreTransaction(db: db, store: self)) }
    }
}

extension AdvocacyStore {
    /// Runs `body` in one write transaction on behalf of `email`, handing it
    /// the acting employee (resolved inside the transaction, so a role
    /// changed by another process cannot slip in between the check and the
    /// write), who is named as the author of every audit entry it makes.
    public func writing<T>(as email: EmailAddress, _ body: (StoreTransaction, Actor) throws -> T) throws -> T {
        try write(as: email) { db, actor in try body(StoreTransaction(db: db, store: self), actor) }
    }
}

extension AdvocacyStore {
    /// Runs `body` in one write transaction with no acting person: only for
    /// the bootstrap, registering the programme's first admin.
    public func writingAsSystem<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try write { db in try body(StoreTransaction(db: db, store: self)) }
    }
}
