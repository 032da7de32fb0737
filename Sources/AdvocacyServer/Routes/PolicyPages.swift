import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import AdvocacyReport
import Foundation
import Hummingbird

/// The scoring policy: everyone reads it; the CIO (and the admin) edit it
/// as the file `advocacy policy show` prints, checked as `policy set`
/// checks one, then see what changed and whom it moved in the quarter.
/// A page opened on an older version than the one in force is refused, so
/// two editors never undo each other unknowingly.
extension Routes {
    func registerPolicyPages(on router: Router<ServerContext>) {
        router.get("/policy") { request, context in try await policyPage(request, context, typed: nil, problem: nil) }
        router.post("/policy") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            let text = form["policy"] ?? ""
            // Two people editing at once: the second to submit is told, rather than silently undoing the first.
            let seen = try form.wholeNumber("version", in: 1...Int.max, expected: "the version the page showed")
            let current = try await access.run { try $0.currentPolicy().version }
            if let seen, seen != current {
                let problem = ServerError.changedMeanwhile(what: "the policy", seen: seen, current: current)
                return try await policyPage(
                    request, context, typed: text, problem: problem.localizedDescription, status: problem.status)
            }
            return try await submitting(context) {
                let policy = try PolicyText.policy(text, format: PolicyText.format(of: text))
                let today = today
                let update = try await access.run {
                    try $0.setPolicy(policy, effectOn: .quarter(containing: today), today: today, by: member.email)
                }
                return policyUpdatePage(update, request, context)
            } orShowAgain: { problem in
                try await policyPage(request, context, typed: text, problem: problem)
            }
        }
    }

    /// The policy in force; for those who may change it, in a form, with
    /// what they typed and why it was refused when it was.
    private func policyPage(
        _ request: Request, _ context: ServerContext, typed: String?, problem: String?,
        status: HTTPResponse.Status = .badRequest
    ) async throws -> Response {
        let member = try context.requireMember()
        let say = context.language.say
        let (version, policy) = try await access.run { try $0.currentPolicy() }
        // The file `advocacy policy show` prints and `policy set` takes, with its comments.
        let document = policy.document.renderTOML(comments: Policy.documentComments)
        var content = PageRenderer.notices(request, problem: problem)
        if member.role == .cio || member.role == .admin {
            content.append(
                HTML.form(
                    action: "/policy", token: pages.token(context), label: say("Modifier la politique", "Edit the policy"),
                    [
                        HTML.el("input", [("type", "hidden"), ("name", "version"), ("value", String(version))]),
                        HTML.textArea(
                            say("La politique entière (TOML ou JSON)", "The whole policy (TOML or JSON)"), name: "policy",
                            value: typed ?? document, rows: 30,
                            hint: say(
                                "Comme « advocacy policy show » l'écrit. Une clé inconnue ou manquante, une valeur hors limites "
                                    + "est refusée et rien ne change. La nouvelle version compte pour le trimestre en cours ; "
                                    + "les périodes terminées gardent la leur.",
                                "As 'advocacy policy show' writes it. An unknown or missing key or a value out of range is "
                                    + "refused and nothing changes. The new version scores the current quarter; periods that "
                                    + "ended keep theirs.")),
                        HTML.button(say("Mettre en vigueur", "Put in force")),
                    ]))
        } else {
            content.append(HTML.el("pre", [], text: document))
        }
        return pages.page(
            say("Politique de score, version \(version)", "Scoring policy, version \(version)"), request: request,
            context: context, status: problem == nil ? .ok : status, content)
    }

    /// What `policy set` prints, as a page: the new version, each key it
    /// changed, and whom it moves at the top of the current quarter.
    private func policyUpdatePage(_ update: PolicyUpdate, _ request: Request, _ context: ServerContext) -> Response {
        let say = context.language.say
        let language = context.language.report
        let back = HTML.el("p", [], [HTML.link("/policy", say("Retour à la politique", "Back to the policy"))])
        guard update.isNew, let effect = update.effect else {
            return pages.page(
                say("Politique inchangée", "Policy unchanged"), request: request, context: context,
                [
                    HTML.el(
                        "p", [("class", "notice"), ("role", "status")],
                        text: say(
                            "Rien n'a changé : c'est la version \(update.version), déjà en vigueur.",
                            "Unchanged: this is version \(update.version), already in force.")),
                    back,
                ])
        }
        var content: [Markup] = [
            HTML.el(
                "p", [("class", "notice"), ("role", "status")],
                text: say(
                    "La version \(update.version) est en vigueur (elle remplace la version \(update.previousVersion)).",
                    "Policy version \(update.version) is now in force (it replaces version \(update.previousVersion))."
                )),
            HTML.el("h2", text: say("Ce qui a changé", "What changed")),
            HTML.el("ul", [], update.changes.map { HTML.el("li", [], [HTML.el("code", text: $0.description)]) }),
            HTML.el(
                "h2",
                text: say(
                    "Effet sur \(effect.period) (\(effect.rankedPeople) classés)",
                    "Effect on \(effect.period) (\(effect.rankedPeople) ranked)")),
        ]
        let largest = language.number(effect.largestScoreChange, decimals: 1)
        if effect.rankedPeople == 0 {
            content.append(
                HTML.paragraph(
                    say(
                        "Personne n'a encore d'action sur cette période : personne ne bouge.",
                        "No one has an action in this period yet: no one moves.")))
        } else if effect.moves.isEmpty {
            content.append(
                HTML.paragraph(
                    say(
                        "Personne ne change de place dans les \(effect.top) premiers ; les scores bougent de \(largest) points au plus.",
                        "No one in the top \(effect.top) changes place; scores move by \(largest) points at most.")))
        } else {
            func rank(_ place: (rank: Int, score: Double)?) -> String { place.map { String($0.rank) } ?? "–" }
            func score(_ place: (rank: Int, score: Double)?) -> String {
                place.map { language.number($0.score, decimals: 1) } ?? "–"
            }
            content.append(
                HTML.table(
                    caption: say(
                        "\(effect.moves.count) personnes bougent dans les \(effect.top) premiers ; les scores bougent de \(largest) points au plus",
                        "\(effect.moves.count) people move in the top \(effect.top); scores move by \(largest) points at most"),
                    headers: [say("Rang", "Rank"), say("Nom", "Name"), say("Score", "Score")],
                    rows: effect.moves.map { move in
                        [
                            HTML.text("\(rank(move.before)) → \(rank(move.after))"), HTML.text(move.person.name),
                            HTML.text("\(score(move.before)) → \(score(move.after))"),
                        ]
                    }))
        }
        content.append(back)
        return pages.page(say("Nouvelle politique", "New policy"), request: request, context: context, content)
    }
}
