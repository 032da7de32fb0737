import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// X's account overview: each day's follower changes (new follows less
    /// unfollows) become the follower count of `author`'s X channel that day,
    /// counted from a count already recorded for that channel (the latest on
    /// or before the file's last day, else the earliest after it). Days are
    /// then written as a followers import writes them, so importing the same
    /// file twice changes nothing.
    ///
    /// The file is one row a day, so it is read whole before anything is
    /// written. A row that cannot be read is refused with its line, like any
    /// import's row.
    func importFollowerChanges(
        _ table: ImportTable, of author: EmailAddress, mode: ImportMode, today: LocalDate, by actor: EmailAddress,
        onReject: (ImportRecord, String) throws -> Void
    ) throws -> ImportSummary {
        var rows: [(record: ImportRecord, change: Result<(day: LocalDate, net: Int), CoreError>)] = []
        while let record = try table.next() {
            do {
                rows.append((record, .success(try XExport.followerChange(record, in: table.columns))))
            } catch let error as CoreError {
                rows.append((record, .failure(error)))
            }
        }
        let changes = rows.compactMap { try? $0.change.get() }
        let (channel, counts) = try store.reading { tx in
            let channel = try Self.platformChannel(
                .x, named: "X", example: "https://x.com/HANDLE", of: author, in: tx, source: table.source.name)
            guard let lastDay = changes.map(\.day).max() else { return (channel, [LocalDate: Int]()) }
            let known = try tx.followerCounts(of: channel)
            guard let base = known.last(where: { $0.date <= lastDay }) ?? known.first else {
                throw KitError.invalidImportSource(
                    table.source.name,
                    reason:
                        "no follower count is known for \(channel), so its changes cannot be turned into counts: record one first ('advocacy channel followers \(channel) COUNT --date YYYY-MM-DD'), then import the file again"
                )
            }
            let counts = FollowerChanges.counts(base: base.followers, on: base.date, changes: changes)
            if let negative = counts.filter({ $0.value < 0 }).keys.min() {
                throw KitError.invalidImportSource(
                    table.source.name,
                    reason:
                        "counted from \(base.followers) followers on \(base.date), the changes in the file take \(channel) below zero on \(negative): check that count and that the file is this account's"
                )
            }
            return (channel, counts)
        }
        var remaining = rows.makeIterator()
        var changeOnLine: [Int: Result<(day: LocalDate, net: Int), CoreError>] = [:]
        for row in rows { changeOnLine[row.record.line] = row.change }
        return try store.importFollowers(
            mode, by: actor, next: { remaining.next()?.record },
            row: { record in
                guard let change = changeOnLine[record.line] else { throw CoreError.emptyCell(column: "Date") }
                let day = try change.get().day
                return try FollowerImportRow(channel: channel, date: day, followers: counts[day] ?? 0, today: today)
            },
            mayActFor: Self.mayRecordFollowers, figures: .file, onReject: onReject)
    }
}
