import AdvocacyCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
    public private(set) var columns: ImportColumns
    private var reader: CSVReader
    /// The first row, read ahead to see how the file writes its dates.
    private var firstRow: ImportRecord?
    /// A copy of a pipe or device read in full before the import begins,
    /// removed with the table.
    private let spooled: String?
    private let totalBytes: Int?
    private let progress: ((ImportProgress) -> Void)?
    private var rows = 0

    /// Reports progress every this many rows: often enough for a person
    /// watching, rarely enough to cost nothing.
    static let progressInterval = 1024

    /// Opens `source` and reads its header line.
    ///
    /// Dates that are not `YYYY-MM-DD` are read in `dateOrder` when given;
    /// otherwise, when the first row's are not, the whole file's dates are
    /// read first to find their order (``DateOrder/decide(_:)``).
    ///
    /// - Throws: ``KitError/invalidImportSource(_:reason:)`` for an empty
    ///   table, one that is not CSV, one missing a needed column, or one
    ///   whose dates could be read in two orders; the system's words for a
    ///   missing or unreadable file.
    public init(
        _ source: ImportSource, kind: ImportKind, delimiter: CSVDelimiter? = nil, dateOrder: DateOrder? = nil,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws {
        self.source = source
        self.kind = kind
        self.progress = progress
        let rereadable: ImportSource
        switch source {
        case .file(let path):
            // A pipe or a device is copied whole first: the import holds the
            // programme's write lock while it reads, and must never wait on a
            // writer at the other end of a FIFO meanwhile.
            let copied = try Self.spoolIfNotRegular(path)
            do {
                spooled = try Self.unpacked(kind, from: .file(path: copied ?? path), named: path) ?? copied
            } catch {
                if let copied { try? FileManager.default.removeItem(atPath: copied) }
                throw error
            }
            if spooled != copied, let copied { try? FileManager.default.removeItem(atPath: copied) }
            let readable = spooled ?? path
            rereadable = .file(path: readable)
            // The reader names a missing file or a folder in the system's words.
            reader = try CSVReader(path: readable, delimiter: delimiter)
            totalBytes = try? FileManager.default.attributesOfItem(atPath: readable)[.size] as? Int
        case .bytes(let data, _):
            spooled = try Self.unpacked(kind, from: source, named: source.name)
            if let spooled {
                rereadable = .file(path: spooled)
                reader = try CSVReader(path: spooled, delimiter: delimiter)
                totalBytes = try? FileManager.default.attributesOfItem(atPath: spooled)[.size] as? Int
            } else {
                rereadable = source
                reader = CSVReader(data: data, delimiter: delimiter)
                totalBytes = data.count
            }
        }
        do {
            guard let header = try reader.next() else {
                throw KitError.invalidImportSource(
                    source.name, reason: "the file is empty: expected a header line naming its columns")
            }
            columns = try ImportColumns(header: header, columns: try kind.columns(for: header))
            let dateColumns = kind.dateColumns.compactMap(columns.position(of:))
            guard !dateColumns.isEmpty else { return }
            if let dateOrder {
                columns.dateOrder = dateOrder
                return
            }
            firstRow = try reader.next().map { ImportRecord(line: reader.line, fields: $0) }
            let firstDates = dateColumns.compactMap { column in firstRow.flatMap { Self.cell($0.fields, column) } }
            if !firstDates.allSatisfy(DateOrder.isISO) {
                columns.dateOrder = try Self.dateOrder(of: rereadable, delimiter: self.delimiter, in: dateColumns)
            }
        } catch let error as CoreError {
            throw KitError.invalidImportSource(source.name, reason: error.localizedDescription)
        }
    }

    deinit {
        if let spooled { try? FileManager.default.removeItem(atPath: spooled) }
    }

    /// Copies `path` to a temporary file (mode 0600) when it exists and is not
    /// a regular file (a FIFO, standard input, a device), 1 MiB at a time,
    /// and returns the copy's path; `nil` for a regular file or a missing one.
    static func spoolIfNotRegular(_ path: String) throws -> String? {
        // stat(2) follows links, as /dev/stdin is one to a pipe.
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG, (status.st_mode & S_IFMT) != S_IFDIR else {
            return nil
        }
        guard let input = FileHandle(forReadingAtPath: path) else {
            throw KitError.unreadableSource(path, reason: "it cannot be opened for reading")
        }
        defer { try? input.close() }
        return try TemporaryCopy.make(named: "input.csv", of: path) { output in
            do {
                while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try output.write(contentsOf: chunk) }
            } catch {
                throw KitError.unreadableSource(path, reason: "reading it stopped: \(error.localizedDescription)")
            }
        }
    }

    /// The table of `kind` copied out of `source` to a temporary file when
    /// `source` is the ZIP archive its platform exports (LinkedIn's data
    /// export holds `Shares.csv`), or `nil` when it is the table itself.
    static func unpacked(_ kind: ImportKind, from source: ImportSource, named name: String) throws -> String? {
        guard DownloadedArchive.isArchive(source) else { return nil }
        let archive = try DownloadedArchive(source)
        guard let table = kind.archivedTable, let path = try archive.path(named: table) else {
            throw KitError.invalidImportSource(
                name,
                reason: kind.archivedTable.map {
                    "it is a ZIP archive without \($0): give the export's ZIP as downloaded, or the \($0) inside it"
                } ?? "it is a ZIP archive, not a CSV table: unzip it and give the table inside")
        }
        return try archive.copy(path)
    }

    /// A field's trimmed text, `nil` when absent or empty.
    private static func cell(_ fields: [String], _ index: Int) -> String? {
        guard index < fields.count else { return nil }
        let text = fields[index].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    /// The order of the dates in `columns` of the whole source, read once
    /// more from its start. Only a regular file or bytes can be read twice.
    private static func dateOrder(of source: ImportSource, delimiter: CSVDelimiter, in columns: [Int]) throws -> DateOrder? {
        var reader: CSVReader
        switch source {
        case .file(let path):
            guard (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
            else {
                throw KitError.invalidImportSource(
                    source.name,
                    reason:
                        "its dates are not written YYYY-MM-DD, and it is not a regular file that can be read twice to find their order: give it with --date-order dmy, mdy or ymd"
                )
            }
            reader = try CSVReader(path: path, delimiter: delimiter)
        case .bytes(let data, _):
            reader = CSVReader(data: data, delimiter: delimiter)
        }
        _ = try reader.next()
        var dates: [(line: Int, text: String)] = []
        while let fields = try reader.next() {
            for column in columns { if let text = cell(fields, column) { dates.append((reader.line, text)) } }
        }
        return try DateOrder.decide(dates)
    }

    /// The delimiter in use (given, or found in the header line).
    public var delimiter: CSVDelimiter { reader.delimiter ?? .comma }

    /// The next row, or `nil` at the end of the table.
    func next() throws -> ImportRecord? {
        if let row = firstRow {
            firstRow = nil
            rows += 1
            return row
        }
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
