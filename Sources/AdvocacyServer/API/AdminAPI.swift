import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import Foundation
import Hummingbird

/// The programme's set-up, as `advocacy employee list|add`, `project list|add`
/// and `audit`: people and projects are added by admins, the trail is read by
/// the cio, HR and admins (the use cases refuse anyone else).
extension Routes {
    func registerAdminAPI(on api: RouterGroup<ServerContext>) {
        api.get("/employees") { request, context in
            let member = try context.requireMember()
            // As the people page: the roster is the admin's (the list leaves out whom the viewer may not see).
            try Self.require(member, in: [.admin], to: "manage people")
            let team = Self.optionalQuery(request, "team")
            let people = try await access.run { try $0.employees(team: team, seenBy: member.email) }
            return APIResponse.json(try JSONOutput.encoded(people))
        }
        api.post("/employees") { request, context in
            let member = try context.requireMember()
            let body = try await decode(EmployeeRequest.self, from: request)
            let new = try NewEmployee(
                email: try EmailAddress(body.email), name: body.name, team: body.team,
                role: try body.role.map { try Role.parse($0) } ?? .staff, hrID: body.hrId)
            let registration = try await access.run { try $0.addEmployee(new, by: member.email) }
            var response = APIResponse.json(try JSONOutput.encoded(registration.employee), status: .created)
            response.headers[.location] = "/api/v1/employees"
            return response
        }
        api.get("/projects") { _, context in
            _ = try context.requireMember()
            // Open to every employee, as `project list`: staff tag their actions with these codes.
            let projects = try await access.run { try $0.projects() }
            return APIResponse.json(try JSONOutput.encoded(projects))
        }
        api.post("/projects") { request, context in
            let member = try context.requireMember()
            let body = try await decode(ProjectRequest.self, from: request)
            let project = try Project.validated(
                code: try ProjectCode(body.code), name: body.name, weight: body.weight ?? 2,
                status: try body.status.map { try ProjectStatus.parse($0) } ?? .active,
                start: try body.start.map { try LocalDate(parsing: $0) }, end: try body.end.map { try LocalDate(parsing: $0) })
            let added = try await access.run { try $0.addProject(project, by: member.email) }
            var response = APIResponse.json(try JSONOutput.encoded(added), status: .created)
            response.headers[.location] = "/api/v1/projects"
            return response
        }
        api.get("/audit") { request, context in
            let member = try context.requireMember()
            var filter = try Self.auditFilter(request)
            // The latest `limit` entries, oldest first as `advocacy audit` lists them.
            filter.latest = try Self.positiveQuery(request, "limit") ?? 200
            let entries = try await access.run { [filter] in try $0.auditEntries(filter, by: member.email) }
            return APIResponse.json(try JSONOutput.encoded(entries))
        }
    }

    /// `GET /api/v1/audit`'s filters, as `advocacy audit`'s options.
    static func auditFilter(_ request: Request) throws -> AuditFilter {
        let entity = optionalQuery(request, "entity")
        if let entity, !Programme.auditedEntities.contains(entity) {
            throw ServerError.invalidField(
                name: "entity", value: entity, expected: "one of " + Programme.auditedEntities.joined(separator: ", "))
        }
        return AuditFilter(
            since: try optionalQuery(request, "since").map { try LocalDate(parsing: $0) },
            actor: try optionalQuery(request, "actor").map { try EmailAddress($0) }, entity: entity)
    }

    /// `POST /api/v1/employees`: `advocacy employee add`.
    struct EmployeeRequest: Decodable {
        var email: String
        var name: String
        var team: String?
        var role: String?
        var hrId: String?
    }

    /// `POST /api/v1/projects`: `advocacy project add`.
    struct ProjectRequest: Decodable {
        var code: String
        var name: String
        var weight: Int?
        var status: String?
        var start: String?
        var end: String?
    }
}
