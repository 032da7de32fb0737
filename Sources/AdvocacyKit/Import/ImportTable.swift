import AdvocacyCore
import Foundation

/// A CSV table opened for import: its header matched to the columns its kind
/// needs, its rows read one at a time so memory stays flat however long it is.
///
/// A front end opens the table first, so it knows the header and delimiter
/// (to set refused rows aside in the table's own shape), then hands it to
/// ``Programme/importTable(_:mode:today:by:onReject:)``.
public final class ImportTable {
    public let source: ImportSource
    public let kind: ImportKind
    /// The header line as written, and the columns it was matched to.
    public let columns: ImportColumns
    private var reader: CSVReader
    private let totalBytes: Int?
    private let progress: ((ImportProgress) -> Void)?
    private var rows = 0

    /// Reports progress every this many rows: often enough for a person
    /// watching, rarely enough to cost nothing.
    static let progressInterval = 1024

    /// Opens `source` and reads its header line.
    ///
    /// - Throws: ``KitError/invalidImportSource(_:reason:)`` for an empty
    ///   table, one that is not CSV or one missing a needed column; the
    ///   system's words for a missing or unreadable file.
    public init(
        _ source: ImportSource, kind: ImportKind, delimiter: CSVDelimiter? = nil,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws {
        self.source = source
        self.kind = kind
        self.progress = progress
        switch source {
        case .file(let path):
            // The reader names a missing file or a folder in the system's words.
            reader = try CSVReader(path: path, delimiter: delimiter)
            totalBytes = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        case .bytes(let data, _):
            reader = CSVReader(data: data, delimiter: delimiter)
            totalBytes = data.count
        }
        do {
            guard let header = try reader.next() else {
                throw KitError.invalidImportSource(
                    source.name, reason: "the file is empty: expected a header line naming its columns")
            }
            columns = try ImportColumns(header: header, columns: try kind.columns(for: header))
        } catch let error as CoreError {
            throw KitError.invalidImportSource(source.name, reason: error.localizedDescription)
        }
    }

    /// The delimiter in use (given, or found in the header line).
    public var delimiter: CSVDelimiter { reader.delimiter ?? .comma }

    /// The next row, or `nil` at the end of the table.
    func next() throws -> ImportRecord? {
        do {
            guard let fields = try reader.next() else { return nil }
            rows += 1
            if let progress, rows % Self.progressInterval == 0 {
                progress(ImportProgress(rows: rows, bytesRead: reader.bytesRead, totalBytes: totalBytes))
            }
            return ImportRecord(line: reader.line, fields: fields)
        } catch let error as CoreError {
            throw KitError.invalidImportSource(source.name, reason: error.localizedDescription)
        }
    }
}
