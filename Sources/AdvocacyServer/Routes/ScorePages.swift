import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import AdvocacyReport
import Foundation
import Hummingbird

/// The ranking and the explanations of scores.
extension Routes {
    func registerScorePages(on router: Router<ServerContext>) {
        router.get("/ranking") { request, context in try await rankingPage(request, context) }
        router.get("/me/score") { request, context in
            let member = try context.requireMember()
            return try await explanationPage(
                of: member.email, request, context, title: context.language.say("Mon score", "My score"))
        }
        router.get("/explain") { request, context in
            let member = try context.requireMember()
            try Self.require(member, in: [.cio, .hr, .admin], to: "explain other people's scores")
            let say = context.language.say
            guard let text = request.uri.queryParameters["email"].map(String.init), !text.isEmpty else {
                return pages.page(
                    say("Expliquer un score", "Explain a score"), request: request, context: context,
                    [
                        HTML.el(
                            "form", [("method", "get"), ("action", "/explain")],
                            [
                                HTML.field(
                                    say("Email de la personne", "The person's email"), name: "email", type: "email",
                                    required: true),
                                periodField(request, context),
                                HTML.button(say("Expliquer", "Explain")),
                            ])
                    ])
            }
            let email = try EmailAddress(text)
            return try await explanationPage(of: email, request, context, title: say("Score de ", "Score of ") + email.value)
        }
    }

    /// The period a page asks for (`?period=`), by default the current quarter.
    func period(_ request: Request) throws -> Period {
        guard let text = request.uri.queryParameters["period"].map(String.init), !text.isEmpty else {
            return .quarter(containing: today)
        }
        return try Period.parse(text)
    }

    func periodField(_ request: Request, _ context: ServerContext) -> Markup {
        let current = (try? period(request))?.description ?? Period.quarter(containing: today).description
        return HTML.field(
            context.language.say("Période", "Period"), name: "period", value: current,
            hint: context.language.say(
                "un trimestre (2026-Q3), un mois (2026-11), une année (2026)",
                "a quarter (2026-Q3), month (2026-11) or year (2026)"))
    }

    private func rankingPage(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let say = context.language.say
        let language = context.language.report
        let period = try period(request)
        let query = try RankingQuery(request)
        let filter = query.filter
        let byTeam = query.by == .team
        let today = today
        let (result, projects) = try await access.run {
            (try $0.rank(period: period, today: today, filter: filter, by: member.email), try $0.projects())
        }
        let all = say("tous", "all")
        var content: [Markup] = [
            HTML.el(
                "form", [("method", "get"), ("action", "/ranking"), ("class", "inline")],
                [
                    periodField(request, context),
                    HTML.select(
                        say("Par", "By"), name: "by",
                        options: [
                            (value: "person", label: say("personne", "person")), (value: "team", label: say("équipe", "team")),
                        ],
                        selected: byTeam ? "team" : "person"),
                    HTML.field(say("Équipe", "Team"), name: "team", value: filter.team),
                    HTML.select(
                        say("Projet", "Project"), name: "project",
                        options: [(value: "", label: all)]
                            + projects.map { (value: $0.project.code.value, label: "\($0.project.code) — \($0.project.name)") },
                        selected: filter.project?.value ?? ""),
                    HTML.select(
                        say("Chaîne", "Channel"), name: "channel",
                        options: [(value: "", label: all)]
                            + ChannelKind.allCases.map { (value: $0.rawValue, label: $0.rawValue) },
                        selected: filter.channelKind?.rawValue ?? ""),
                    HTML.select(
                        say("Audience", "Audience tier"), name: "tier",
                        options: [(value: "", label: all)]
                            + AudienceTier.allCases.map { (value: $0.rawValue, label: $0.rawValue) },
                        selected: filter.tier?.rawValue ?? ""),
                    HTML.button(say("Afficher", "Show")),
                ]),
            HTML.paragraph(
                say(
                    "Du \(result.window.lowerBound) au \(result.window.upperBound), politique v\(result.policyVersion).",
                    "From \(result.window.lowerBound) to \(result.window.upperBound), policy v\(result.policyVersion).")),
        ]
        if byTeam {
            let report = RankingReport(result, by: .team, top: nil)
            content.append(
                HTML.table(
                    caption: say("Équipes classées", "Teams ranked"),
                    headers: [
                        say("Rang", "Rank"), say("Équipe", "Team"), say("Score", "Score"), say("Avocats", "Advocates"),
                        say("Meneur", "Leader"),
                    ],
                    rows: report.teams.map { team in
                        [
                            HTML.text(String(team.rank)), HTML.text(team.team),
                            HTML.text(language.number(team.score, decimals: 1)),
                            HTML.text(String(team.advocates)), HTML.text(report.leader(of: team)?.name ?? "—"),
                        ]
                    }))
        } else {
            var people = result.people
            var caption = say("\(people.count) personnes classées", "\(people.count) people ranked")
            if member.role == .staff {
                // Staff see their near peers: the five above and the five below them.
                if let mine = people.firstIndex(where: { $0.person.email == member.email }) {
                    people = Array(people[max(0, mine - 5)...min(people.count - 1, mine + 5)])
                    caption = say(
                        "Votre place parmi vos voisins de classement (\(result.people.count) classés)",
                        "Your place among your near peers (\(result.people.count) ranked)")
                } else {
                    people = Array(people.prefix(10))
                    caption = say(
                        "Les dix premiers : vous n'êtes pas encore classé sur cette période",
                        "The first ten: you are not ranked in this period yet")
                }
            }
            content.append(
                HTML.table(
                    caption: caption,
                    headers: [
                        say("Rang", "Rank"), say("Nom", "Name"), say("Équipe", "Team"), say("Score", "Score"),
                        say("Actions", "Actions"), say("Signaux", "Flags"),
                    ],
                    rows: people.prefix(1000).map { score in
                        let name = score.person.isPlaceholder ? say("(masqué)", "(hidden)") : score.person.name
                        let cell: Markup =
                            score.person.email == member.email
                            ? HTML.el("strong", text: name + say(" (vous)", " (you)")) : HTML.text(name)
                        return [
                            HTML.text(String(score.rank)), cell, HTML.text(score.person.team ?? ""),
                            HTML.text(language.number(score.score, decimals: 1)), HTML.text(String(score.actions)),
                            // Staff see no one's flags for gaming but their own (the use case removes them).
                            HTML.text(score.flags.map(\.kind.rawValue).joined(separator: ", ")),
                        ]
                    }))
        }
        return pages.page(say("Classement", "Ranking"), request: request, context: context, content)
    }

    private func explanationPage(of email: EmailAddress, _ request: Request, _ context: ServerContext, title: String)
        async throws -> Response
    {
        let member = try context.requireMember()
        let period = try period(request)
        let today = today
        let explanation = try await access.run { try $0.explain(email, period: period, today: today, by: member.email) }
        let form = HTML.el(
            "form", [("method", "get"), ("action", request.uri.path), ("class", "inline")],
            (request.uri.path == "/explain"
                ? [HTML.el("input", [("type", "hidden"), ("name", "email"), ("value", email.value)])] : [])
                + [periodField(request, context), HTML.button(context.language.say("Afficher", "Show"))])
        // The same words as `advocacy explain`.
        return pages.page(
            title, request: request, context: context, [form, HTML.el("pre", [], text: ExplanationText(explanation).render())])
    }
}
