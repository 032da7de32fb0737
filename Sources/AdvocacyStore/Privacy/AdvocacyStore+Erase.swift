import AdvocacyCore
import Foundation
import GRDB

/// The erasure's own audit entry: the pseudonym and how much it covered.
private struct ErasureRecord: Encodable {
    var erased: String
    var channels: Int
    var actions: Int
}

extension AdvocacyStore {
    /// Erases a person: anonymises them in every table and in
    /// the audit trail, under a random pseudonym, so that none of their
    /// strings (email, name, HR id, channel and feed addresses, the
    /// addresses and titles of their actions) remains in the file.
    ///
    /// Their rows stay, attached to the pseudonym: actions, figures, scores,
    /// proposals and approved rewards still add up, and budgets are
    /// unchanged. The person is deactivated. The erasure itself is one
    /// audit entry, naming the pseudonym.
    ///
    /// The change is one transaction with `secure_delete` on (freed space is
    /// zeroed); then the write-ahead log is checkpointed and the file is
    /// rebuilt (`VACUUM`), so no old page keeps a copy. `authorize`
    /// decides, inside the transaction, whether the acting person may.
    public func erase(
        _ email: EmailAddress, by actorEmail: EmailAddress, random: UInt64, authorize: (Actor) throws -> Void
    ) throws -> ErasureSummary {
        let pseudonym = Pseudonym(random: random)
        var summary = ErasureSummary(
            pseudonym: pseudonym.email, pseudonymName: pseudonym.name, channels: 0, actions: 0, auditEntries: 0,
            fileCompacted: true)
        try secureWrite(by: actorEmail, authorize: authorize) { db in
            summary = try anonymise(db, email, as: pseudonym, summary: summary)
        } afterCommit: { db in
            // The erasure is committed: a cleanup that cannot finish (another
            // process reading, a full disk) is reported, not thrown.
            summary.fileCompacted = (try? Self.compact(db)) ?? false
        }
        return summary
    }

    private func anonymise(_ db: Database, _ email: EmailAddress, as pseudonym: Pseudonym, summary: ErasureSummary) throws
        -> ErasureSummary
    {
        var summary = summary
        guard
            let person = try Row.fetchOne(
                db, sql: "SELECT id, fullName, hrId, role, isActive, erasedAt FROM employee WHERE email = ?",
                arguments: [email.value])
        else { throw StoreError.unknownEmployee(email) }
        let id: Int64 = person["id"]
        if (person["erasedAt"] as String?) != nil { throw StoreError.alreadyErased(email) }
        if person["role"] == Role.admin.rawValue && person["isActive"] as Bool {
            try Self.requireAnotherActiveAdmin(db, besides: email)
        }
        let name: String = person["fullName"]

        // Their channels and actions, including removed ones the trail still describes.
        let channelIDs = try Int64.fetchAll(db, sql: "SELECT id FROM channel WHERE employeeId = ?", arguments: [id])
        let actionIDs = try Int64.fetchAll(db, sql: "SELECT actionId FROM actionFact WHERE employeeId = ?", arguments: [id])
        let trailed = { (entity: String) in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT CAST(entityId AS INTEGER) FROM auditEntry
                    WHERE entity = ? AND json_extract(COALESCE(after, before), '$.employeeId') = ?
                    """,
                arguments: [entity, id])
        }
        let allChannels = Set(channelIDs).union(try trailed("channel")).sorted()
        let allActions = Set(actionIDs).union(try trailed("action")).sorted()
        summary.channels = channelIDs.count
        summary.actions = actionIDs.count

        // Content fingerprints hash the titles' words: a guessed title would
        // find its action. Each becomes a random number kept nowhere, the
        // same for equal ones, so the person's duplicates (scored within the
        // person) and their score stay as they were.
        let actionList = allActions.map(String.init).joined(separator: ", ")
        var fingerprints = Set(try Int64.fetchAll(db, sql: "SELECT contentFingerprint FROM action WHERE id IN (\(actionList))"))
        // The trail once, both sides of each entry.
        let trail = try Row.fetchCursor(
            db,
            sql: """
                SELECT json_extract(before, '$.contentFingerprint'), json_extract(after, '$.contentFingerprint') FROM auditEntry
                WHERE entity = 'action' AND CAST(entityId AS INTEGER) IN (\(actionList))
                """)
        while let row = try trail.next() {
            for column in 0..<2 { if let fingerprint = row[column] as Int64? { fingerprints.insert(fingerprint) } }
        }
        fingerprints.remove(0)
        var replacements: [Int64: Int64] = [:]
        var used: Set<Int64> = [0]
        for fingerprint in fingerprints {
            var replacement: Int64 = 0
            while !used.insert(replacement).inserted { replacement = Int64.random(in: .min ... .max) }
            replacements[fingerprint] = replacement
        }
        try db.execute(sql: "CREATE TEMP TABLE erasedFingerprint (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
        defer { try? db.execute(sql: "DROP TABLE temp.erasedFingerprint") }
        for (old, new) in replacements {
            try db.execute(sql: "INSERT INTO temp.erasedFingerprint (old, new) VALUES (?, ?)", arguments: [old, new])
        }

        // What free text may name them by: the addresses as they are now and as the trail keeps them.
        func strings(_ sql: String) throws -> [String] { try String?.fetchAll(db, sql: sql).compactMap { $0 } }
        let channelList = allChannels.map(String.init).joined(separator: ", ")
        let channelAddresses = try strings(
            """
            SELECT url FROM channel WHERE id IN (\(channelList)) UNION SELECT feedUrl FROM channel WHERE id IN (\(channelList))
            UNION SELECT json_extract(COALESCE(after, before), '$.url') FROM auditEntry
                WHERE entity = 'channel' AND CAST(entityId AS INTEGER) IN (\(channelList))
            """)
        let actionAddresses = try strings(
            """
            SELECT url FROM action WHERE id IN (\(actionList))
            UNION SELECT json_extract(COALESCE(after, before), '$.url') FROM auditEntry
                WHERE entity = 'action' AND CAST(entityId AS INTEGER) IN (\(actionList))
            """)
        let scrubber = ErasureScrubber(
            name: name, email: email, hrID: person["hrId"], channels: channelAddresses, addresses: actionAddresses,
            pseudonym: pseudonym)
        let scrub = DatabaseFunction("advocacy_scrub", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).flatMap(scrubber.scrubbed)
        }
        let scrubJSON = DatabaseFunction("advocacy_scrub_json", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).flatMap(scrubber.scrubbedJSON)
        }
        db.add(function: scrub)
        db.add(function: scrubJSON)
        defer {
            db.remove(function: scrub)
            db.remove(function: scrubJSON)
        }

        // 1. The live rows, without an audit entry each (it would copy the old values into the trail).
        try audit.withoutRecording {
            try db.execute(
                sql: "UPDATE employee SET email = ?, fullName = ?, hrId = NULL, isActive = 0, erasedAt = ? WHERE id = ?",
                arguments: [pseudonym.email.value, pseudonym.name, Self.timestamp(now()), id])
            let channel = try db.makeStatement(sql: "UPDATE channel SET url = ?, feedUrl = NULL WHERE id = ?")
            for channelID in channelIDs {
                try channel.execute(arguments: [pseudonym.channelURL(id: channelID).string, channelID])
            }
            let action = try db.makeStatement(
                sql: """
                    UPDATE action SET url = ?, urlHash = ?, title = ?,
                        contentFingerprint = COALESCE((SELECT new FROM temp.erasedFingerprint WHERE old = contentFingerprint), contentFingerprint)
                    WHERE id = ?
                    """)
            for actionID in actionIDs {
                let url = pseudonym.actionURL(id: actionID).string
                try action.execute(arguments: [url, AddressHash.of(url), pseudonym.actionTitle(id: actionID), actionID])
            }
            // Notes are free text: HR or the cio may have named the person, in any case.
            for table in ["rewardProposal", "rewardClearance", "actionReview", "flagClearance"] {
                try db.execute(
                    sql:
                        "UPDATE \(table) SET note = advocacy_scrub(note) WHERE note IS NOT NULL AND advocacy_scrub(note) IS NOT NULL"
                )
            }
        }

        // 2. The erasure's own entry, by the admin, naming only the pseudonym.
        try Self.recordBulk(
            db, entity: "employee", entityId: String(id),
            after: ErasureRecord(erased: pseudonym.email.value, channels: summary.channels, actions: summary.actions))

        // 3. The trail: the one rewrite it allows. Each entry keeps its keys
        //    (json_replace adds none); the person's values become the pseudonym's.
        summary.auditEntries = try Int.fetchOne(db, sql: Self.personAuditEntries(columns: "COUNT(*)"), arguments: ["id": id]) ?? 0
        try audit.erasing {
            typealias Values = [(path: String, value: (any DatabaseValueConvertible)?)]
            func rewrite(_ entity: String, _ rows: [(id: Int64, values: Values)]) throws {
                guard let paths = rows.first?.values.map(\.path) else { return }
                for json in ["before", "after"] {
                    let statement = try db.makeStatement(
                        sql: """
                            UPDATE auditEntry SET \(json) = json_replace(\(json), \(paths.map { "'\($0)', ?" }.joined(separator: ", ")))
                            WHERE entity = ? AND entityId = ? AND \(json) IS NOT NULL
                            """)
                    for row in rows {
                        var arguments = StatementArguments(row.values.map(\.value))
                        _ = arguments.append(contentsOf: [entity, String(row.id)])
                        try statement.execute(arguments: arguments)
                    }
                }
            }
            try rewrite(
                "employee", [(id, [("$.email", pseudonym.email.value), ("$.fullName", pseudonym.name), ("$.hrId", nil)])])
            try rewrite(
                "channel", allChannels.map { ($0, [("$.url", pseudonym.channelURL(id: $0).string), ("$.feedUrl", nil)]) })
            // The address's hash too: anyone could hash a guessed address and find it.
            try rewrite(
                "action",
                allActions.map { actionID in
                    let url = pseudonym.actionURL(id: actionID).string
                    return (
                        actionID,
                        [("$.url", url), ("$.urlHash", AddressHash.of(url)), ("$.title", pseudonym.actionTitle(id: actionID))]
                    )
                })
            for json in ["before", "after"] {
                try db.execute(
                    sql: """
                        UPDATE auditEntry SET \(json) = json_replace(\(json), '$.contentFingerprint',
                            (SELECT new FROM temp.erasedFingerprint WHERE old = json_extract(\(json), '$.contentFingerprint')))
                        WHERE entity = 'action' AND CAST(entityId AS INTEGER) IN (\(actionList))
                            AND json_extract(\(json), '$.contentFingerprint') IN (SELECT old FROM temp.erasedFingerprint)
                        """)
            }
            try db.execute(sql: "UPDATE auditEntry SET actorEmail = ? WHERE actorId = ?", arguments: [pseudonym.email.value, id])
            // Whatever else names them (a note, a title quoting them): every entry, both sides.
            for json in ["before", "after"] {
                try db.execute(
                    sql:
                        "UPDATE auditEntry SET \(json) = advocacy_scrub_json(\(json)) WHERE advocacy_scrub_json(\(json)) IS NOT NULL"
                )
            }
        }
        return summary
    }

    /// Moves everything from the write-ahead log into the file and rebuilds
    /// it, so freed pages keep no old copy. Returns false when another
    /// connection kept part of the log in use.
    static func compact(_ db: Database) throws -> Bool {
        func checkpoint() throws -> Bool {
            // (busy, log frames, checkpointed frames); busy = 1 when a reader or writer blocked it.
            guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") else { return true }
            return (row[0] as Int? ?? 0) == 0
        }
        let first = try checkpoint()
        try db.execute(sql: "VACUUM")
        let second = try checkpoint()
        return first && second
    }
}
