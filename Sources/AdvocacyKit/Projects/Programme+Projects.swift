import AdvocacyCore
import AdvocacyStore
import Foundation

extension Programme {
    /// Registers a project (admin only).
    @discardableResult
    public func addProject(_ project: Project, by actorEmail: EmailAddress) throws -> ProjectSummary {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireAdmin(actor, to: "add projects")
            return try tx.insertProject(project)
        }
    }

    /// Changes a project (admin only).
    @discardableResult
    public func updateProject(_ code: ProjectCode, _ changes: ProjectChanges, by actorEmail: EmailAddress) throws
        -> ProjectSummary
    {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireAdmin(actor, to: "change projects")
            return try tx.saveProject(try tx.project(code).project.applying(changes))
        }
    }

    /// Closes a project (admin only), ending it on `date` unless it already has an end.
    @discardableResult
    public func closeProject(_ code: ProjectCode, on date: LocalDate, by actorEmail: EmailAddress) throws -> ProjectSummary {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireAdmin(actor, to: "close projects")
            let current = try tx.project(code).project
            return try tx.saveProject(try current.applying(ProjectChanges(status: .closed, today: date)))
        }
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
