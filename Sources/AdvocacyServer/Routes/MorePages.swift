import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import AdvocacyReport
import Foundation
import Hummingbird
import NIOPosix

/// My privacy (hide me, withdraw consent, download my data), the CIO's
/// report, and the admin's audit trail and backup.
extension Routes {
    func registerMorePages(on router: Router<ServerContext>) {
        router.get("/me/privacy") { request, context in try await privacyPage(request, context) }
        router.post("/me/privacy") { request, context in try await changePrivacy(request, context) }
        router.get("/me/data") { _, context in
            let member = try context.requireMember()
            let data = try await access.run { try $0.personalData(of: member.email, by: member.email) }
            return Self.download(
                Array(try JSONOutput.encoded(data).utf8), type: "application/json; charset=utf-8", name: "my-data.json")
        }
        router.get("/report") { request, context in
            let member = try context.requireMember()
            let period = try period(request)
            let today = today
            let review = try await access.run {
                try $0.review(period: period, comparison: period.previous, today: today, by: member.email)
            }
            // The HTML the CLI writes: one self-contained document, in the page's language.
            let html = ProgrammeReport(review, language: context.language.report).html()
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: html)))
        }
        router.get("/audit") { request, context in try await auditPage(request, context) }
        // A page with a button, and the copy made on POST only: a link from another site cannot make the
        // server copy the whole database again and again.
        router.get("/backup") { request, context in
            let member = try context.requireMember()
            try Self.require(member, in: [.admin], to: "back up the database")
            let say = context.language.say
            return pages.page(
                say("Sauvegarde", "Backup"), request: request, context: context,
                [
                    HTML.paragraph(
                        say(
                            "Une copie cohérente de la base, faite pendant que les autres continuent d'écrire, vérifiée, puis téléchargée.",
                            "A consistent copy of the database, made while others keep writing, checked, then downloaded.")),
                    HTML.form(
                        action: "/backup", token: pages.token(context), label: say("Sauvegarder", "Back up"),
                        [HTML.button(say("Télécharger une sauvegarde", "Download a backup"))]),
                ])
        }
        router.post("/backup") { request, context in
            let member = try context.requireMember()
            _ = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            try Self.require(member, in: [.admin], to: "back up the database")
            // Only this process's user may read the copy while it is made (it holds HR ids).
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("advocacy-backup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("advocacy.sqlite").path
            // SQLite's online backup: the database at one moment, while others keep writing, checked before it is named.
            _ = try await access.run { try $0.backup(toPath: path, by: member.email) }
            return try Self.streamedDownload(path, type: "application/vnd.sqlite3", name: "advocacy-\(today).sqlite")
        }
    }

    /// The file at `path` sent in 1 MB pieces read off the event loop, so a
    /// database of any size never sits whole in memory. The file is opened
    /// now, so its folder may be removed at once: the open file stays readable.
    static func streamedDownload(_ path: String, type: String, name: String) throws -> Response {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadUnknown)  // a fault of the server: a 500 with the request id
        }
        let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: ResponseBody(contentLength: size) { writer in
                defer { try? file.close() }
                while true {
                    let piece = try await NIOThreadPool.singleton.runIfActive { try file.read(upToCount: 1 << 20) ?? Data() }
                    if piece.isEmpty { break }
                    try await writer.write(ByteBuffer(bytes: piece))
                }
                try await writer.finish(nil)
            })
    }

    static func download(_ bytes: [UInt8], type: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func privacyPage(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let say = context.language.say
        let (hidden, consent) = try await access.run {
            (try $0.isHidden(member.email), try $0.consentState(of: member.email))
        }
        let token = pages.token(context)
        let consentText =
            switch consent {
            case .granted: say("Vous avez consenti au suivi de vos chaînes.", "You consented to the tracking of your channels.")
            case .withdrawn: say("Vous avez retiré votre consentement.", "You withdrew your consent.")
            case .unrecorded: say("Aucun consentement enregistré.", "No consent recorded.")
            }
        var content = PageRenderer.notices(request)
        content += [
            HTML.el("h2", text: say("Classement", "Ranking")),
            HTML.paragraph(
                hidden
                    ? say(
                        "Vous êtes masqué : les autres salariés voient votre rang sans votre nom.",
                        "You are hidden: other staff see your rank without your name.")
                    : say("Votre nom apparaît dans le classement.", "Your name shows in the ranking.")),
            HTML.form(
                action: "/me/privacy", token: token, label: say("Masquer mon nom", "Hide my name"),
                [
                    HTML.button(
                        hidden ? say("Montrer mon nom", "Show my name") : say("Masquer mon nom", "Hide my name"), name: "hidden",
                        value: hidden ? "no" : "yes")
                ]),
            HTML.el("h2", text: say("Consentement", "Consent")),
            HTML.paragraph(consentText),
            HTML.form(
                action: "/me/privacy", token: token, label: say("Consentement", "Consent"),
                [
                    consent == .granted
                        ? HTML.button(say("Retirer mon consentement", "Withdraw my consent"), name: "consent", value: "withdraw")
                        : HTML.button(say("Donner mon consentement", "Give my consent"), name: "consent", value: "grant")
                ]),
            HTML.el("h2", text: say("Mes données", "My data")),
            HTML.el(
                "p", [],
                [
                    HTML.link(
                        "/me/data", say("Télécharger tout ce qui me concerne (JSON)", "Download everything held about me (JSON)"))
                ]),
        ]
        return pages.page(say("Ma vie privée", "My privacy"), request: request, context: context, content)
    }

    private func changePrivacy(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
        let say = context.language.say
        var done = ""
        if let hidden = form["hidden"] {
            let hide = hidden == "yes"
            _ = try await access.run { try $0.setHidden(member.email, hide, by: member.email) }
            done = hide ? say("Votre nom est masqué.", "Your name is hidden.") : say("Votre nom est visible.", "Your name shows.")
        } else if let consent = form["consent"] {
            let grant = consent == "grant"
            _ = try await access.run { try $0.recordConsent(member.email, granted: grant, by: member.email) }
            done =
                grant ? say("Consentement enregistré.", "Consent recorded.") : say("Consentement retiré.", "Consent withdrawn.")
        } else {
            throw ServerError.invalidField(
                name: "hidden or consent", value: "", expected: "a choice made with a button of the page")
        }
        return PageRenderer.seeOther("/me/privacy?done=" + PageRenderer.queryValue(done))
    }

    private func auditPage(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let say = context.language.say
        let entries = try await access.run { try $0.auditEntries(AuditFilter(latest: 200), by: member.email) }
        let latest = entries.reversed()
        return pages.page(
            say("Journal d'audit", "Audit trail"), request: request, context: context,
            [
                HTML.table(
                    caption: say(
                        "Les \(latest.count) dernières entrées sur \(entries.count)",
                        "The latest \(latest.count) of \(entries.count) entries"),
                    headers: [say("Quand", "When"), say("Qui", "Who"), say("Quoi", "What"), say("Objet", "Entity")],
                    rows: latest.map { entry in
                        [
                            HTML.text(entry.at), HTML.text(entry.actorEmail ?? "—"), HTML.text(entry.operation),
                            HTML.text("\(entry.entity) \(entry.entityId)"),
                        ]
                    })
            ])
    }
}
