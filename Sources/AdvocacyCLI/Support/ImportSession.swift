import AdvocacyCore
import Foundation

/// A CSV file being imported: its header matched to the columns wanted, its
/// rows read one at a time (memory stays flat), with a progress line.
struct CSVImportFile {
    let path: String
    let columns: ImportColumns
    private var reader: CSVReader
    private var progress: ImportProgress

    init(path: String, delimiter: CSVDelimiter?, columns wanted: [ImportColumn], context: CommandContext) throws {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CLIError.unreadableFile(path: path, reason: "no such file")
        }
        if isFolder.boolValue { throw CLIError.unreadableFile(path: path, reason: "it is a folder: expected a CSV file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        do {
            reader = try CSVReader(path: path, delimiter: delimiter)
            guard let header = try reader.next() else {
                throw CLIError.invalidImportFile(path: path, reason: "the file is empty: expected a header line naming its columns")
            }
            columns = try ImportColumns(header: header, columns: wanted)
        } catch let error as CoreError {
            throw CLIError.invalidImportFile(path: path, reason: error.localizedDescription)
        }
        progress = ImportProgress(unit: "rows", total: size, context: context)
    }

    /// The delimiter in use (given, or found in the header line).
    var delimiter: CSVDelimiter { reader.delimiter ?? .comma }

    /// The next row, or `nil` at the end of the file.
    mutating func next() throws -> ImportRecord? {
        do {
            guard let fields = try reader.next() else {
                progress.finish()
                return nil
            }
            progress.advance(done: reader.bytesRead)
            return ImportRecord(line: reader.line, fields: fields)
        } catch let error as CoreError {
            progress.finish()
            throw CLIError.invalidImportFile(path: path, reason: error.localizedDescription)
        }
    }
}

/// The rows an import set aside, written beside the file as `FILE.rejects.csv`
/// with the file's own columns and a `reason` column, ready to fix and import again.
///
/// Rows are streamed to a temporary file and renamed into place only when
/// the import is saved, so a failed run leaves no misleading rejects file.
final class RejectsFile {
    let path: String
    private let header: [String]
    private let writer: CSVWriter
    private var handle: FileHandle?
    private var temporaryPath: String?
    private var buffer: [UInt8] = []
    private(set) var count = 0

    init(besides source: String, header: [String], delimiter: CSVDelimiter) {
        path = source + ".rejects.csv"
        self.header = header
        writer = CSVWriter(delimiter: delimiter)
    }

    func add(_ record: ImportRecord, reason: String) throws {
        if handle == nil { try open() }
        count += 1
        // A short row (one the reader would refuse) never reaches here; pad anyway so columns line up.
        let cells = record.fields + Array(repeating: "", count: max(0, header.count - record.fields.count))
        writer.append(cells + [reason], to: &buffer)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Moves the rejects into place; returns the path when there were any.
    func save() throws -> String? {
        guard let handle, let temporaryPath else { return nil }
        try flush()
        try handle.close()
        self.handle = nil
        guard rename(temporaryPath, path) == 0 else {
            throw CLIError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        return path
    }

    /// Removes the temporary file, if any.
    func discard() {
        try? handle?.close()
        handle = nil
        if let temporaryPath { try? FileManager.default.removeItem(atPath: temporaryPath) }
    }

    private func open() throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).\(UUID().uuidString).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CLIError.cannotWrite(path: path, reason: "the folder is not writable")
        }
        self.handle = handle
        temporaryPath = temporary
        writer.append(header + ["reason"], to: &buffer)
    }

    private func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { throw CLIError.cannotWrite(path: path, reason: "the disk is full") }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// What an import command prints as JSON.
struct ImportReport: Encodable {
    var file: String
    var dryRun: Bool
    var written: Bool
    var inserted: Int
    var updated: Int
    var unchanged: Int
    var rejected: Int
    var problems: [ImportProblem]
    var rejectsFile: String?

    init(file: String, mode: ImportMode, summary: ImportSummary, rejectsFile: String?) {
        self.file = file
        dryRun = mode == .dryRun
        written = summary.written
        inserted = summary.inserted
        updated = summary.updated
        unchanged = summary.unchanged
        rejected = summary.rejected
        problems = summary.problems
        self.rejectsFile = rejectsFile
    }
}

extension CommandContext {
    /// Runs an import of the CSV file at `path`: reads it row by row into
    /// `run` (a store import), writes the rejects file when rows were set
    /// aside, and prints the summary.
    ///
    /// - Throws: ``CLIError/importRefused(path:rejected:dryRun:)`` when rows
    ///   were invalid and nothing was written, after printing them.
    func importCSV(
        _ path: String, options: ImportOptions, delimiter: CSVDelimiter?, columns wanted: [ImportColumn],
        run: (ImportMode, ImportColumns, () throws -> ImportRecord?, (ImportRecord, String) throws -> Void) throws -> ImportSummary
    ) throws {
        var file = try CSVImportFile(path: path, delimiter: delimiter, columns: wanted, context: self)
        let rejects = RejectsFile(besides: path, header: file.columns.header, delimiter: file.delimiter)
        let keepRejects = options.mode == .skipInvalid
        let summary: ImportSummary
        do {
            summary = try run(options.mode, file.columns, { try file.next() }) { record, reason in
                if keepRejects { try rejects.add(record, reason: reason) }
            }
        } catch {
            rejects.discard()
            throw error
        }
        let rejectsPath = summary.written ? try rejects.save() : nil
        if !summary.written { rejects.discard() }
        try report(summary, source: path, mode: options.mode, format: options.format, rejectsFile: rejectsPath)
    }

    /// Prints an import's problems (`FILE:LINE: message`) and summary line.
    func report(_ summary: ImportSummary, source: String, mode: ImportMode, format: ReportFormat, rejectsFile: String?) throws {
        switch format {
        case .json:
            print(try Self.json(ImportReport(file: source, mode: mode, summary: summary, rejectsFile: rejectsFile)))
        case .text:
            for problem in summary.problems { note("\(source):\(problem.line): \(problem.message)") }
            if summary.rejected > summary.problems.count {
                let more = summary.rejected - summary.problems.count
                note("\(source): … and \(more) more invalid row\(more == 1 ? "" : "s")")
            }
            var line = "\(source): \(summary.counts)"
            if mode == .dryRun { line += " (dry run: nothing written)" } else if !summary.written { line += " (nothing written)" }
            print(line)
            if let rejectsFile { note("\(summary.rejected) rejected row\(summary.rejected == 1 ? "" : "s") written to \(rejectsFile)") }
        }
        if mode != .skipInvalid && summary.rejected > 0 {
            throw CLIError.importRefused(path: source, rejected: summary.rejected, dryRun: mode == .dryRun)
        }
    }
}
