/// An IT-department project that the programme supports.
public struct Project: Hashable, Codable, Sendable {
    public var code: ProjectCode
    public var name: String
    /// 1 (nice to have) to 3 (strategic).
    public var weight: Int
    public var status: ProjectStatus
    public var start: LocalDate?
    public var end: LocalDate?

    public init(code: ProjectCode, name: String, weight: Int = 2, status: ProjectStatus = .active, start: LocalDate? = nil, end: LocalDate? = nil) {
        self.code = code
        self.name = name
        self.weight = weight
        self.status = status
        self.start = start
        self.end = end
    }

    /// Validates the fields a person typed.
    public static func validated(
        code: ProjectCode, name: String, weight: Int = 2, status: ProjectStatus = .active, start: LocalDate? = nil,
        end: LocalDate? = nil
    ) throws -> Project {
        let name = try TextField.required(name, field: "project name", limit: 200)
        try validate(weight: weight, start: start, end: end)
        return Project(code: code, name: name, weight: weight, status: status, start: start, end: end)
    }

    static func validate(weight: Int, start: LocalDate?, end: LocalDate?) throws {
        guard (1...3).contains(weight) else { throw CoreError.invalidWeight(weight) }
        if let start, let end, end < start { throw CoreError.invalidRange(from: start, to: end) }
    }

    /// Applies changes, validating the result as a whole.
    public func applying(_ changes: ProjectChanges) throws -> Project {
        var project = self
        if let name = changes.name { project.name = try TextField.required(name, field: "project name", limit: 200) }
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

    public var isEmpty: Bool { name == nil && weight == nil && status == nil && start == nil && end == nil }
}

/// A project with how much advocacy it has received.
public struct ProjectSummary: Hashable, Codable, Sendable {
    public var project: Project
    public var actions: Int
    public var advocates: Int

    public init(project: Project, actions: Int, advocates: Int) {
        self.project = project
        self.actions = actions
        self.advocates = advocates
    }

    enum CodingKeys: String, CodingKey { case code, name, weight, status, start, end, actions, advocates }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        project = Project(
            code: try c.decode(ProjectCode.self, forKey: .code), name: try c.decode(String.self, forKey: .name),
            weight: try c.decode(Int.self, forKey: .weight), status: try c.decode(ProjectStatus.self, forKey: .status),
            start: try c.decodeIfPresent(LocalDate.self, forKey: .start), end: try c.decodeIfPresent(LocalDate.self, forKey: .end))
        actions = try c.decode(Int.self, forKey: .actions)
        advocates = try c.decode(Int.self, forKey: .advocates)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(project.code, forKey: .code)
        try c.encode(project.name, forKey: .name)
        try c.encode(project.weight, forKey: .weight)
        try c.encode(project.status, forKey: .status)
        try c.encode(project.start, forKey: .start)
        try c.encode(project.end, forKey: .end)
        try c.encode(actions, forKey: .actions)
        try c.encode(advocates, forKey: .advocates)
    }
}
