import AdvocacyCore
import Foundation
import GRDB

extension AdvocacyStore {
    /// Imports follower counts, each record read by `row`; `mayActFor`
    /// decides, row by row inside the transaction, whether the acting person
    /// may write a channel owner's count. A count for a day that already has
    /// the same count is unchanged; a different one replaces it.
    public func importFollowers(
        _ mode: ImportMode, by actorEmail: EmailAddress, next: () throws -> ImportRecord?,
        row: @escaping (ImportRecord) throws -> FollowerImportRow,
        mayActFor: @escaping (_ actor: Actor, _ owner: EmailAddress) throws -> Void, figures: FigureSource = .typed,
        onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> ImportSummary {
        try runImport(mode, by: actorEmail, bulkEntity: "followerSnapshot", next: next, onReject: onReject) { db, actor in
            try FollowerImporter(db, actor: actor, now: now(), row: row, mayActFor: mayActFor, figures: figures)
        }
    }
}

struct FollowerImporter: RowImporter {
    private let actor: Actor
    private let mayActFor: (Actor, EmailAddress) throws -> Void
    private let row: (ImportRecord) throws -> FollowerImportRow
    private let triggers: SuspendedTriggers
    private var channels: [CanonicalURL: (id: Int64, owner: EmailAddress, ownerID: Int64, scope: ChannelScope)] = [:]
    private var consent: ConsentGate
    private var touchedChannels: Set<Int64> = []
    private let findCount: Statement
    private let upsertCount: Statement
    private let source: FigureSource

    init(
        _ db: Database, actor: Actor, now: Date, row: @escaping (ImportRecord) throws -> FollowerImportRow,
        mayActFor: @escaping (Actor, EmailAddress) throws -> Void, figures: FigureSource
    ) throws {
        self.source = figures
        self.actor = actor
        self.mayActFor = mayActFor
        self.row = row
        consent = try ConsentGate(db, actor: actor, now: now)
        for row in try Row.fetchAll(
            db, sql: "SELECT c.id, c.url, c.employeeId, c.scope, e.email FROM channel c JOIN employee e ON e.id = c.employeeId")
        {
            channels[CanonicalURL(alreadyCanonical: row["url"])] = (
                row["id"], EmailAddress(alreadyValid: row["email"]), row["employeeId"], try AdvocacyStore.decode(row["scope"])
            )
        }
        findCount = try db.makeStatement(sql: "SELECT followers FROM followerSnapshot WHERE channelId = ? AND date = ?")
        upsertCount = try db.makeStatement(
            sql: """
                INSERT INTO followerSnapshot (channelId, date, followers, source) VALUES (?, ?, ?, ?)
                ON CONFLICT (channelId, date) DO UPDATE SET followers = excluded.followers, source = excluded.source
                """)
        // Each count would otherwise refresh every action of its channel.
        triggers = try SuspendedTriggers(db, on: ["followerSnapshot"])
    }

    mutating func apply(_ record: ImportRecord, _ db: Database) throws -> RowOutcome {
        let row = try self.row(record)
        let otherScheme = CanonicalURL(alreadyCanonical: row.channel.otherScheme)
        guard let channel = channels[row.channel] ?? channels[otherScheme] else { throw StoreError.unknownChannel(row.channel) }
        try mayActFor(actor, channel.owner)
        let stored = try Int.fetchOne(findCount, arguments: [channel.id, row.date.description])
        if stored == row.followers { return .unchanged }
        try consent.check(
            db, person: channel.owner, personID: channel.ownerID, channel: (row.channel, channel.scope), source: .ownChannel)
        try upsertCount.execute(arguments: [channel.id, row.date.description, row.followers, source.rawValue])
        touchedChannels.insert(channel.id)
        return stored == nil ? .inserted : .updated
    }

    mutating func finish(_ db: Database) throws {
        try triggers.restore(db, refreshingActions: [], channels: touchedChannels)
    }
}
