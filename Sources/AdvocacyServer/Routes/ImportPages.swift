import AdvocacyCore
import AdvocacyKit
import AdvocacyReport
import Foundation
import Hummingbird

/// Uploading my own export files: X's analytics, LinkedIn's export, my
/// Mastodon archive, or a CSV of my actions, read by the same importers as
/// `advocacy import`, all or nothing, with line-numbered problems.
extension Routes {
    static let uploadKinds = ["x", "linkedin", "mastodon", "actions"]

    func registerImportPages(on router: Router<ServerContext>) {
        router.get("/me/import") { request, context in try await importPage(request, context, outcome: nil) }
        router.post("/me/import") { request, context in
            let member = try context.requireMember()
            let form = try await MultipartForm(request, context: context, tokens: forms, limit: configuration.uploadLimitBytes)
            let kind = form["kind"] ?? ""
            guard Self.uploadKinds.contains(kind) else {
                throw ServerError.invalidField(name: "kind", value: kind, expected: "x, linkedin, mastodon or actions")
            }
            guard let file = form.file("file") else {
                throw ServerError.invalidField(name: "file", value: "", expected: "an export file chosen on your computer")
            }
            let source = ImportSource.bytes(file.data, name: file.name)
            let today = today
            let summaries = try await access.run { programme in
                try Self.importUpload(kind, source, today: today, by: member.email, into: programme)
            }
            return try await importPage(request, context, outcome: summaries)
        }
    }

    private func importPage(_ request: Request, _ context: ServerContext, outcome: [UploadOutcome]?) async throws
        -> Response
    {
        _ = try context.requireMember()
        let say = context.language.say
        let shown = Self.importOutcome(outcome ?? [], context.language)
        var content = shown.content
        let kinds = [
            ("x", say("X : export d'analytique (CSV)", "X: analytics export (CSV)")),
            (
                "linkedin",
                say("LinkedIn : export (XLSX, archive ZIP ou Shares.csv)", "LinkedIn: export (XLSX, ZIP archive or Shares.csv)")
            ),
            ("mastodon", say("Mastodon : archive (ZIP ou outbox.json)", "Mastodon: archive (ZIP or outbox.json)")),
            ("actions", say("Mes actions (CSV : email, url, date, title…)", "My actions (CSV: email, url, date, title…)")),
        ]
        content.append(
            HTML.el(
                "form",
                [
                    ("method", "post"), ("action", "/me/import"), ("enctype", "multipart/form-data"),
                    ("aria-label", say("Importer un fichier", "Import a file")),
                ],
                [
                    HTML.el("input", [("type", "hidden"), ("name", FormData.tokenField), ("value", pages.token(context))]),
                    HTML.select(
                        say("Fichier de", "File from"), name: "kind", options: kinds.map { (value: $0.0, label: $0.1) },
                        selected: nil),
                    HTML.field(
                        say("Fichier", "File"), name: "file", type: "file", required: true,
                        hint: say(
                            "tel que la plateforme le donne ; \(ByteCountText.megabytes(configuration.uploadLimitBytes)) au plus",
                            "as the platform gives it; \(ByteCountText.megabytes(configuration.uploadLimitBytes)) at most")),
                    HTML.button(say("Importer", "Import")),
                ]))
        return pages.page(
            say("Importer mes exports", "Import my exports"), request: request, context: context,
            status: shown.refused ? .badRequest : .ok,
            content)
    }

    /// What each imported file did: counts when it was written, or the
    /// refused rows with `file:line:` and the reason when nothing was.
    static func importOutcome(_ outcome: [UploadOutcome], _ language: PageLanguage) -> (
        content: [Markup], refused: Bool
    ) {
        let say = language.say
        var content: [Markup] = []
        var refused = false
        for (name, summary) in outcome.map({ ($0.name, $0.summary) }) {
            if summary.written || summary.problems.isEmpty {
                content.append(
                    HTML.el(
                        "p", [("class", "notice"), ("role", "status")],
                        text: say(
                            "\(name) : \(summary.inserted) ajoutées, \(summary.updated) mises à jour, \(summary.unchanged) inchangées.",
                            "\(name): \(summary.inserted) added, \(summary.updated) updated, \(summary.unchanged) unchanged.")))
            } else {
                refused = true
                content.append(
                    HTML.el(
                        "div", [("class", "error"), ("role", "alert")],
                        [
                            HTML.paragraph(
                                say(
                                    "\(name) : rien n'a été importé, \(summary.rejected) lignes refusées.",
                                    "\(name): nothing was imported, \(summary.rejected) rows refused.")),
                            HTML.el(
                                "ul", [],
                                summary.problems.prefix(50).map { HTML.el("li", text: "\(name):\($0.line): \($0.message)") }),
                        ]))
            }
        }
        return (content, refused)
    }
}
