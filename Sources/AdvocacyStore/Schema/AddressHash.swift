import GRDB

/// A 64-bit hash of an action's address, stored in `action.urlHash` and
/// indexed in place of the address itself (`v6-address-hash`).
enum AddressHash {
    /// The value `advocacy_url_hash(address)` gives, for the statements that bind it.
    static func of(_ address: String) -> Int64 {
        FrozenSQLFunctions.urlHash(address)
    }

    /// `advocacy_url_hash(address)` in SQL, registered on every connection:
    /// the migration and the triggers compute the same value as the
    /// application does.
    static let function = DatabaseFunction("advocacy_url_hash", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(FrozenSQLFunctions.urlHash)
    }

    /// A lookup of the action at one address (`?1`), for a WHERE clause on `action` aliased `alias`.
    static func matches(_ alias: String, _ parameter: String = "?1") -> String {
        "\(alias).urlHash = advocacy_url_hash(\(parameter)) AND \(alias).url = \(parameter)"
    }
}
