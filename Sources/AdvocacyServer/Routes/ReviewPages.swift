import AdvocacyCore
import AdvocacyKit
import AdvocacyReport
import Foundation
import Hummingbird

/// The review queue (cio, admin): pending actions accepted or rejected,
/// several at once, with a note; never one's own (the use case refuses).
extension Routes {
    func registerReviewPages(on router: Router<ServerContext>) {
        router.get("/review") { request, context in
            let member = try context.requireMember()
            let say = context.language.say
            let queue = try await access.run { try $0.reviewQueue(by: member.email) }
                .sorted { (left: Action, right: Action) in (left.date, left.url.string) < (right.date, right.url.string) }
            var content = PageRenderer.notices(request)
            if queue.isEmpty {
                content.append(HTML.paragraph(say("Rien à vérifier.", "Nothing to review.")))
                return pages.page(say("À vérifier", "Review"), request: request, context: context, content)
            }
            let rows = queue.prefix(500).enumerated().map { index, action -> [Markup] in
                let id = "review-\(index)"
                return [
                    .group([
                        HTML.el(
                            "input",
                            [("type", "checkbox"), ("id", id), ("name", "url"), ("value", action.url.string), ("form", "decide")]),
                        HTML.el("label", [("for", id)], text: " " + say("choisir", "pick")),
                    ]),
                    HTML.text(action.date.description), HTML.text(action.name),
                    HTML.el("a", [("href", action.url.string), ("rel", "noopener noreferrer")], text: action.title),
                    HTML.text(action.kind.rawValue),
                    HTML.text("\(action.metrics.reactions) · \(action.metrics.comments) · \(action.metrics.shares)"),
                ]
            }
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
    }
}
