import AdvocacyCore
import GRDB

extension StoreTransaction {
    /// Inserts a project, or ``StoreError/duplicateProject(_:)`` when its code is taken.
    public func insertProject(_ project: Project) throws -> ProjectSummary {
        if try AdvocacyStore.fetchProjectID(db, project.code) != nil { throw StoreError.duplicateProject(project.code) }
        try db.execute(
            sql: "INSERT INTO project (code, name, strategicWeight, status, startDate, endDate) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                project.code.value, project.name, project.weight, project.status.rawValue, project.start?.description,
                project.end?.description,
            ])
        return try AdvocacyStore.requireProject(db, project.code)
    }

    /// One project, or ``StoreError/unknownProject(_:)``.
    public func project(_ code: ProjectCode) throws -> ProjectSummary {
        try AdvocacyStore.requireProject(db, code)
    }

    /// Writes a project's fields over the stored ones with the same code.
    public func saveProject(_ project: Project) throws -> ProjectSummary {
        try AdvocacyStore.saveProject(db, project)
    }
}

extension AdvocacyStore {
    static func saveProject(_ db: Database, _ project: Project) throws -> ProjectSummary {
        try db.execute(
            sql: "UPDATE project SET name = ?, strategicWeight = ?, status = ?, startDate = ?, endDate = ? WHERE code = ?",
            arguments: [
                project.name, project.weight, project.status.rawValue, project.start?.description, project.end?.description,
                project.code.value,
            ])
        return try requireProject(db, project.code)
    }

    /// Every project, by code, with its number of actions and advocates.
    public func projects() throws -> [ProjectSummary] {
        try read { db in
            try Row.fetchAll(db, sql: Self.projectSelect + " ORDER BY p.code").map(Self.projectSummary(from:))
        }
    }

    /// One project, or ``StoreError/unknownProject(_:)``.
    public func project(_ code: ProjectCode) throws -> ProjectSummary {
        try read { db in try Self.requireProject(db, code) }
    }

    // MARK: Helpers

    static let projectSelect = """
        SELECT p.*,
            (SELECT COUNT(*) FROM actionProject ap WHERE ap.projectId = p.id) AS actionCount,
            (SELECT COUNT(DISTINCT a.employeeId) FROM actionProject ap JOIN action a ON a.id = ap.actionId
             WHERE ap.projectId = p.id) AS advocateCount
        FROM project p
        """

    static func fetchProjectID(_ db: Database, _ code: ProjectCode) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM project WHERE code = ?", arguments: [code.value])
    }

    static func requireProjectID(_ db: Database, _ code: ProjectCode) throws -> Int64 {
        guard let id = try fetchProjectID(db, code) else { throw try unknownProject(db, code) }
        return id
    }

    /// The error for a code no project has, with the codes nearest to it.
    static func unknownProject(_ db: Database, _ code: ProjectCode) throws -> StoreError {
        let codes = try String.fetchAll(db, sql: "SELECT code FROM project")
        return .unknownProject(code, nearest: NearestNames.nearest(to: code.value, in: codes))
    }

    static func requireProject(_ db: Database, _ code: ProjectCode) throws -> ProjectSummary {
        guard let row = try Row.fetchOne(db, sql: projectSelect + " WHERE p.code = ?", arguments: [code.value]) else {
            throw try unknownProject(db, code)
        }
        return try projectSummary(from: row)
    }

    static func projectSummary(from row: Row) throws -> ProjectSummary {
        let project = Project(
            code: ProjectCode(alreadyValid: row["code"]), name: row["name"], weight: row["strategicWeight"],
            status: try decode(row["status"]),
            start: try (row["startDate"] as String?).map(date), end: try (row["endDate"] as String?).map(date))
        return ProjectSummary(project: project, actions: row["actionCount"], advocates: row["advocateCount"])
    }
}
