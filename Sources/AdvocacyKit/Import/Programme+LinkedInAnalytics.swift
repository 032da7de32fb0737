import AdvocacyCore
import AdvocacyStore
import Foundation

/// What importing LinkedIn's creator analytics workbook did, sheet by sheet.
public struct LinkedInAnalyticsImport: Sendable {
    /// TOP POSTS: the posts and their figures.
    public var posts: ImportSummary
    /// FOLLOWERS: the audience of each day (nothing when the sheet gives no total).
    public var audience: ImportSummary
}

extension Programme {
    /// Whether `source` is an Excel workbook (a ZIP archive holding
    /// `xl/workbook.xml`), as LinkedIn's creator analytics export is, rather
    /// than a CSV table or the data export's archive.
    public static func isWorkbook(_ source: ImportSource) -> Bool {
        guard DownloadedArchive.isArchive(source), let archive = try? DownloadedArchive(source) else { return false }
        return (try? archive.paths().contains("xl/workbook.xml")) == true
    }

    /// Imports LinkedIn's creator analytics workbook for `author`: each post
    /// of TOP POSTS as an action on their LinkedIn channel with its
    /// engagements and impressions (figures from a platform's file), then the
    /// audience of each day of FOLLOWERS, counted back from the total the
    /// sheet gives on its last day (``FollowerChanges/counts(base:on:changes:)``).
    ///
    /// The posts are written first, all or nothing as `mode` says; the
    /// audience only once they are (in a dry run, checked and not written).
    /// Importing the same workbook twice changes nothing.
    ///
    /// - Throws: ``KitError/invalidImportSource(_:reason:)`` for a file that
    ///   is not such a workbook, or one that inflates past its limits.
    public func importLinkedInAnalytics(
        _ source: ImportSource, mode: ImportMode, author: EmailAddress, today: LocalDate, by actor: EmailAddress,
        onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> LinkedInAnalyticsImport {
        let contents: LinkedInAnalytics.Contents
        do {
            let archive = try DownloadedArchive(source)
            contents = try LinkedInAnalytics.read(try Workbook.read { try archive.data(at: $0) })
        } catch let error as CoreError {
            throw KitError.invalidImportSource(source.name, reason: error.localizedDescription)
        }
        try requireWholeImport(of: author, projects: [], channel: nil, by: actor)
        let (channel, known) = try store.reading { tx in
            let channel = try Self.platformChannel(
                .linkedin, named: "LinkedIn", example: "https://www.linkedin.com/in/HANDLE", of: author, in: tx,
                source: source.name)
            return (channel, try tx.linkedInPosts(of: author))
        }
        var posts = contents.posts.makeIterator()
        let postSummary = try store.importActions(
            mode, by: actor, next: { posts.next() },
            draft: { ImportableAction(try LinkedInAnalytics.draft($0, author: author, today: today, known: known)) },
            mayActFor: Self.mayImportActions, figures: .file, onReject: onReject)

        guard let total = contents.total else { return LinkedInAnalyticsImport(posts: postSummary, audience: ImportSummary()) }
        var changeOnLine: [Int: Result<(day: LocalDate, net: Int), CoreError>] = [:]
        for record in contents.days {
            do {
                changeOnLine[record.line] = .success(try LinkedInAnalytics.followerChange(record))
            } catch let error as CoreError {
                changeOnLine[record.line] = .failure(error)
            }
        }
        let counts = FollowerChanges.counts(
            base: total.followers, on: total.day, changes: changeOnLine.values.compactMap { try? $0.get() })
        var days = contents.days.makeIterator()
        let audienceMode = postSummary.written || mode == .dryRun ? mode : .dryRun
        let audience = try store.importFollowers(
            audienceMode, by: actor, next: { days.next() },
            row: { record in
                guard let change = changeOnLine[record.line] else { throw CoreError.emptyCell(column: "Date") }
                let day = try change.get().day
                guard let followers = counts[day], followers >= 0 else {
                    throw CoreError.invalidCount(name: "followers", value: counts[day] ?? -1)
                }
                return try FollowerImportRow(channel: channel, date: day, followers: followers, today: today)
            },
            mayActFor: Self.mayRecordFollowers, figures: .file, onReject: onReject)
        return LinkedInAnalyticsImport(posts: postSummary, audience: audience)
    }
}
