/// A correction to a logged action (`action update`): each field given
/// replaces the stored one; `projects`, when given, replaces the whole set.
public struct ActionChanges: Hashable, Sendable {
    public var title: String?
    public var projects: [ProjectCode]?
    public var date: LocalDate?
    public var effortHours: Double?
    public var kind: ActionKind?

    public init(
        title: String? = nil, projects: [ProjectCode]? = nil, date: LocalDate? = nil, effortHours: Double? = nil,
        kind: ActionKind? = nil
    ) {
        self.title = title
        self.projects = projects
        self.date = date
        self.effortHours = effortHours
        self.kind = kind
    }

    public var isEmpty: Bool { self == ActionChanges() }

    /// `action` with these changes, checked as a new log would be: a title
    /// of visible characters, effort above 0 and at most 200 hours, a day
    /// not after `today`.
    public func draft(of action: Action, today: LocalDate) throws -> ActionDraft {
        if let date { try date.requireNotAfter(today) }
        // The stored day is checked against the day it was logged on, not again against today.
        return try ActionDraft(
            author: action.email, url: action.url, kind: kind ?? action.kind, title: title ?? action.title,
            date: date ?? action.date, effortHours: effortHours ?? action.effortHours, projects: projects ?? action.projects,
            today: max(today, action.date))
    }
}
