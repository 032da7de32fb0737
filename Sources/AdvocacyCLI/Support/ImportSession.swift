import AdvocacyCore
import AdvocacyKit
import Foundation

/// The rows an import set aside, written beside the file as `FILE.rejects.csv`
/// with the file's own columns and a `reason` column, ready to fix and import again.
///
/// Rows are streamed to a temporary file and renamed into place only when
/// the import is saved, so a failed run leaves no misleading rejects file.
final class RejectsFile {
    let path: String
    private let header: [String]
    private let writer: CSVWriter
    private var file: AtomicFile.Pending?
    private var buffer: [UInt8] = []

    init(besides source: String, header: [String], delimiter: CSVDelimiter) {
        path = source + ".rejects.csv"
        self.header = header
        writer = CSVWriter(delimiter: delimiter)
    }

    func add(_ record: ImportRecord, reason: String) throws {
        if file == nil { try open() }
        writer.append(record.fields + [reason], to: &buffer)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Moves the rejects into place, synced, when `keep` is true and there
    /// were any, returning the path; otherwise removes the temporary file.
    func finish(keep: Bool) throws -> String? {
        guard let file else { return nil }
        // Released here, the temporary file removes itself unless committed.
        self.file = nil
        guard keep else { return nil }
        try flush(to: file)
        try file.commit(diskFull: "the disk is full")
        return path
    }

    private func open() throws {
        guard let file = AtomicFile.Pending(path) else {
            throw CLIError.cannotWrite(path: path, reason: "the folder is not writable")
        }
        self.file = file
        writer.append(header + ["reason"], to: &buffer)
    }

    private func flush() throws {
        if let file { try flush(to: file) }
    }

    private func flush(to file: AtomicFile.Pending) throws {
        guard !buffer.isEmpty else { return }
        do { try file.handle.write(contentsOf: buffer) } catch {
            throw CLIError.cannotWrite(path: path, reason: "the disk is full")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// What an import command prints as JSON: the summary's fields, with the file.
struct ImportReport: Encodable {
    var file: String
    var dryRun: Bool
    var summary: ImportSummary
    var rejectsFile: String?

    enum CodingKeys: String, CodingKey { case file, dryRun, rejectsFile }

    /// One flat object, so scripts read `inserted` beside `file`.
    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encodeIfPresent(rejectsFile, forKey: .rejectsFile)
    }
}

extension CommandContext {
    /// Imports the CSV file at `path` as a table of `kind`, with a progress
    /// line on a terminal, its refused rows set aside beside it when the mode
    /// is skip-invalid, and its report (see ``runImport(source:options:rejects:run:)``).
    /// `around` wraps the import (to notice the consent it records).
    func importTable(
        _ path: String, kind: ImportKind, options: ImportOptions, delimiter: CSVDelimiter?, dateOrder: DateOrder? = nil,
        into programme: Programme,
        by actor: EmailAddress, around: (() throws -> ImportSummary) throws -> ImportSummary = { try $0() }
    ) throws {
        let progress = ProgressLine(unit: "rows", total: nil, context: self)
        defer { progress.finish() }
        let table = try ImportTable(.file(path: path), kind: kind, delimiter: delimiter, dateOrder: dateOrder) { read in
            progress.update(count: read.rows, done: read.bytesRead, of: read.totalBytes)
        }
        let rejects = RejectsFile(besides: path, header: table.columns.header, delimiter: table.delimiter)
        let today = self.today
        try runImport(source: path, options: options, rejects: rejects) { reject in
            // `around` calls the import once, before it returns; the compiler cannot see that it keeps nothing.
            try withoutActuallyEscaping(reject) { reject in
                try around {
                    try programme.importTable(table, mode: options.mode, today: today, by: actor, onReject: reject)
                }
            }
        }
    }

    /// Runs `run` (a store import, handed where to put refused rows), keeps
    /// those rows in `rejects` when the mode is skip-invalid and the import was
    /// saved, and prints the report.
    ///
    /// - Throws: ``CLIError/importRefused(path:rejected:dryRun:)`` when rows
    ///   were invalid and nothing was written, after printing them.
    func runImport(
        source: String, options: ImportOptions, rejects: RejectsFile?,
        run: ((ImportRecord, String) throws -> Void) throws -> ImportSummary
    ) throws {
        let kept = options.mode == .skipInvalid ? rejects : nil
        let summary: ImportSummary
        do {
            summary = try run { record, reason in try kept?.add(record, reason: reason) }
        } catch {
            _ = try? kept?.finish(keep: false)
            throw error
        }
        let rejectsFile = try kept?.finish(keep: summary.written)
        try report(summary, source: source, mode: options.mode, format: options.format, rejectsFile: rejectsFile)
    }

    /// Prints an import's problems (`FILE:LINE: message`) and summary line.
    func report(_ summary: ImportSummary, source: String, mode: ImportMode, format: ReportFormat, rejectsFile: String?) throws {
        switch format {
        case .json:
            print(try Self.json(ImportReport(file: source, dryRun: mode == .dryRun, summary: summary, rejectsFile: rejectsFile)))
        case .text:
            // One line each, of readable length, whatever the cell held.
            for problem in summary.problems { note("\(source):\(problem.line): \(AdvocacyCLI.errorLine(problem.message))") }
            if summary.rejected > summary.problems.count {
                let more = summary.rejected - summary.problems.count
                note("\(source): … and \(more) more invalid row\(more == 1 ? "" : "s")")
            }
            for warning in summary.warnings {
                note("\(source):\(warning.line): warning: \(AdvocacyCLI.errorLine(warning.message))")
            }
            if summary.warned > summary.warnings.count {
                let more = summary.warned - summary.warnings.count
                note("\(source): … and \(more) more warning\(more == 1 ? "" : "s")")
            }
            var line = "\(source): \(summary.counts)"
            if mode == .dryRun { line += " (dry run: nothing written)" } else if !summary.written { line += " (nothing written)" }
            print(line)
            if let rejectsFile {
                note("\(summary.rejected) rejected row\(summary.rejected == 1 ? "" : "s") written to \(rejectsFile)")
            }
        }
        if mode != .skipInvalid && summary.rejected > 0 {
            throw CLIError.importRefused(path: source, rejected: summary.rejected, dryRun: mode == .dryRun)
        }
    }
}
