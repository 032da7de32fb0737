import AdvocacyCore
import Foundation

extension Programme {
    /// Registers a project (admin only).
    @discardableResult
    public func addProject(_ project: Project, by actorEmail: EmailAddress) throws -> ProjectSummary {
        try store.addProject(project, by: actorEmail)
    }

    /// Changes a project (admin only).
    @discardableResult
    public func updateProject(_ code: ProjectCode, _ changes: ProjectChanges, by actorEmail: EmailAddress) throws
        -> ProjectSummary
    {
        try store.updateProject(code, changes, by: actorEmail)
    }

    /// Closes a project (admin only), ending it on `date` unless it already has an end.
    @discardableResult
    public func closeProject(_ code: ProjectCode, on date: LocalDate, by actorEmail: EmailAddress) throws -> ProjectSummary {
        try store.closeProject(code, on: date, by: actorEmail)
    }

    /// Every project, by code, with its number of actions and advocates.
    public func projects() throws -> [ProjectSummary] {
        try store.projects()
    }

    /// One project, or ``StoreError/unknownProject(_:)``.
    public func project(_ code: ProjectCode) throws -> ProjectSummary {
        try store.project(code)
    }
}
