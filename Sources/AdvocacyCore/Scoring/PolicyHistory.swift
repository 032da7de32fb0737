import Foundation

/// Which version of the policy scores a period.
public enum PolicyChoice: Hashable, Sendable {
    /// The version in force when the period ended; for a period still
    /// running, the newest. A period is never re-scored by a policy written
    /// after it closed unless someone asks for it.
    case inForce
    /// This version, whatever the period (`--policy N`).
    case version(Int)
}

/// One version of the policy as its history lists it.
public struct PolicyVersion: Sendable {
    public var version: Int
    public var policy: Policy
    /// When it was put in force.
    public var setAt: Date
    /// Who put it in force; nil for the first version, written when the
    /// programme's database was created.
    public var setBy: EmailAddress?

    public init(version: Int, policy: Policy, setAt: Date, setBy: EmailAddress?) {
        self.version = version
        self.policy = policy
        self.setAt = setAt
        self.setBy = setBy
    }
}

/// When each version came into force, oldest first: the rule that picks
/// the version a period is scored with.
public struct PolicyTimeline: Sendable {
    /// The versions, with the day (in the programme's time zone) each came into force.
    public var versions: [(version: Int, from: LocalDate)]

    public init(_ versions: [(version: Int, from: LocalDate)]) {
        self.versions = versions.sorted { $0.version < $1.version }
    }

    /// The version `choice` names for a period whose last scored day is
    /// `lastDay`. In force: the newest version set on or before that day (a
    /// version set during a period scores all of it); the first version for
    /// a period that ended before the programme's database existed.
    ///
    /// - Throws: ``CoreError/unknownPolicyVersion(_:newest:)`` for a version never set.
    public func version(_ choice: PolicyChoice, lastDay: LocalDate) throws -> Int {
        let newest = versions.last?.version ?? 1
        switch choice {
        case .version(let asked):
            guard versions.contains(where: { $0.version == asked }) else {
                throw CoreError.unknownPolicyVersion(asked, newest: newest)
            }
            return asked
        case .inForce:
            return versions.last { $0.from <= lastDay }?.version ?? versions.first?.version ?? newest
        }
    }
}

/// One key whose value differs between two versions of the policy.
public struct PolicyChange: Hashable, Sendable, CustomStringConvertible {
    /// Its place in the document, like `points.work` or `quality.micro`.
    public var key: String
    /// The values as `policy show` writes them; nil where a version lacks the key.
    public var old: String?
    public var new: String?

    public init(key: String, old: String?, new: String?) {
        self.key = key
        self.old = old
        self.new = new
    }

    /// `points.work: 60 → 55`.
    public var description: String { "\(key): \(old ?? "(none)") → \(new ?? "(none)")" }

    /// Every key whose value differs from `old` to `new`, in the order
    /// `policy show` prints them.
    public static func between(_ old: Policy, _ new: Policy) -> [PolicyChange] {
        let before = Dictionary(old.document.flattened(), uniquingKeysWith: { first, _ in first })
        let after = new.document.flattened()
        let afterKeys = Set(after.map(\.key))
        var changes = after.compactMap { key, value in
            before[key] == value ? nil : PolicyChange(key: key, old: before[key], new: value)
        }
        for (key, value) in old.document.flattened() where !afterKeys.contains(key) {
            changes.append(PolicyChange(key: key, old: value, new: nil))
        }
        return changes
    }
}

extension PolicyValue {
    /// Every leaf of the document as `section.key` and its inline text.
    func flattened(prefix: String = "") -> [(key: String, value: String)] {
        guard case .table(let entries) = self else { return [(prefix, renderInline())] }
        return entries.flatMap { entry in
            entry.value.flattened(prefix: prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)")
        }
    }
}

/// What a new version of the policy does to the top of a period's ranking.
public struct PolicyEffect: Sendable {
    /// A person whose place at the top changes: in the top under one
    /// version or the other, at a different rank.
    public struct Move: Sendable {
        public var person: ScoredPerson
        /// Rank and score under the version in force before; nil when they were not ranked.
        public var before: (rank: Int, score: Double)?
        public var after: (rank: Int, score: Double)?
    }

    public var period: Period
    public var window: ClosedRange<LocalDate>
    /// How many places at the top are compared.
    public var top: Int
    public var rankedPeople: Int
    /// Who moves, by their rank under the new version (those who leave the top last).
    public var moves: [Move]
    /// The largest change of anyone's score, in points, moved or not.
    public var largestScoreChange: Double

    /// Compares one period's rankings under the old and the new version.
    /// Both are ranked lists of the same people (masked alike).
    public init(period: Period, window: ClosedRange<LocalDate>, before: [PersonScore], after: [PersonScore], top: Int) {
        self.period = period
        self.window = window
        self.top = top
        rankedPeople = after.count
        var old: [EmailAddress: PersonScore] = [:]
        for score in before { old[score.person.email] = score }
        var new: [EmailAddress: PersonScore] = [:]
        for score in after { new[score.person.email] = score }
        largestScoreChange = after.map { abs($0.score - (old[$0.person.email]?.score ?? 0)) }.max() ?? 0
        let concerned = (after.prefix(top) + before.prefix(top)).map(\.person)
        var seen: Set<EmailAddress> = []
        moves = concerned.compactMap { person -> Move? in
            guard seen.insert(person.email).inserted else { return nil }
            let was = old[person.email].map { (rank: $0.rank, score: $0.score) }
            let now = new[person.email].map { (rank: $0.rank, score: $0.score) }
            guard was?.rank != now?.rank else { return nil }
            return Move(person: person, before: was, after: now)
        }
        .sorted { ($0.after?.rank ?? .max, $0.before?.rank ?? .max) < ($1.after?.rank ?? .max, $1.before?.rank ?? .max) }
    }
}

/// What `policy set` did.
public struct PolicyUpdate: Sendable {
    /// The version in force now.
    public var version: Int
    /// The version in force before; the same as ``version`` when the file changed nothing.
    public var previousVersion: Int
    public var changes: [PolicyChange]
    /// Whom the change moves in the current period; nil when nothing changed.
    public var effect: PolicyEffect?

    public init(version: Int, previousVersion: Int, changes: [PolicyChange], effect: PolicyEffect?) {
        self.version = version
        self.previousVersion = previousVersion
        self.changes = changes
        self.effect = effect
    }

    /// Whether a new version was put in force.
    public var isNew: Bool { version != previousVersion }
}

/// One line of `policy history`.
public struct PolicyHistoryEntry: Sendable {
    public var version: Int
    public var setAt: Date
    /// The first day it scores: periods that ended before it keep the version then in force.
    public var inForceFrom: LocalDate
    /// Nil for the first version, written when the database was created.
    public var setBy: EmailAddress?
    /// What it changed from the version before; empty for the first.
    public var changes: [PolicyChange]

    public init(version: Int, setAt: Date, inForceFrom: LocalDate, setBy: EmailAddress?, changes: [PolicyChange]) {
        self.version = version
        self.setAt = setAt
        self.inForceFrom = inForceFrom
        self.setBy = setBy
        self.changes = changes
    }
}
