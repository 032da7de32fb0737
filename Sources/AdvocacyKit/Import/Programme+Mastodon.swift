import AdvocacyCore
import AdvocacyStore
import Foundation

/// What a Mastodon archive import did, and what it left out on purpose.
public struct MastodonImport: Sendable {
    public var summary: ImportSummary
    /// Boosts of other people's posts, not the person's work.
    public var boosts: Int
    /// Posts addressed to neither the public nor the followers: private, never imported.
    public var directMessages: Int
}

extension Programme {
    /// Imports the public posts (and replies, as comments) of a Mastodon
    /// account's `outbox.json` as actions of `author`, on their Mastodon
    /// channel (found from each post's address, `instance/@user`).
    ///
    /// - Throws: ``KitError/unreadableSource(_:reason:)`` for a file that
    ///   cannot be read, ``KitError/invalidImportSource(_:reason:)`` for one
    ///   that is not an outbox.
    public func importMastodonArchive(
        _ source: ImportSource, mode: ImportMode, author: EmailAddress, today: LocalDate, by actor: EmailAddress,
        onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> MastodonImport {
        try requireWholeImport(of: author, projects: [], channel: nil, by: actor)
        let data: Data
        if DownloadedArchive.isArchive(source) {
            // The archive as downloaded holds outbox.json beside the media, which is never read.
            let archive = try DownloadedArchive(source)
            guard let path = try archive.path(named: "outbox.json"),
                let outbox = try archive.data(at: path, limit: DownloadedArchive.outboxLimit)
            else {
                throw KitError.invalidImportSource(
                    source.name, reason: "it is a ZIP archive without outbox.json: give the account's archive, or its outbox.json"
                )
            }
            data = outbox
        } else {
            switch source {
            case .file(let path):
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: path))
                } catch {
                    throw KitError.unreadableSource(
                        path, reason: (error as NSError).localizedFailureReason ?? "it cannot be read")
                }
            case .bytes(let bytes, _):
                data = bytes
            }
        }
        let contents: MastodonOutbox.Contents
        do {
            contents = try MastodonOutbox.read(data)
        } catch let error as CoreError {
            throw KitError.invalidImportSource(source.name, reason: error.localizedDescription)
        }
        var records = contents.records.makeIterator()
        let summary = try store.importActions(
            mode, by: actor, next: { records.next() },
            draft: { ImportableAction(try MastodonOutbox.draft($0, author: author, today: today)) },
            mayActFor: Self.mayImportActions, figures: .file,
            onReject: onReject)
        return MastodonImport(summary: summary, boosts: contents.boosts, directMessages: contents.directMessages)
    }
}
