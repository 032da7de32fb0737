import AdvocacyCore
import GRDB

extension AdvocacyStore {
    /// Loads a generated programme in one transaction, replacing what is
    /// there only when `replacing` is true and `authorize` accepts
    /// `actorEmail` (inside the transaction).
    ///
    /// This is the bulk path: one reused prepared statement per table with
    /// positional arguments, so thousands of people load in well under a second.
    /// Replacing a programme erases it, so it takes an admin of that programme.
    ///
    /// `withActions: false` loads everything but the actions (which
    /// `demo --export-actions` writes to a file for `import actions` instead).
    public func loadDemo(
        _ dataset: DemoDataset, replacing: Bool, by actorEmail: EmailAddress? = nil, withActions: Bool = true,
        authorize: (Actor) throws -> Void
    ) throws -> DemoLoadSummary {
        var summary: DemoLoadSummary?
        try bulkTransaction { db in
            // One audit entry for the whole load, by the admin replacing a programme, else by the system.
            let author = try actorEmail.flatMap { email -> AuditContext.Actor? in
                do { return try Self.resolve(db, email).author } catch StoreError.unknownActor { return nil }
            }
            summary = try audit.acting(as: author) {
                try bulk(
                    db, entity: "programme",
                    {
                        try load(
                            db, dataset, replacing: replacing, by: actorEmail, withActions: withActions, authorize: authorize)
                    }
                ) { summary in
                    [
                        "employees": summary.employees, "channels": summary.channels, "projects": summary.projects,
                        "actions": summary.actions,
                    ]
                }
            }
            return .commit
        }
        guard let summary else { preconditionFailure("a committed load has a summary") }
        return summary
    }

    private func load(
        _ db: Database, _ dataset: DemoDataset, replacing: Bool, by actorEmail: EmailAddress?, withActions: Bool,
        authorize: (Actor) throws -> Void
    ) throws -> DemoLoadSummary {
        do {
            let hasData =
                try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM employee) OR EXISTS(SELECT 1 FROM project)") ?? false
            if hasData {
                guard replacing else { throw StoreError.notEmpty(path: path) }
                guard let actorEmail else { throw StoreError.replaceNeedsAdmin(path: path) }
                try authorize(try Self.actor(db, actorEmail))
                for table in [
                    "actionProject", "metricsSnapshot", "action", "followerSnapshot", "channel", "rewardProposal", "rewardWish",
                    "rewardClearance", "rewardItemProject", "rewardItem", "rewardBudget", "project", "scoreRun", "employee",
                ] {
                    try db.execute(sql: "DELETE FROM \(table)")
                }
            }
            let created = Self.timestamp(now())
            let insertEmployee = try db.makeStatement(
                sql: "INSERT INTO employee (email, fullName, team, role, hrId, isActive, createdAt) VALUES (?, ?, ?, ?, ?, 1, ?)")
            var employeeIDs: [EmailAddress: Int64] = [:]
            for person in dataset.employees {
                try insertEmployee.execute(arguments: [
                    person.email.value, person.name, person.team, person.role.rawValue, person.hrID, created,
                ])
                employeeIDs[person.email] = db.lastInsertedRowID
            }
            // The demo's fictional people all agreed to take part (docs/privacy.md).
            try db.execute(
                sql: "INSERT INTO consent (employeeId, granted, source, recordedAt) SELECT id, 1, 'demo', ? FROM employee",
                arguments: [created])

            let insertProject = try db.makeStatement(
                sql: "INSERT INTO project (code, name, strategicWeight, status, startDate, endDate) VALUES (?, ?, ?, ?, ?, ?)")
            var projectIDs: [ProjectCode: Int64] = [:]
            for project in dataset.projects {
                try insertProject.execute(arguments: [
                    project.code.value, project.name, project.weight, project.status.rawValue, project.start?.description,
                    project.end?.description,
                ])
                projectIDs[project.code] = db.lastInsertedRowID
            }

            let insertChannel = try db.makeStatement(
                sql: "INSERT INTO channel (employeeId, kind, url, feedUrl, scope, createdAt) VALUES (?, ?, ?, ?, ?, ?)")
            let insertFollowers = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO followerSnapshot (channelId, date, followers) VALUES (?, ?, ?)")
            var channelIDs: [Int64] = []
            // Each channel's counts as stored (a second count for a day replaces the first), for the actions' facts.
            var histories: [[FollowerCount]] = []
            var followerSnapshots = 0
            for entry in dataset.channels {
                let channel = entry.channel
                try insertChannel.execute(arguments: [
                    employeeIDs[channel.owner], channel.kind.rawValue, channel.url.string, channel.feedURL?.string,
                    channel.scope.rawValue, created,
                ])
                let channelID = db.lastInsertedRowID
                channelIDs.append(channelID)
                var history: [FollowerCount] = []
                for snapshot in entry.followerHistory {
                    try insertFollowers.execute(arguments: [channelID, snapshot.date.description, snapshot.count])
                    followerSnapshots += 1
                    if history.last?.day == snapshot.date { history.removeLast() }
                    history.append(FollowerCount(day: snapshot.date, followers: snapshot.count))
                }
                histories.append(history.sorted { $0.day < $1.day })
            }

            let ids = DemoIDs(employees: employeeIDs, projects: projectIDs, channels: channelIDs, followerHistories: histories)
            let loaded = withActions ? try Self.loadDemoActions(db, dataset, ids, created: created) : DemoActionsLoaded()
            try Self.loadDemoRewards(db, dataset.rewards, employeeIDs: employeeIDs, projectIDs: projectIDs, created: created)
            return DemoLoadSummary(
                employees: dataset.employees.count,
                teams: Set(dataset.employees.compactMap(\.team)).sorted(),
                channels: dataset.channels.count, followerSnapshots: followerSnapshots,
                projects: dataset.projects.count, actions: loaded.actions, metricsSnapshots: loaded.metricsSnapshots,
                actionsByKind: loaded.byKind,
                peopleByTier: Dictionary(uniqueKeysWithValues: dataset.peopleByTier.map { ($0.key.rawValue, $0.value) }),
                admin: dataset.admin, cio: dataset.cio, hr: dataset.hr,
                suspiciousChannels: dataset.suspiciousChannels, period: dataset.period)
        }
    }

    /// The ids the demo's rows were given, by the dataset's own keys.
    struct DemoIDs {
        var employees: [EmailAddress: Int64]
        var projects: [ProjectCode: Int64]
        /// By index in ``DemoDataset/channels``.
        var channels: [Int64]
        var followerHistories: [[FollowerCount]]
    }

    struct DemoActionsLoaded {
        var actions = 0
        var metricsSnapshots = 0
        var byKind: [String: Int] = [:]
    }

    /// Streams the actions in: one reused statement per table bound through
    /// the C API, and their `actionFact` rows written directly with the
    /// triggers set aside, as `import actions` does (``SuspendedTriggers``).
    static func loadDemoActions(_ db: Database, _ dataset: DemoDataset, _ ids: DemoIDs, created: String) throws
        -> DemoActionsLoaded
    {
        let rows = try ActionRowWriter(db, createdAt: created)
        let weights = Dictionary(uniqueKeysWithValues: dataset.projects.map { ($0.code, $0.weight) })
        var loaded = DemoActionsLoaded()
        // Demo titles are never made from the address, and many people share one: fingerprint each title once.
        var fingerprints: [String: Int64] = [:]
        for action in dataset.actionStream {
            let fingerprint = fingerprints[action.title] ?? ContentFingerprint.of(title: action.title)
            fingerprints[action.title] = fingerprint
            let channel = dataset.channels[action.channelIndex].channel
            let projectIDs = try action.projects.map { code in
                guard let projectID = ids.projects[code] else { throw StoreError.unknownProject(code) }
                return projectID
            }
            try rows.insert(
                ActionRowWriter.NewAction(
                    employeeID: ids.employees[channel.owner] ?? 0, channelID: ids.channels[action.channelIndex],
                    channelKind: channel.kind, kind: action.kind, title: action.title, url: action.url,
                    urlHash: AddressHash.of(action.url.string), date: action.date,
                    effortHours: action.effortHours, fingerprint: fingerprint, projectIDs: projectIDs,
                    snapshots: action.metrics.map { ($0.date, $0.metrics) }, figureSource: action.figureSource,
                    review: action.review,
                    followers: FollowerHistory.audience(at: action.date, in: ids.followerHistories[action.channelIndex]),
                    strategicWeight: action.projects.compactMap { weights[$0] }.max()))
            loaded.actions += 1
            loaded.metricsSnapshots += action.metrics.count
            loaded.byKind[action.kind.rawValue, default: 0] += 1
        }
        try rows.finish(db)
        return loaded
    }

    static func loadDemoRewards(
        _ db: Database, _ rewards: DemoRewards, employeeIDs: [EmailAddress: Int64], projectIDs: [ProjectCode: Int64],
        created: String
    ) throws {
        var itemIDs: [RewardCode: Int64] = [:]
        for item in rewards.catalogue {
            try db.execute(
                sql: """
                    INSERT INTO rewardItem (code, name, category, costCents, stock, maxPerPerson, minTier, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    item.code.value, item.name, item.category.rawValue, item.costCents, item.stock, item.maxPerPerson,
                    item.minTier?.rawValue,
                    created,
                ])
            itemIDs[item.code] = db.lastInsertedRowID
            for project in item.projects {
                try db.execute(
                    sql: "INSERT INTO rewardItemProject (itemId, projectId) VALUES (?, ?)",
                    arguments: [itemIDs[item.code], projectIDs[project]])
            }
        }
        let period = rewards.budgetPeriod
        try db.execute(
            sql: "INSERT INTO rewardBudget (period, periodStart, periodEnd, amountCents, setAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [period.description, period.start.description, period.end.description, rewards.budgetCents, created])
        for (email, codes) in rewards.wishes {
            for (index, code) in codes.enumerated() {
                try db.execute(
                    sql: "INSERT INTO rewardWish (employeeId, rank, itemId, createdAt) VALUES (?, ?, ?, ?)",
                    arguments: [employeeIDs[email], index + 1, itemIDs[code], created])
            }
        }
    }
}
