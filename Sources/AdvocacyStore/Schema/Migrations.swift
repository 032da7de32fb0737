import GRDB

/// The schema, one append-only migration at a time.
///
/// A shipped migration is frozen: its SQL is written out literally in its
/// file (the seeded policy too, as literal JSON) and it never calls code
/// that may change, such as Core's rules or a helper that builds SQL. Where
/// one changed existing rows with Swift, that logic is copied beside it,
/// frozen with it (``V2ContentFingerprint``), and so are the SQL functions
/// the schema calls (``FrozenSQLFunctions``). A test keeps a digest of each
/// shipped migration's texts: editing one fails it. To change the schema,
/// append a migration; to apply a changed rule to stored data, use a
/// ``DataUpgrade``.
enum Migrations {
    /// Every migration, in the order they apply. Append only.
    static let shipped: [any ShippedMigration.Type] = [
        V1Programme.self,
        V2Scoring.self,
        V3Rewards.self,
        V4Audit.self,
        V5Privacy.self,
        V6AddressHash.self,
        V7FollowerReading.self,
        V8DataUpgrades.self,
        V9Settings.self,
        V10FigureSources.self,
        V11ActionReview.self,
        V12FlagClearance.self,
        V13UnconfirmedClaim.self,
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in shipped {
            migrator.registerMigration(migration.identifier) { db in try migration.migrate(db) }
        }
        return migrator
    }
}

/// One migration as it shipped: its identifier in `grdb_migrations`, the
/// literal SQL (and JSON) it runs, and how it runs them.
protocol ShippedMigration: Sendable {
    /// `v<number>-<name>`, recorded in `grdb_migrations`.
    static var identifier: String { get }
    /// Every SQL statement and JSON document the migration uses, in order:
    /// what the digest test covers.
    static var texts: [String] { get }
    @Sendable static func migrate(_ db: Database) throws
}
