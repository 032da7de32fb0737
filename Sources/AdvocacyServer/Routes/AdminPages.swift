import AdvocacyCore
import AdvocacyKit
import AdvocacyReport
import Foundation
import Hummingbird

/// The admin's people and projects (lists, and a form to add each), and
/// the roster and other CSV files uploaded from the browser.
extension Routes {
    func registerAdminPages(on router: Router<ServerContext>) {
        router.get("/admin/import") { request, context in try await adminImportPage(request, context, outcome: nil) }
        router.post("/admin/import") { request, context in
            let member = try context.requireMember()
            try Self.require(member, in: [.admin], to: "import files for others")
            let form = try await MultipartForm(request, context: context, tokens: forms, limit: configuration.uploadLimitBytes)
            let kind: ImportKind
            switch form["kind"] ?? "" {
            case "employees": kind = .employees(updating: form["update"] == "yes")
            case "actions": kind = .actions
            case "followers": kind = .followers
            default:
                throw ServerError.invalidField(
                    name: "kind", value: form["kind"] ?? "", expected: "employees, actions or followers")
            }
            guard let file = form.file("file") else {
                throw ServerError.invalidField(name: "file", value: "", expected: "a CSV file chosen on your computer")
            }
            let source = ImportSource.bytes(file.data, name: file.name)
            let today = today
            // All or nothing, as `advocacy import` without --skip-invalid: one refused row writes nothing.
            let summary = try await access.run { programme in
                try programme.importTable(
                    try ImportTable(source, kind: kind), mode: .allOrNothing, today: today, by: member.email)
            }
            return try await adminImportPage(request, context, outcome: [UploadOutcome(name: file.name, summary: summary)])
        }
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
        router.post("/admin/people/deactivate") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            let email = try EmailAddress(form["email"] ?? "")
            let say = context.language.say
            // No script on these pages: the confirmation is a page of its own.
            guard form["step"] == "confirm" else {
                try Self.require(member, in: [.admin], to: "manage people")
                let person = try await access.run { try $0.employee(email) }
                return confirmation(
                    say("Désactiver \(person.name) ?", "Deactivate \(person.name)?"),
                    say(
                        "\(person.email) ne pourra plus se connecter ni déclarer de publication ; son travail passé reste compté. "
                            + "Vous pourrez le réactiver.",
                        "\(person.email) will no longer sign in or log posts; their past work still counts. You can reactivate them."
                    ),
                    action: "/admin/people/deactivate", fields: [("email", email.value)],
                    confirm: say("Oui, désactiver", "Yes, deactivate"), back: "/admin/people", request, context)
            }
            let person = try await access.run { try $0.deactivateEmployee(email, by: member.email) }
            let done = say("Désactivé : ", "Deactivated: ") + person.email.value
            return PageRenderer.seeOther("/admin/people?done=" + PageRenderer.queryValue(done))
        }
        router.post("/admin/people/reactivate") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            let email = try EmailAddress(form["email"] ?? "")
            let person = try await access.run {
                try $0.updateEmployee(email, try EmployeeChanges(isActive: true), by: member.email)
            }
            let done = context.language.say("Réactivé : ", "Reactivated: ") + person.email.value
            return PageRenderer.seeOther("/admin/people?done=" + PageRenderer.queryValue(done))
        }
        router.get("/admin/projects") { request, context in try await projectsPage(request, context, problem: nil) }
        router.post("/admin/projects/close") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            let code = try ProjectCode(form["code"] ?? "")
            let today = today
            let say = context.language.say
            guard form["step"] == "confirm" else {
                try Self.require(member, in: [.admin], to: "manage projects")
                let summary = try await access.run { try $0.project(code) }
                return confirmation(
                    say("Clore \(summary.project.code) ?", "Close \(summary.project.code)?"),
                    say(
                        "\(summary.project.name) se termine aujourd'hui : on ne pourra plus y rattacher de nouvelle publication ; "
                            + "les \(summary.actions) actions déjà rattachées gardent leurs points.",
                        "\(summary.project.name) ends today: no new post can be tagged with it; the \(summary.actions) actions "
                            + "already tagged keep their points."),
                    action: "/admin/projects/close", fields: [("code", code.value)], confirm: say("Oui, clore", "Yes, close"),
                    back: "/admin/projects", request, context)
            }
            let summary = try await access.run { try $0.closeProject(code, on: today, by: member.email) }
            let done = context.language.say("Projet clos : ", "Project closed: ") + summary.project.code.value
            return PageRenderer.seeOther("/admin/projects?done=" + PageRenderer.queryValue(done))
        }
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
                        person.email == member.email
                            ? HTML.text(say("oui", "yes"))
                            : HTML.form(
                                action: person.isActive ? "/admin/people/deactivate" : "/admin/people/reactivate",
                                token: pages.token(context),
                                label: person.isActive
                                    ? say("Désactiver \(person.email)", "Deactivate \(person.email)")
                                    : say("Réactiver \(person.email)", "Reactivate \(person.email)"),
                                [
                                    HTML.el("input", [("type", "hidden"), ("name", "email"), ("value", person.email.value)]),
                                    HTML.el(
                                        "button", [("type", "submit"), ("class", "secondary")],
                                        text: person.isActive
                                            ? say("oui — désactiver…", "yes — deactivate…")
                                            : say("non — réactiver", "no — reactivate")),
                                ]),
                    ]
                }))
        content.append(
            HTML.el(
                "p", [],
                [
                    HTML.link(
                        "/admin/import",
                        say("Importer un annuaire entier (CSV)", "Import a whole roster (CSV)"))
                ]))
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
                        summary.project.status != .closed
                            ? HTML.form(
                                action: "/admin/projects/close", token: pages.token(context),
                                label: say("Clore \(summary.project.code)", "Close \(summary.project.code)"),
                                [
                                    HTML.el(
                                        "input", [("type", "hidden"), ("name", "code"), ("value", summary.project.code.value)]),
                                    HTML.el(
                                        "button", [("type", "submit"), ("class", "secondary")],
                                        text: summary.project.status.rawValue + say(" — clore…", " — close…")),
                                ])
                            : HTML.text(summary.project.status.rawValue),
                        HTML.text(String(summary.actions)),
                    ]
                }))
        return pages.page(
            say("Projets", "Projects"), request: request, context: context, status: problem == nil ? .ok : .badRequest, content)
    }

    private func adminImportPage(_ request: Request, _ context: ServerContext, outcome: [UploadOutcome]?)
        async throws -> Response
    {
        let member = try context.requireMember()
        try Self.require(member, in: [.admin], to: "import files for others")
        let say = context.language.say
        let shown = Self.importOutcome(outcome ?? [], context.language)
        var content = shown.content
        let kinds = [
            (
                "employees",
                say(
                    "Annuaire RH (email, nom, équipe, rôle, matricule, consentement)",
                    "HR's roster (email, name, team, role, hr_id, consent)")
            ),
            (
                "actions",
                say("Actions de n'importe qui (email, url, date, title…)", "Anyone's actions (email, url, date, title…)")
            ),
            ("followers", say("Nombres d'abonnés (url, date, followers)", "Follower counts (url, date, followers)")),
        ]
        content.append(
            HTML.el(
                "form",
                [
                    ("method", "post"), ("action", "/admin/import"), ("enctype", "multipart/form-data"),
                    ("aria-label", say("Importer un fichier", "Import a file")),
                ],
                [
                    HTML.el("input", [("type", "hidden"), ("name", FormData.tokenField), ("value", pages.token(context))]),
                    HTML.select(
                        say("Fichier", "File of"), name: "kind", options: kinds.map { (value: $0.0, label: $0.1) }, selected: nil),
                    HTML.el(
                        "div", [("class", "field")],
                        [
                            HTML.el(
                                "label", [],
                                [
                                    HTML.el("input", [("type", "checkbox"), ("name", "update"), ("value", "yes")]),
                                    HTML.text(
                                        say(
                                            " Annuaire : mettre à jour les personnes déjà inscrites",
                                            " Roster: update people already registered")),
                                ])
                        ]),
                    HTML.field(
                        say("Fichier CSV", "CSV file"), name: "file", type: "file", required: true,
                        hint: say(
                            "tout ou rien : une ligne refusée n'écrit rien ; \(ByteCountText.megabytes(configuration.uploadLimitBytes)) au plus",
                            "all or nothing: one refused row writes nothing; \(ByteCountText.megabytes(configuration.uploadLimitBytes)) at most"
                        )),
                    HTML.button(say("Importer", "Import")),
                ]))
        return pages.page(
            say("Importer pour le programme", "Import for the programme"), request: request, context: context,
            status: shown.refused ? .badRequest : .ok, content)
    }

    /// A page asking to confirm a change that is hard to undo from here:
    /// what it does, a button that submits it again with `step=confirm`,
    /// and a way back.
    private func confirmation(
        _ title: String, _ explanation: String, action: String, fields: [(String, String)], confirm: String, back: String,
        _ request: Request, _ context: ServerContext
    ) -> Response {
        let say = context.language.say
        return pages.page(
            title, request: request, context: context,
            [
                HTML.paragraph(explanation),
                HTML.form(
                    action: action, token: pages.token(context), label: title,
                    fields.map { HTML.el("input", [("type", "hidden"), ("name", $0.0), ("value", $0.1)]) } + [
                        HTML.el("input", [("type", "hidden"), ("name", "step"), ("value", "confirm")]),
                        HTML.button(confirm), HTML.text(" "), HTML.link(back, say("Annuler", "Cancel")),
                    ]),
            ])
    }
}
