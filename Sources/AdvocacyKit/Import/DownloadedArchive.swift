import AdvocacyCore
import Foundation
import ZIPFoundation

/// A ZIP archive as a platform hands it over (LinkedIn's data export, an
/// XLSX workbook, a Mastodon archive), opened to read one or a few of its
/// files, never trusted about their size.
///
/// What a member says about its size is only a claim: a ZIP bomb claims
/// little and inflates to gigabytes. Every member is inflated a chunk at a
/// time and the bytes really produced are counted, so a member that goes
/// past its limit is refused as soon as it does, having used no more memory
/// (or disk) than the limit.
struct DownloadedArchive {
    /// The file the archive is, or the name of the bytes it came as.
    let name: String
    private let archive: Archive

    /// A part read into memory (a workbook's XML) may inflate to this much.
    static let memoryLimit = 16 << 20
    /// A Mastodon outbox, read whole, may inflate to this much (years of posts).
    static let outboxLimit = 64 << 20
    /// A table copied to a temporary file (`Shares.csv`) may inflate to this much.
    static let fileLimit = 256 << 20
    /// An export has tens of files; an archive listing more is not one.
    static let entryLimit = 10_000

    /// Whether `source` starts as a ZIP archive does (`PK\3\4`, or `PK\5\6`
    /// for an empty one), whatever its name. Only a regular file is looked
    /// at: reading a pipe's first bytes would take them from the import.
    static func isArchive(_ source: ImportSource) -> Bool {
        let head: Data
        switch source {
        case .file(let path):
            guard (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular,
                let handle = FileHandle(forReadingAtPath: path)
            else { return false }
            defer { try? handle.close() }
            head = (try? handle.read(upToCount: 4)) ?? Data()
        case .bytes(let data, _):
            head = data.prefix(4)
        }
        return head == Data([0x50, 0x4B, 0x03, 0x04]) || head == Data([0x50, 0x4B, 0x05, 0x06])
    }

    /// Opens the archive.
    ///
    /// - Throws: ``KitError/invalidImportSource(_:reason:)`` for a file that
    ///   is not a ZIP archive or whose directory is damaged.
    init(_ source: ImportSource) throws {
        name = source.name
        do {
            switch source {
            case .file(let path): archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            case .bytes(let data, _): archive = try Archive(data: data, accessMode: .read)
            }
        } catch {
            throw KitError.invalidImportSource(
                source.name, reason: "it is not a ZIP archive that can be read (its directory is missing or damaged)")
        }
    }

    /// The paths of the archive's files (not its folders), in its order.
    func paths() throws -> [String] {
        var paths: [String] = []
        for entry in archive where entry.type == .file {
            paths.append(entry.path)
            guard paths.count <= Self.entryLimit else {
                throw KitError.invalidImportSource(
                    name, reason: "it holds more than \(NumberText.grouped(Self.entryLimit)) files, far more than an export")
            }
        }
        return paths
    }

    /// The whole of the member at `path`, or `nil` when there is none.
    ///
    /// - Throws: ``KitError/invalidImportSource(_:reason:)`` when it inflates
    ///   past `limit` or is damaged.
    func data(at path: String, limit: Int = memoryLimit) throws -> Data? {
        guard let entry = archive[path], entry.type == .file else { return nil }
        var data = Data()
        try inflate(entry, limit: limit) { data.append($0) }
        return data
    }

    /// The path of the first file named `name` (in any folder, any case).
    func path(named name: String) throws -> String? {
        try paths().first { ($0 as NSString).lastPathComponent.lowercased() == name.lowercased() }
    }

    /// Copies the member at `path` to a new temporary file (mode 0600) and
    /// returns its path, which the caller removes.
    ///
    /// - Throws: ``KitError/invalidImportSource(_:reason:)`` when it inflates
    ///   past ``fileLimit`` or is damaged (the copy is then removed).
    func copy(_ path: String) throws -> String {
        guard let entry = archive[path], entry.type == .file else {
            throw KitError.invalidImportSource(name, reason: "it has no \(path)")
        }
        return try TemporaryCopy.make(named: (path as NSString).lastPathComponent, of: name) { output in
            try inflate(entry, limit: Self.fileLimit) { try output.write(contentsOf: $0) }
        }
    }

    /// Hands the member's bytes to `consume` as they inflate, refusing it
    /// once they pass `limit`, whatever the member claimed.
    private func inflate(_ entry: Entry, limit: Int, into consume: (Data) throws -> Void) throws {
        let refusal = KitError.invalidImportSource(
            name,
            reason:
                "\(entry.path) inflates to more than \(limit >> 20) MB, far more than an export holds (a ZIP bomb?)"
        )
        // A claim already past the limit is refused before inflating anything.
        guard entry.uncompressedSize <= UInt64(limit) else { throw refusal }
        var produced = 0
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                produced += chunk.count
                guard produced <= limit else { throw refusal }
                try consume(chunk)
            }
        } catch let error as KitError {
            throw error
        } catch {
            throw KitError.invalidImportSource(
                name, reason: "\(entry.path) in the archive is damaged and cannot be inflated; download the export again")
        }
    }
}
