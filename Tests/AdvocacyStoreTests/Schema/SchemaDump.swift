import Foundation
import GRDB

/// Text pictures of a database, to compare two files: their schema and their rows.
enum SchemaDump {
    /// Every schema object as `type name ON tbl_name: sql`, sorted (the
    /// order of `sqlite_master` changes when an import sets triggers aside
    /// and restores them, so it is not compared).
    static func master(_ db: Database) throws -> [String] {
        try Row.fetchAll(
            db,
            sql:
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex_%' ORDER BY type, name"
        )
        .map { row in
            "\(row["type"] as String) \(row["name"] as String) ON \(row["tbl_name"] as String): \(row["sql"] as String? ?? "NULL")"
        }
    }

    /// Every table's columns (`PRAGMA table_info`) and indexes (`PRAGMA
    /// index_list`, and each index's columns), sorted by table.
    static func tables(_ db: Database) throws -> [String] {
        var lines: [String] = []
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        for table in tables {
            for column in try Row.fetchAll(db, sql: "SELECT * FROM pragma_table_info(?) ORDER BY cid", arguments: [table]) {
                lines.append("\(table) column \(describe(column))")
            }
            for index in try Row.fetchAll(db, sql: "SELECT * FROM pragma_index_list(?) ORDER BY name", arguments: [table]) {
                let name: String = index["name"]
                let columns = try String.fetchAll(
                    db, sql: "SELECT coalesce(name, '<expr>') FROM pragma_index_info(?) ORDER BY seqno", arguments: [name])
                lines.append(
                    "\(table) index \(name) unique \(index["unique"] as Int) origin \(index["origin"] as String) partial "
                        + "\(index["partial"] as Int) on \(columns.joined(separator: ", "))")
            }
        }
        return lines
    }

    /// Every row of every table but `except`, in a fixed order, one line
    /// each; `volatile` values (a timestamp SQLite took from the real clock)
    /// are written as `<volatile>`.
    static func rows(_ db: Database, except: Set<String> = [], volatile: [String] = []) throws -> String {
        var text = ""
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        for table in tables where !except.contains(table) {
            text += "## \(table)\n"
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pragma_table_info(?)", arguments: [table]) ?? 0
            let order = (1...max(count, 1)).map(String.init).joined(separator: ", ")
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY \(order)") {
                var line = describe(row)
                for value in volatile { line = line.replacingOccurrences(of: value, with: "<volatile>") }
                text += line + "\n"
            }
        }
        return text
    }

    static func describe(_ row: Row) -> String {
        row.columnNames.map { name in
            let value: String =
                switch (row[name] as DatabaseValue).storage {
                case .null: "NULL"
                case .int64(let int): String(int)
                case .double(let double): "\(double)"
                case .string(let string): "'\(string)'"
                case .blob(let data): "x'\(data.map { String(format: "%02x", $0) }.joined())'"
                }
            return "\(name)=\(value)"
        }.joined(separator: " | ")
    }
}
