/// An IT-department project that the programme supports.
public struct Project: Hashable, Codable, Sendable {
    public var code: ProjectCode
    public var name: String
    /// 1 (nice to have) to 3 (strategic).
    public var weight: Int
    public var status: ProjectStatus
    public var start: LocalDate?
    public var end: LocalDate?

    public init(
        code: ProjectCode, name: String, weight: Int = 2, status: ProjectStatus = .active, start: LocalDate? = nil,
        end: LocalDate? = nil
    ) {
        self.code = code
        self.name = name
        self.weight = weight
        self.status = status
        self.start = start
        self.end = end
    }

    // Absent dates are written as null, so every object has the same keys.
    enum CodingKeys: String, CodingKey { case code, name, weight, status, start, end }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(weight, forKey: .weight)
        try c.encode(status, forKey: .status)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }

    /// Validates the fields a person typed.
    public static func validated(
        code: ProjectCode, name: String, weight: Int = 2, status: ProjectStatus = .active, start: LocalDate? = nil,
        end: LocalDate? = nil
    ) throws -> Project {
        let name = try TextField.required(name, field: "project name", limit: 200, rule: .title)
        try validate(weight: weight, start: start, end: end)
        return Project(code: code, name: name, weight: weight, status: status, start: start, end: end)
    }

    /// Refuses a strategic weight outside 1–3.
    public static func checkWeight(_ weight: Int) throws {
        guard (1...3).contains(weight) else { throw CoreError.invalidWeight(weight) }
    }

    static func validate(weight: Int, start: LocalDate?, end: LocalDate?) throws {
        try checkWeight(weight)
        if let start, let end, end < start { throw CoreError.invalidRange(from: start, to: end) }
    }

    /// Applies changes, validating the result as a whole.
    public func applying(_ changes: ProjectChanges) throws -> Project {
        var project = self
        if let name = changes.name {
            project.name = try TextField.required(name, field: "project name", limit: 200, rule: .title)
        }
        if let weight = changes.weight { project.weight = weight }
        if let status = changes.status { project.status = status }
        if let start = changes.start { project.start = start }
        if let end = changes.end { project.end = end }
        // A project closed without an end date ends the day it is closed.
        if changes.status == .closed, project.end == nil, let today = changes.today {
            project.end = max(today, project.start ?? today)
        }
        try Self.validate(weight: project.weight, start: project.start, end: project.end)
        return project
    }
}

/// Changes to a project; `nil` leaves a field as it is.
public struct ProjectChanges: Hashable, Sendable {
    public var name: String?
    public var weight: Int?
    public var status: ProjectStatus?
    public var start: LocalDate?
    public var end: LocalDate?
    /// The day the change is made, to end a project that is closed without an end date.
    public var today: LocalDate?

    public init(
        name: String? = nil, weight: Int? = nil, status: ProjectStatus? = nil, start: LocalDate? = nil, end: LocalDate? = nil,
        today: LocalDate? = nil
    ) {
        self.name = name
        self.weight = weight
        self.status = status
        self.start = start
        self.end = end
        self.today = today
    }
}

/// A project with how much advocacy it has received.
public struct ProjectSummary: Hashable, Encodable, Sendable {
    public var project: Project
    public var actions: Int
    public var advocates: Int

    public init(project: Project, actions: Int, advocates: Int) {
        self.project = project
        self.actions = actions
        self.advocates = advocates
    }

    enum CodingKeys: String, CodingKey { case actions, advocates }

    /// One flat object: the project's fields beside its counts.
    public func encode(to encoder: any Encoder) throws {
        try project.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(actions, forKey: .actions)
        try c.encode(advocates, forKey: .advocates)
    }
}

extension Project {
    /// Active and running on some day of `window`: a project launched after
    /// a period, or closed before it, was nobody's gap then.
    public func isRunning(during window: ClosedRange<LocalDate>) -> Bool {
        status == .active && (start ?? .earliest) <= window.upperBound && (end ?? .latest) >= window.lowerBound
    }
}
