import AdvocacyCore
import AdvocacyKit
import AdvocacyReport
import Foundation
import Hummingbird

/// The pages every member uses: home, logging a post, their actions.
extension Routes {
    func registerStaffPages(on router: Router<ServerContext>) {
        router.get("/") { request, context in try await home(request, context) }
        router.get("/log") { request, context in try await logForm(request, context, values: nil, problem: nil) }
        router.post("/log") { request, context in try await logPost(request, context) }
        router.get("/me/actions") { request, context in try await myActions(request, context) }
        router.post("/me/actions/remove") { request, context in try await removeAction(request, context) }
        router.post("/me/actions/metrics") { request, context in try await recordMetrics(request, context) }
    }

    private func home(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let say = context.language.say
        var items: [(String, String, String)] = [
            (
                "/log", say("Déclarer une publication", "Log a post"),
                say("coller l'adresse, choisir les projets", "paste the address, pick the projects")
            ),
            ("/me/actions", say("Mes actions", "My actions"), say("leur statut, leurs chiffres", "their status and figures")),
            ("/me/score", say("Mon score", "My score"), say("expliqué action par action", "explained action by action")),
            ("/ranking", say("Classement", "Ranking"), say("la période en cours", "the current period")),
        ]
        if member.role != .staff {
            items.append(("/explain", say("Expliquer un score", "Explain a score"), say("celui de n'importe qui", "anyone's")))
        }
        if member.role == .hr || member.role == .admin {
            items.append(
                (
                    "/rewards", say("Récompenses", "Rewards"),
                    say("propositions, décisions, export", "proposals, decisions, export")
                ))
        }
        return pages.page(
            say("Bonjour \(member.name)", "Hello \(member.name)"), request: request, context: context,
            [
                HTML.el(
                    "ul", [],
                    items.map { href, label, hint in HTML.el("li", [], [HTML.link(href, label), HTML.text(" — " + hint)]) })
            ])
    }

    // MARK: Logging a post

    /// The values typed in the log form, kept when it is shown again with a problem.
    struct LogValues: Sendable {
        var url = ""
        var projects: [String] = []
        var kind = ""
        var title = ""
        var date = ""
        var effort = ""
        var counts: [String: String] = [:]
    }

    static let counterNames = ["reactions", "comments", "shares", "impressions", "clicks"]

    private func logForm(_ request: Request, _ context: ServerContext, values: LogValues?, problem: String?) async throws
        -> Response
    {
        let member = try context.requireMember()
        let say = context.language.say
        let projects = try await access.run { try $0.projects() }.filter { $0.project.status != .closed }
        let values = values ?? LogValues(date: today.description)
        var content = PageRenderer.notices(request, problem: problem)
        let kinds = [("", say("selon la chaîne", "from the channel"))] + ActionKind.allCases.map { ($0.rawValue, $0.rawValue) }
        let projectBoxes = projects.map { summary -> Markup in
            let code = summary.project.code.value
            let id = "project-" + code
            return HTML.el(
                "div", [],
                [
                    HTML.el(
                        "input",
                        [
                            ("type", "checkbox"), ("id", id), ("name", "project"), ("value", code),
                            ("checked", values.projects.contains(code) ? "checked" : nil),
                        ]),
                    HTML.el("label", [("for", id)], text: " \(code) — \(summary.project.name)"),
                ])
        }
        content.append(
            HTML.form(
                action: "/log", token: pages.token(context), label: say("Déclarer une publication", "Log a post"),
                [
                    HTML.field(
                        say("Adresse de la publication", "Address of the post"), name: "url", type: "url", value: values.url,
                        required: true,
                        hint: say(
                            "collez le lien, par exemple https://www.linkedin.com/posts/…",
                            "paste the link, such as https://www.linkedin.com/posts/…")),
                    HTML.el(
                        "fieldset", [],
                        [HTML.el("legend", text: say("Projets dont elle parle", "Projects it is about"))]
                            + (projectBoxes.isEmpty
                                ? [HTML.paragraph(say("Aucun projet ouvert.", "No open project."))] : projectBoxes)),
                    HTML.field(say("Titre (facultatif)", "Title (optional)"), name: "title", value: values.title),
                    HTML.select(
                        say("Genre", "Kind"), name: "kind", options: kinds.map { (value: $0.0, label: $0.1) },
                        selected: values.kind),
                    HTML.field(
                        say("Date de publication", "Publication date"), name: "date", type: "date", value: values.date,
                        required: true),
                    HTML.field(
                        say("Heures de travail (facultatif)", "Hours of work (optional)"), name: "effort", value: values.effort,
                        attributes: [("inputmode", "decimal")]),
                    HTML.el(
                        "fieldset", [("class", "inline")],
                        [HTML.el("legend", text: say("Chiffres connus (facultatif)", "Figures you know (optional)"))]
                            + Self.counterNames.map { name in
                                HTML.field(
                                    counterLabel(name, context.language), name: name, type: "number", value: values.counts[name],
                                    attributes: [("min", "0"), ("inputmode", "numeric")])
                            }),
                    HTML.button(say("Déclarer", "Log it")),
                ]))
        _ = member
        return pages.page(
            say("Déclarer une publication", "Log a post"), request: request, context: context,
            status: problem == nil ? .ok : .badRequest, content)
    }

    func counterLabel(_ name: String, _ language: PageLanguage) -> String {
        switch name {
        case "reactions": language.say("Réactions", "Reactions")
        case "comments": language.say("Commentaires", "Comments")
        case "shares": language.say("Partages", "Shares")
        case "impressions": language.say("Impressions", "Impressions")
        default: language.say("Clics", "Clicks")
        }
    }

    private func logPost(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
        var values = LogValues(
            url: form["url"] ?? "", projects: form.all("project"), kind: form["kind"] ?? "", title: form["title"] ?? "",
            date: form["date"] ?? "", effort: form["effort"] ?? "")
        for name in Self.counterNames { values.counts[name] = form[name] }
        let today = today
        return try await submitting(context) {
            let draft = try Self.draft(values, author: member.email, today: today)
            let action = try await access.run { try $0.logAction(draft, by: member.email) }
            let done = context.language.say("Déclaré : ", "Logged: ") + action.title + " — " + action.url.string
            return PageRenderer.seeOther("/log?done=" + PageRenderer.queryValue(done))
        } orShowAgain: { problem in
            try await logForm(request, context, values: values, problem: problem)
        }
    }

    /// The use case's input from the form's text, each value checked by Core's own parsers.
    static func draft(_ values: LogValues, author: EmailAddress, today: LocalDate) throws -> ActionDraft {
        guard !values.url.isEmpty else {
            throw ServerError.invalidField(name: "url", value: "", expected: "the address of the post")
        }
        var effort: Double?
        if !values.effort.isEmpty {
            guard let hours = Double(values.effort.replacingOccurrences(of: ",", with: ".")) else {
                throw ServerError.invalidField(name: "effort", value: values.effort, expected: "hours, such as 2 or 1.5")
            }
            effort = hours
        }
        return try ActionDraft(
            author: author, url: try CanonicalURL(values.url),
            kind: values.kind.isEmpty ? nil : try ActionKind.parse(values.kind),
            title: values.title.isEmpty ? nil : values.title,
            date: values.date.isEmpty ? today : try LocalDate(parsing: values.date), effortHours: effort,
            projects: try values.projects.map { try ProjectCode($0) },
            metrics: try metrics(values.counts), today: today)
    }

    /// The figures typed in a form (blank ones left out), each a whole number.
    static func metrics(_ counts: [String: String]) throws -> MetricsUpdate {
        func count(_ name: String) throws -> Int? { try counts[name].map { try FormData.wholeNumber($0, name: name) } }
        return try MetricsUpdate(
            impressions: try count("impressions"), reactions: try count("reactions"), comments: try count("comments"),
            shares: try count("shares"), clicks: try count("clicks"))
    }

    // MARK: My actions

    private func myActions(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let say = context.language.say
        let actions = try await access.run { try $0.actions(ActionFilter(author: member.email)) }
            .sorted { (left: Action, right: Action) in (left.date, left.url.string) > (right.date, right.url.string) }
        let token = pages.token(context)
        var content = PageRenderer.notices(request)
        if actions.isEmpty {
            content.append(
                HTML.el(
                    "p", [],
                    [
                        HTML.text(say("Rien de déclaré pour l'instant. ", "Nothing logged yet. ")),
                        HTML.link("/log", say("Déclarer une publication", "Log a post")),
                    ]))
        } else {
            let rows = actions.enumerated().map { index, action -> [Markup] in
                let figures =
                    action.metricsDate == nil
                    ? say("aucun", "none")
                    : "\(action.metrics.reactions) · \(action.metrics.comments) · \(action.metrics.shares)"
                return [
                    HTML.text(action.date.description),
                    HTML.el("a", [("href", action.url.string), ("rel", "noopener noreferrer")], text: action.title),
                    HTML.text(action.kind.rawValue),
                    HTML.text(action.projects.map(\.value).joined(separator: ", ")),
                    HTML.text(reviewWord(action.review, context.language) + (action.reviewNote.map { " — " + $0 } ?? "")),
                    HTML.text(figures),
                    .group([
                        HTML.form(
                            action: "/me/actions/metrics", token: token, label: say("Chiffres de ", "Figures of ") + action.title,
                            [
                                HTML.el("input", [("type", "hidden"), ("name", "url"), ("value", action.url.string)]),
                                HTML.el(
                                    "span", [("class", "inline")],
                                    ["reactions", "comments", "shares"].map { name in
                                        HTML.field(
                                            counterLabel(name, context.language), name: name, type: "number",
                                            value: String(Self.count(name, of: action.metrics)), id: "action-\(index)-\(name)",
                                            attributes: [("min", "0")])
                                    }),
                                HTML.button(say("Enregistrer les chiffres", "Save the figures")),
                            ]),
                        HTML.form(
                            action: "/me/actions/remove", token: token, label: say("Retirer ", "Remove ") + action.title,
                            [
                                HTML.el("input", [("type", "hidden"), ("name", "url"), ("value", action.url.string)]),
                                HTML.el("button", [("type", "submit"), ("class", "secondary")], text: say("Retirer", "Remove")),
                            ]),
                    ]),
                ]
            }
            content.append(
                HTML.table(
                    caption: say("\(actions.count) actions, les plus récentes d'abord", "\(actions.count) actions, newest first"),
                    headers: [
                        say("Date", "Date"), say("Titre", "Title"), say("Genre", "Kind"), say("Projets", "Projects"),
                        say("Statut", "Status"), say("Réactions · commentaires · partages", "Reactions · comments · shares"),
                        say("Modifier", "Change"),
                    ],
                    rows: rows))
        }
        return pages.page(say("Mes actions", "My actions"), request: request, context: context, content)
    }

    static func count(_ name: String, of metrics: Metrics) -> Int {
        switch name {
        case "reactions": metrics.reactions
        case "comments": metrics.comments
        case "shares": metrics.shares
        case "clicks": metrics.clicks
        default: metrics.impressions ?? 0
        }
    }

    func reviewWord(_ status: ReviewStatus, _ language: PageLanguage) -> String {
        switch status {
        case .pending: language.say("à vérifier", "awaiting review")
        case .accepted: language.say("accepté", "accepted")
        case .partlyAccepted: language.say("accepté en partie", "partly accepted")
        case .rejected: language.say("refusé", "rejected")
        }
    }

    private func removeAction(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
        let url = try CanonicalURL(form["url"] ?? "")
        let removed = try await access.run { try $0.removeAction(url, by: member.email) }
        let done = context.language.say("Retiré : ", "Removed: ") + removed.title
        return PageRenderer.seeOther("/me/actions?done=" + PageRenderer.queryValue(done))
    }

    private func recordMetrics(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
        let url = try CanonicalURL(form["url"] ?? "")
        var counts: [String: String] = [:]
        for name in Self.counterNames { counts[name] = form[name] }
        let update = try Self.metrics(counts)
        let today = today
        _ = try await access.run { try $0.recordMetrics(url, update, on: today, by: member.email) }
        let done = context.language.say("Chiffres enregistrés pour ", "Figures saved for ") + url.string
        return PageRenderer.seeOther("/me/actions?done=" + PageRenderer.queryValue(done))
    }
}
