import Foundation

/// A column an importer reads, with the header names people give it.
public struct ImportColumn: Hashable, Sendable {
    /// The name used in messages and documentation, like `email`.
    public let name: String
    /// Every accepted header, compared after ``ImportColumns/fold(_:)``.
    public let headers: [String]
    /// Whether a file without this column is refused.
    public let isRequired: Bool

    public init(_ name: String, also headers: [String] = [], required: Bool = true) {
        self.name = name
        self.headers = [name] + headers
        self.isRequired = required
    }
}

/// One row of a file being imported: where it is, and its fields as read.
public struct ImportRecord: Hashable, Sendable {
    /// The line of the file the row starts on.
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Where each wanted column sits in a file, found from its header line.
///
/// Headers match without regard to case, accents, spaces, `-` or `_`, so
/// `E-mail`, `Courriel`, `hr_id` and `Matricule` all find their column.
/// Columns nobody asked for are ignored: exports carry many.
public struct ImportColumns: Sendable {
    /// The header line as it was in the file.
    public let header: [String]
    private let positions: [String: Int]
    /// How the file writes dates that are not `YYYY-MM-DD` (``DateOrder``);
    /// `nil` when they all are.
    public var dateOrder: DateOrder?

    /// Finds `columns` in `header`.
    ///
    /// - Throws: ``CoreError/missingColumns(_:found:)`` naming every required
    ///   column that is absent, and ``CoreError/duplicateColumn(_:)`` when two
    ///   header cells name the same column.
    public init(header: [String], columns: [ImportColumn]) throws {
        self.header = header
        let folded = header.map(Self.fold)
        var positions: [String: Int] = [:]
        var missing: [String] = []
        for column in columns {
            let accepted = Set(column.headers.map(Self.fold))
            let matches = folded.indices.filter { accepted.contains(folded[$0]) }
            if matches.count > 1 { throw CoreError.duplicateColumn(column.name) }
            if let index = matches.first {
                positions[column.name] = index
            } else if column.isRequired {
                missing.append(column.name)
            }
        }
        guard missing.isEmpty else { throw CoreError.missingColumns(missing, found: header) }
        self.positions = positions
    }

    /// Where `column` is in the header, if the file has it.
    public func position(of column: ImportColumn) -> Int? { positions[column.name] }

    /// Whether the file has `column`.
    public func has(_ column: ImportColumn) -> Bool { positions[column.name] != nil }

    /// The trimmed text of `column` in `record`, or `nil` when the file has no
    /// such column or the cell is empty.
    public func text(_ column: ImportColumn, in record: ImportRecord) -> String? {
        guard let index = positions[column.name], index < record.fields.count else { return nil }
        let cell = record.fields[index]
        // Most cells need no trimming: check the ends before building a new string.
        guard let first = cell.utf8.first, let last = cell.utf8.last else { return nil }
        if first > 0x20 && last > 0x20 && first != UInt8(ascii: "'") { return cell }
        let trimmed = Self.unguarded(cell.trimmingCharacters(in: .whitespacesAndNewlines))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Undoes ``CSVWriter``'s formula guard, so a file this tool wrote (an
    /// export, a rejects file) reads back as it was: `'-` is `-`, `'=x` is `=x`.
    /// A `'` in front of anything the guard would not have touched stays.
    static func unguarded(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        let rest = String(cell.dropFirst())
        return CSVWriter.neutralised(rest) == cell ? rest : cell
    }

    /// A header cell reduced to what matters when matching: lower-case
    /// letters and digits without accents (`Équipe` → `equipe`, `E-mail` → `email`).
    public static func fold(_ header: String) -> String {
        String(
            header.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
