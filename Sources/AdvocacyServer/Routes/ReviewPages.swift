import AdvocacyCore
import AdvocacyKit
import AdvocacyReport
import Foundation
import Hummingbird

/// The review queue (cio, admin): pending actions accepted or rejected,
/// several at once, with a note; and the period's flags for gaming, each
/// cleared or confirmed with a note. Never one's own (the use cases refuse).
extension Routes {
    func registerReviewPages(on router: Router<ServerContext>) {
        router.get("/review") { request, context in
            let member = try context.requireMember()
            try Self.require(member, in: [.cio, .admin], to: "review actions")
            let say = context.language.say
            let queue = try await access.run { try $0.reviewQueue(by: member.email) }
                .sorted { (left: Action, right: Action) in (left.date, left.url.string) < (right.date, right.url.string) }
            var content = PageRenderer.notices(request)
            content.append(HTML.el("h2", text: say("Actions en attente", "Actions awaiting review")))
            if queue.isEmpty {
                content.append(HTML.paragraph(say("Rien à vérifier.", "Nothing to review.")))
            } else {
                content += queueForm(queue, context)
            }
            content += try await flagsSection(request, context, member: member)
            return pages.page(say("À vérifier", "Review"), request: request, context: context, content)
        }
        router.post("/review") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            let urls = try form.all("url").map { try CanonicalURL($0) }
            guard !urls.isEmpty else {
                throw ServerError.invalidField(name: "url", value: "", expected: "one or more actions picked in the list")
            }
            let note = form["note"]
            let today = today
            let decided: [Action]
            switch form["decision"] {
            case "accept":
                decided = try await access.run { try $0.acceptActions(urls, note: note, today: today, by: member.email) }
            case "reject":
                decided = try await access.run { try $0.rejectActions(urls, reason: note ?? "", today: today, by: member.email) }
            default: throw ServerError.invalidField(name: "decision", value: form["decision"] ?? "", expected: "accept or reject")
            }
            let done = context.language.say("\(decided.count) actions vérifiées", "\(decided.count) actions reviewed")
            return PageRenderer.seeOther("/review?done=" + PageRenderer.queryValue(done))
        }
        router.post("/review/flags") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            let email = try EmailAddress(form["email"] ?? "")
            let flagName = form["flag"] ?? ""
            guard let kind = AuthenticityFlag.Kind(rawValue: flagName), kind.isGaming else {
                throw ServerError.invalidField(
                    name: "flag", value: flagName,
                    expected: AuthenticityFlag.Kind.gaming.map(\.rawValue).joined(separator: ", "))
            }
            let period = try Period.parse(form["period"] ?? "")
            let note = form["note"] ?? ""
            let today = today
            let decision: FlagDecision
            switch form["decision"] {
            case "clear":
                guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw ServerError.invalidField(name: "note", value: "", expected: "what you found, for the record")
                }
                decision = try await access.run {
                    try $0.clearFlag(kind, of: email, period: period, note: note, today: today, by: member.email)
                }
            case "confirm":
                decision = try await access.run {
                    try $0.confirmFlag(kind, of: email, period: period, note: note, today: today, by: member.email)
                }
            default: throw ServerError.invalidField(name: "decision", value: form["decision"] ?? "", expected: "clear or confirm")
            }
            let say = context.language.say
            let count = decision.actions.count
            let done =
                form["decision"] == "clear"
                ? say(
                    "Signal \(kind.rawValue) de \(email) levé : \(count) actions.",
                    "Cleared the \(kind.rawValue) flag of \(email): \(count) actions.")
                : say(
                    "Signal \(kind.rawValue) de \(email) confirmé : \(count) actions refusées.",
                    "Confirmed the \(kind.rawValue) flag of \(email): \(count) actions rejected.")
            return PageRenderer.seeOther(
                "/review?period=\(PageRenderer.queryValue(period.description))&done=" + PageRenderer.queryValue(done))
        }
    }

    /// The pending actions, picked in a table and decided together.
    private func queueForm(_ queue: [Action], _ context: ServerContext) -> [Markup] {
        let say = context.language.say
        let rows = queue.prefix(500).enumerated().map { index, action -> [Markup] in
            [
                HTML.pick(
                    id: "review-\(index)", name: "url", value: action.url.string, form: "decide", label: say("choisir", "pick")),
                HTML.text(action.date.description), HTML.text(action.name),
                HTML.el("a", [("href", action.url.string), ("rel", "noopener noreferrer")], text: action.title),
                HTML.text(action.kind.rawValue),
                HTML.text("\(action.metrics.reactions) · \(action.metrics.comments) · \(action.metrics.shares)"),
            ]
        }
        var content: [Markup] = []
        content.append(
            HTML.el(
                "fieldset", [("class", "proposals")],
                [
                    HTML.el("legend", text: say("Actions à vérifier", "Actions to review")),
                    HTML.table(
                        caption: say("\(queue.count) actions en attente", "\(queue.count) actions awaiting review"),
                        headers: [
                            say("Choisir", "Pick"), say("Date", "Date"), say("Auteur", "Author"), say("Titre", "Title"),
                            say("Genre", "Kind"), say("Réactions · commentaires · partages", "Reactions · comments · shares"),
                        ],
                        rows: rows),
                ]))
        content.append(
            HTML.el(
                "form", [("method", "post"), ("action", "/review"), ("id", "decide")],
                [
                    HTML.el("input", [("type", "hidden"), ("name", FormData.tokenField), ("value", pages.token(context))]),
                    HTML.field(
                        say("Note", "Note"), name: "note", hint: say("obligatoire pour refuser", "required to reject")),
                    HTML.button(say("Accepter", "Accept"), name: "decision", value: "accept"), HTML.text(" "),
                    HTML.button(say("Refuser", "Reject"), name: "decision", value: "reject"),
                ]))
        return content
    }

    /// The period's flags for gaming not yet settled, each with a form to
    /// clear it (its actions raise it no more) or confirm it (its actions are
    /// rejected, the note being the reason their author sees).
    private func flagsSection(_ request: Request, _ context: ServerContext, member: Member) async throws -> [Markup] {
        let say = context.language.say
        let period = try period(request)
        let today = today
        let result = try await access.run { try $0.rank(period: period, today: today, by: member.email) }
        let gaming = result.people.flatMap { score in score.flags.filter(\.kind.isGaming).map { (score.person, $0) } }
        // A hidden person's flags come without their actions (HiddenPeople.withoutDetail): they are
        // counted here and settled by email, with the CLI, by whoever knows whom they are about.
        let flagged = gaming.filter { !$0.1.actionIDs.isEmpty }
        let hidden = gaming.count - flagged.count
        var content: [Markup] = [
            HTML.el("h2", text: say("Signaux de triche en \(period)", "Flags for gaming in \(period)")),
            HTML.el(
                "form", [("method", "get"), ("action", "/review"), ("class", "inline")],
                [periodField(request, context), HTML.button(say("Afficher", "Show"))]),
        ]
        if hidden > 0 {
            content.append(
                HTML.paragraph(
                    say(
                        "\(hidden) signaux concernent des personnes qui ont masqué leur nom : ils se règlent par email, "
                            + "avec « advocacy review clear|confirm EMAIL --flag SIGNAL --note TEXTE ».",
                        "\(hidden) flags are on people who hid their name: they are settled by email, with "
                            + "'advocacy review clear|confirm EMAIL --flag FLAG --note TEXT'.")))
        }
        guard !flagged.isEmpty else {
            content.append(HTML.paragraph(say("Aucun signal à régler ici.", "No flag to settle here.")))
            return content
        }
        content.append(
            HTML.paragraph(
                say(
                    "Un signal ne change aucun score. Le lever note votre constat sur ses actions ; le confirmer refuse ses "
                        + "actions, avec votre note comme raison pour leur auteur.",
                    "A flag changes no score. Clearing it records your note on its actions; confirming it rejects its "
                        + "actions, with your note as the reason their author sees.")))
        content.append(
            HTML.table(
                caption: say("\(flagged.count) signaux à régler", "\(flagged.count) flags to settle"),
                headers: [say("Personne", "Person"), say("Signal", "Flag"), say("Pourquoi", "Why"), say("Décision", "Decision")],
                rows: flagged.enumerated().map { index, item in
                    let (person, flag) = item
                    let decision = HTML.form(
                        action: "/review/flags", token: pages.token(context),
                        label: say("Régler le signal \(flag.kind.rawValue)", "Settle the \(flag.kind.rawValue) flag"),
                        [
                            HTML.el("input", [("type", "hidden"), ("name", "email"), ("value", person.email.value)]),
                            HTML.el("input", [("type", "hidden"), ("name", "flag"), ("value", flag.kind.rawValue)]),
                            HTML.el("input", [("type", "hidden"), ("name", "period"), ("value", period.description)]),
                            HTML.field(
                                say("Note (obligatoire)", "Note (required)"), name: "note", required: true,
                                id: "flag-note-\(index)"),
                            HTML.button(say("Lever", "Clear"), name: "decision", value: "clear"), HTML.text(" "),
                            HTML.button(say("Confirmer", "Confirm"), name: "decision", value: "confirm"),
                        ])
                    return [
                        HTML.text("\(person.name) <\(person.email)>"),
                        HTML.text(flag.kind.rawValue), HTML.text(flag.reason), decision,
                    ]
                }))
        return content
    }
}
