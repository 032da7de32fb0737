import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Adds the rise flag (``GamingFlags/rise(of:previousScore:previousPeriod:policy:cleared:)``)
    /// to `scores`, those of `period`. The previous period is scored, with
    /// the same policy and filter, only when someone's pending work could
    /// make half of a flagged rise; `previous`, when the caller has them already.
    static func flagRises(
        _ scores: inout [PersonScore], period: Period, today: LocalDate, policy: ScoringPolicy, filter: RankingFilter,
        previous known: [PersonScore]? = nil, in transaction: StoreTransaction
    ) throws {
        let candidates = scores.filter { GamingFlags.riseCandidate($0, policy: policy.gaming) }.map(\.person.email)
        guard !candidates.isEmpty else { return }
        let window = try Scoring.window(of: period.previous, today: today)
        // No one rises from a period without work (the whole history's, for one).
        guard try known != nil || transaction.hasActions(in: window) else { return }
        let previous = try known ?? transaction.scores(policy: policy, window: window, filter: filter, only: candidates)
        let before = Dictionary(previous.map { ($0.person.email, $0.score) }) { first, _ in first }
        let cleared = try transaction.flagClearances()
        let current = try Scoring.window(of: period, today: today)
        for index in scores.indices where GamingFlags.riseCandidate(scores[index], policy: policy.gaming) {
            let email = scores[index].person.email
            // The actions are read only for the few whose score rose.
            guard GamingFlags.rose(scores[index], from: before[email], policy: policy.gaming) else { continue }
            if let flag = GamingFlags.rise(
                of: scores[index], previousScore: before[email], previousPeriod: period.previous.description,
                pendingIDs: try transaction.pendingActionIDs(of: email, in: current), policy: policy.gaming,
                cleared: cleared)
            {
                scores[index].flags.append(flag)
            }
        }
    }

    /// The scores of `period` (of `only` these people, when given) with
    /// every flag, rises included, under the policy in force at its end: as
    /// `rank` shows them, unfiltered.
    static func flaggedScores(
        _ period: Period, today: LocalDate, only: [EmailAddress]? = nil, timeZone: TimeZone, in transaction: StoreTransaction
    ) throws -> [PersonScore] {
        let window = try Scoring.window(of: period, today: today)
        let policy = try transaction.policy(.inForce, lastDay: window.upperBound, in: timeZone).policy.scoring
        var scores = try transaction.scores(policy: policy, window: window, filter: RankingFilter(), only: only)
        try flagRises(&scores, period: period, today: today, policy: policy, filter: RankingFilter(), in: transaction)
        return scores
    }

    /// The actions of `email`'s flag `kind` in `period`, the cio's clearances applied.
    ///
    /// - Throws: ``CoreError/noSuchFlag(person:flag:period:)`` when they have no such flag.
    static func flaggedActions(
        _ kind: AuthenticityFlag.Kind, of email: EmailAddress, period: Period, today: LocalDate, timeZone: TimeZone,
        in transaction: StoreTransaction
    ) throws -> [Int64] {
        let scores = try flaggedScores(period, today: today, only: [email], timeZone: timeZone, in: transaction)
        guard let flag = scores.first?.flags.first(where: { $0.kind == kind }), !flag.actionIDs.isEmpty else {
            throw CoreError.noSuchFlag(person: email.value, flag: kind.rawValue, period: period.description)
        }
        return flag.actionIDs
    }

    /// Clears `email`'s flag `kind` in `period`, with a note: its actions
    /// raise it no more (cio or admin, never on their own work). Returns
    /// the actions cleared.
    public func clearFlag(
        _ kind: AuthenticityFlag.Kind, of email: EmailAddress, period: Period, note: String, today: LocalDate,
        by actor: EmailAddress
    ) throws -> FlagDecision {
        try settleFlag(kind, of: email, period: period, today: today, by: actor) { transaction, ids, _, reviewer in
            try transaction.clearFlag(kind, actions: ids, note: note, by: reviewer)
        }
    }

    /// Confirms `email`'s flag `kind` in `period`: each of its actions is
    /// rejected, with the note as the reason its author sees, and counts for
    /// nothing (cio or admin, never on their own work).
    public func confirmFlag(
        _ kind: AuthenticityFlag.Kind, of email: EmailAddress, period: Period, note: String, today: LocalDate,
        by actor: EmailAddress
    ) throws -> FlagDecision {
        // The reason the author sees says which flag; the note keeps room for it.
        let prefix = "\(kind.rawValue) flag confirmed: "
        let note = try TextField.required(note, field: "note", limit: AdvocacyStore.noteLimit - prefix.count)
        return try settleFlag(kind, of: email, period: period, today: today, by: actor) { transaction, _, urls, reviewer in
            for url in urls {
                try transaction.recordReview(url, .rejected, reason: prefix + note, today: today, by: reviewer)
            }
        }
    }

    private func settleFlag(
        _ kind: AuthenticityFlag.Kind, of email: EmailAddress, period: Period, today: LocalDate, by actor: EmailAddress,
        _ body: (StoreTransaction, [Int64], [CanonicalURL], Actor) throws -> Void
    ) throws -> FlagDecision {
        try store.writing(as: actor) { transaction, reviewer in
            try AccessRules.requireRole(reviewer, in: [.cio, .admin], to: "clear or confirm flags")
            guard email != reviewer.email else { throw CoreError.ownFlagReview(flag: kind.rawValue) }
            _ = try transaction.scoredPerson(email)
            let ids = try Self.flaggedActions(kind, of: email, period: period, today: today, timeZone: timeZone, in: transaction)
            let urls = try transaction.actionAddresses(ids)
            try body(transaction, ids, urls, reviewer)
            return FlagDecision(kind: kind, person: email, period: period, actions: urls)
        }
    }

    /// The actions of `kind` flags in `period`, for the review queue's `--flag`.
    public func flaggedActionIDs(_ kind: AuthenticityFlag.Kind, period: Period, today: LocalDate, by actor: EmailAddress)
        throws -> [Int64]
    {
        try store.reading { transaction in
            try AccessRules.requireRole(try transaction.actor(actor), in: [.cio, .admin], to: "review actions")
            return try Self.flaggedScores(period, today: today, timeZone: timeZone, in: transaction).flatMap {
                $0.flags.filter { $0.kind == kind }.flatMap(\.actionIDs)
            }
        }
    }
}

extension Programme {
    /// The check that lists the current quarter's flags for gaming not yet
    /// cleared or confirmed, as warnings: they ask for a look, and fail nothing.
    func gamingFlagsCheck(_ transaction: StoreTransaction) throws -> CheckResult {
        let today = LocalDate(store.now(), in: timeZone)
        let quarter = Period.quarter(containing: today)
        let scores = try Self.flaggedScores(quarter, today: today, timeZone: timeZone, in: transaction)
        // Whoever runs the check, people hidden from rankings stay hidden in it.
        let hidden = try transaction.hiddenEmails()
        let warnings = scores.sorted { $0.person.email.value < $1.person.email.value }.flatMap { score in
            score.flags.filter(\.kind.isGaming).map { flag in
                hidden.contains(score.person.email)
                    ? "\(HiddenPeople.name) \(flag.kind.rawValue): \(HiddenPeople.withoutDetail(flag).reason)"
                    : "\(score.person.email) \(flag.kind.rawValue): \(flag.reason)"
            }
        }
        return CheckResult(
            name: "gaming-flags",
            about: "flags for gaming in \(quarter) that no cio has cleared or confirmed ('advocacy review clear|confirm')",
            problems: [], warnings: warnings)
    }
}
