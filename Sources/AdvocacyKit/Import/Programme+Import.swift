import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Imports a CSV table of the kind it was opened as, in one transaction:
    /// all or nothing, valid rows only (`skipInvalid`, each refused row handed
    /// to `onReject` with the reason), or a dry run that writes nothing.
    ///
    /// Actions and X's posts: each author themself, or an admin for anyone's.
    /// Rows are keyed by canonical address, so importing a file twice changes
    /// nothing the second time. Employees: admin only. Followers: each
    /// channel's owner, or an admin.
    ///
    /// Actions, X's posts and LinkedIn's shares are read and checked on a
    /// second thread while the database writes (``PrefetchedRows``), up to
    /// tens of thousands of rows ahead, in file order.
    public func importTable(
        _ table: ImportTable, mode: ImportMode, today: LocalDate, by actor: EmailAddress,
        onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> ImportSummary {
        let columns = table.columns
        switch table.kind {
        case .actions:
            let emails = EmailCache()
            let rows = PrefetchedRows(next: table.next) {
                ImportableAction(try ActionImportColumns.draft($0, in: columns, today: today, emails: emails))
            }
            defer { rows.stop() }
            return try store.importActions(
                mode, by: actor, next: rows.next, draft: rows.draft, mayActFor: Self.mayImportActions, onReject: onReject)
        case .xAnalytics(let author):
            try requireWholeImport(of: author, projects: [], channel: nil, by: actor)
            let export = try XExport.recognise(header: columns.header)
            if export == .accountOverview {
                return try importFollowerChanges(table, of: author, mode: mode, today: today, by: actor, onReject: onReject)
            }
            let rows = PrefetchedRows(next: table.next) {
                ImportableAction(try export.draft($0, in: columns, author: author, today: today))
            }
            defer { rows.stop() }
            return try store.importActions(
                mode, by: actor, next: rows.next, draft: rows.draft, mayActFor: Self.mayImportActions, figures: .file,
                onReject: onReject)
        case .linkedInShares(let author):
            try requireWholeImport(of: author, projects: [], channel: nil, by: actor)
            let known = try store.reading { tx in
                _ = try Self.platformChannel(
                    .linkedin, named: "LinkedIn", example: "https://www.linkedin.com/in/HANDLE", of: author, in: tx,
                    source: table.source.name)
                return try tx.linkedInPosts(of: author)
            }
            let rows = PrefetchedRows(next: table.next) {
                ImportableAction(try LinkedInShares.draft($0, in: columns, author: author, today: today, known: known))
            }
            defer { rows.stop() }
            return try store.importActions(
                mode, by: actor, next: rows.next, draft: rows.draft, mayActFor: Self.mayImportActions, figures: .file,
                onReject: onReject)
        case .employees(let updating):
            return try store.importEmployees(
                mode, updating: updating, by: actor, columns: columns, next: table.next,
                authorize: { try AccessRules.requireAdmin($0, to: "import employees") }, onReject: onReject)
        case .followers:
            return try store.importFollowers(
                mode, by: actor, next: table.next, row: { try FollowerImportRow($0, in: columns, today: today) },
                mayActFor: Self.mayRecordFollowers, onReject: onReject)
        }
    }

    /// Refuses, once for the whole import, what would refuse each of its
    /// rows: `actor` may not import `author`'s work, `author` is unknown or
    /// inactive or has withdrawn their consent, or a project is unknown.
    func requireWholeImport(of author: EmailAddress, projects: [ProjectCode], channel: CanonicalURL?, by actor: EmailAddress)
        throws
    {
        try store.reading { tx in
            let acting = try tx.actor(actor)
            try Self.mayImportActions(acting, for: author)
            _ = try tx.requireActiveEmployee(author)
            for project in projects { _ = try tx.project(project) }
            try tx.requireConsent(of: author, by: acting, channel: channel, source: .ownAction)
        }
    }

    /// `author`'s one channel of `kind`, which a platform's file belongs to
    /// (its rows may not name the account): refused once, before any row,
    /// when they have none or several. `example` is that platform's profile
    /// address, with HANDLE for the name.
    static func platformChannel(
        _ kind: ChannelKind, named platform: String, example: String, of author: EmailAddress, in tx: StoreTransaction,
        source: String
    ) throws -> CanonicalURL {
        let own = try tx.channels(ownedBy: author).filter { $0.kind == kind }
        guard own.count == 1, let channel = own.first else {
            let listed = own.map(\.url.string).joined(separator: ", ")
            throw KitError.invalidImportSource(
                source,
                reason: own.isEmpty
                    ? "\(author) has no \(platform) channel for this file: add it first ('advocacy channel add \(author) \(example)')"
                    : "\(author) has \(own.count) \(platform) channels (\(listed)), and the file does not say which account it is from"
            )
        }
        return channel.url
    }

    /// Whether `actor` may record `owner`'s follower counts: their own, or anyone's for an admin.
    static func mayRecordFollowers(_ actor: Actor, for owner: EmailAddress) throws {
        try AccessRules.requireSelfOrAdmin(actor, owner: owner, to: "record followers for others")
    }

    /// Whether `actor` may import `author`'s actions: their own, or anyone's for an admin.
    static func mayImportActions(_ actor: Actor, for author: EmailAddress) throws {
        try AccessRules.requireSelfOrAdmin(actor, owner: author, to: "import actions for others")
    }
}
