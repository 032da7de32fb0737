import GRDB

/// Every row of every table of the database file at `path`, as text: equal
/// dumps mean the same content. The file is opened read-only, so reading it
/// never changes what a test means to prove was left alone.
public func databaseDump(_ path: String) throws -> String {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    return try queue.read { db in
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        return try tables.map { table in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)").map(\.description).sorted()
            return "\(table)\n" + rows.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
