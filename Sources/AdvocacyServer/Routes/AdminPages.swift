import AdvocacyCore
import AdvocacyKit
import AdvocacyReport
import Foundation
import Hummingbird

/// The admin's people and projects: lists, and a form to add each.
extension Routes {
    func registerAdminPages(on router: Router<ServerContext>) {
        router.get("/admin/people") { request, context in try await peoplePage(request, context, problem: nil) }
        router.post("/admin/people") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            return try await submitting(context) {
                let new = try NewEmployee(
                    email: try EmailAddress(form["email"] ?? ""), name: form["name"] ?? "", team: form["team"],
                    role: try Role.parse(form["role"] ?? "staff"), hrID: form["hrId"])
                let registration = try await access.run { try $0.addEmployee(new, by: member.email) }
                var done = context.language.say("Ajouté : ", "Added: ") + new.email.value
                if let lookalike = registration.lookalikeName {
                    done += " — " + context.language.say("attention : ", "warning: ") + "\(lookalike)"
                }
                return PageRenderer.seeOther("/admin/people?done=" + PageRenderer.queryValue(done))
            } orShowAgain: { problem in
                try await peoplePage(request, context, problem: problem)
            }
        }
        router.get("/admin/projects") { request, context in try await projectsPage(request, context, problem: nil) }
        router.post("/admin/projects") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            return try await submitting(context) {
                let weight = try form.wholeNumber("weight", in: 1...5, expected: "a whole number from 1 to 5")
                let project = try Project.validated(
                    code: try ProjectCode(form["code"] ?? ""), name: form["name"] ?? "", weight: weight ?? 2)
                _ = try await access.run { try $0.addProject(project, by: member.email) }
                let done = context.language.say("Projet ajouté : ", "Project added: ") + project.code.value
                return PageRenderer.seeOther("/admin/projects?done=" + PageRenderer.queryValue(done))
            } orShowAgain: { problem in
                try await projectsPage(request, context, problem: problem)
            }
        }
    }

    private func peoplePage(_ request: Request, _ context: ServerContext, problem: String?) async throws -> Response {
        let member = try context.requireMember()
        try Self.require(member, in: [.admin], to: "manage people")
        let say = context.language.say
        let people = try await access.run { try $0.employees(seenBy: member.email) }
        var content = PageRenderer.notices(request, problem: problem)
        content.append(
            HTML.form(
                action: "/admin/people", token: pages.token(context), label: say("Ajouter une personne", "Add a person"),
                [
                    HTML.field("Email", name: "email", type: "email", required: true),
                    HTML.field(say("Nom", "Name"), name: "name", required: true),
                    HTML.field(say("Équipe", "Team"), name: "team"),
                    HTML.select(
                        say("Rôle", "Role"), name: "role",
                        options: Role.allCases.map { (value: $0.rawValue, label: $0.rawValue) },
                        selected: "staff"),
                    HTML.field(say("Matricule RH", "HR id"), name: "hrId"),
                    HTML.button(say("Ajouter", "Add")),
                ]))
        content.append(
            HTML.table(
                caption: say("\(people.count) personnes", "\(people.count) people"),
                headers: ["Email", say("Nom", "Name"), say("Équipe", "Team"), say("Rôle", "Role"), say("Actif", "Active")],
                rows: people.map { person in
                    [
                        HTML.text(person.email.value), HTML.text(person.name), HTML.text(person.team ?? ""),
                        HTML.text(person.role.rawValue),
                        HTML.text(person.isActive ? say("oui", "yes") : say("non", "no")),
                    ]
                }))
        content.append(
            HTML.paragraph(
                say(
                    "Un annuaire entier s'importe en CSV : advocacy import employees FICHIER.",
                    "A whole roster imports as CSV: advocacy import employees FILE.")))
        return pages.page(
            say("Personnes", "People"), request: request, context: context, status: problem == nil ? .ok : .badRequest, content)
    }

    private func projectsPage(_ request: Request, _ context: ServerContext, problem: String?) async throws -> Response {
        let member = try context.requireMember()
        try Self.require(member, in: [.admin], to: "manage projects")
        let say = context.language.say
        let projects = try await access.run { try $0.projects() }
        var content = PageRenderer.notices(request, problem: problem)
        content.append(
            HTML.form(
                action: "/admin/projects", token: pages.token(context), label: say("Ajouter un projet", "Add a project"),
                [
                    HTML.field(
                        say("Code", "Code"), name: "code", required: true, hint: say("par exemple ERP-2027", "such as ERP-2027")),
                    HTML.field(say("Nom", "Name"), name: "name", required: true),
                    HTML.field(
                        say("Poids (1 à 5)", "Weight (1 to 5)"), name: "weight", type: "number", value: "2",
                        attributes: [("min", "1"), ("max", "5")]),
                    HTML.button(say("Ajouter", "Add")),
                ]))
        content.append(
            HTML.table(
                caption: say("\(projects.count) projets", "\(projects.count) projects"),
                headers: [
                    say("Code", "Code"), say("Nom", "Name"), say("Poids", "Weight"), say("Statut", "Status"),
                    say("Actions", "Actions"),
                ],
                rows: projects.map { summary in
                    [
                        HTML.text(summary.project.code.value), HTML.text(summary.project.name),
                        HTML.text(String(summary.project.weight)),
                        HTML.text(summary.project.status.rawValue), HTML.text(String(summary.actions)),
                    ]
                }))
        return pages.page(
            say("Projets", "Projects"), request: request, context: context, status: problem == nil ? .ok : .badRequest, content)
    }
}
