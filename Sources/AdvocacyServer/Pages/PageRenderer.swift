import AdvocacyCore
import AdvocacyReport
import Foundation
import HTTPTypes
import Hummingbird

/// Lays out every page: the language switch, the navigation the signed-in
/// person's role opens, the development sign-in's warning, then the page's
/// own content, as HTML escaped by construction (``Markup``). No script:
/// every page works with JavaScript off, and the style sheet is served by
/// this server.
struct PageRenderer: Sendable {
    let configuration: ServerConfiguration
    let tokens: FormTokens

    /// The anti-forgery token for the signed-in person's forms.
    func token(_ context: ServerContext) -> String {
        tokens.token(for: context.member?.id ?? 0)
    }

    /// A whole page.
    func page(
        _ title: String, request: Request, context: ServerContext, status: HTTPResponse.Status = .ok, _ content: [Markup]
    ) -> Response {
        let say = context.language.say
        let path = request.uri.path
        var banner: [Markup] = []
        if configuration.devSignIn {
            banner.append(
                HTML.el(
                    "p", [("class", "dev-banner"), ("role", "note")],
                    text: say(
                        "Connexion de développement : n'importe qui peut choisir qui il est. Jamais en production.",
                        "Development sign-in: anyone may pick who they are. Never in production.")))
        }
        var header: [Markup] = [navigation(path: path, context: context)]
        if let member = context.member {
            header.append(
                HTML.paragraph(
                    say("Connecté : ", "Signed in: ") + "\(member.name) (\(member.role.rawValue))", class: "who"))
        }
        let back = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        let other = context.language.other
        header.append(
            HTML.el(
                "p", [("class", "language")],
                [
                    HTML.el(
                        "a",
                        [
                            ("href", "/language?to=\(other.rawValue)&back=" + Self.queryValue(back)),
                            ("lang", other.rawValue), ("hreflang", other.rawValue),
                        ], text: other.ownName)
                ]))
        let document = Markup.group([
            .trusted("<!DOCTYPE html>\n"),
            HTML.el(
                "html", [("lang", context.language.rawValue)],
                [
                    HTML.el(
                        "head", [],
                        [
                            HTML.el("meta", [("charset", "utf-8")]),
                            HTML.el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                            HTML.el("title", text: title + " · Advocacy"),
                            HTML.el("link", [("rel", "stylesheet"), ("href", "/assets/advocacy.css")]),
                        ]),
                    HTML.el(
                        "body", [],
                        [HTML.el("a", [("class", "skip"), ("href", "#main")], text: say("Aller au contenu", "Skip to content"))]
                            + banner
                            + [
                                HTML.el("header", [], header),
                                HTML.el("main", [("id", "main")], [HTML.el("h1", text: title)] + content),
                            ]),
                ]),
        ])
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: document.render())))
        response.headers[.contentLanguage] = context.language.rawValue
        return response
    }

    /// The page for a refusal or a failure, with its message.
    func errorPage(status: HTTPResponse.Status, message: String, request: Request, context: ServerContext) -> Response {
        let say = context.language.say
        let title: String =
            switch status {
            case .unauthorized: say("Connexion nécessaire", "Sign-in needed")
            case .forbidden: say("Accès refusé", "Access refused")
            case .notFound: say("Page introuvable", "Page not found")
            case .tooManyRequests: say("Trop de changements", "Too many changes")
            case .internalServerError: say("Erreur du serveur", "Server error")
            default: say("Demande refusée", "Request refused")
            }
        var content: [Markup] = [HTML.el("p", [("class", "error"), ("role", "alert")], text: message)]
        if status == .unauthorized && configuration.devSignIn {
            content.append(
                HTML.el("p", [], [HTML.link("/dev/sign-in", say("Choisir une personne de démo", "Pick a demo person"))]))
        }
        content.append(HTML.el("p", [], [HTML.link("/", say("Retour à l'accueil", "Back to the home page"))]))
        return page(title, request: request, context: context, status: status, content)
    }

    /// The links the signed-in person's role opens.
    private func navigation(path: String, context: ServerContext) -> Markup {
        let say = context.language.say
        var links: [(String, String)] = [("/", say("Accueil", "Home"))]
        if let member = context.member {
            links += [
                ("/log", say("Déclarer une publication", "Log a post")),
                ("/me/actions", say("Mes actions", "My actions")),
                ("/me/score", say("Mon score", "My score")),
                ("/ranking", say("Classement", "Ranking")),
                ("/me/channels", say("Mes chaînes", "My channels")),
                ("/me/import", say("Importer", "Import")),
                ("/me/wishes", say("Mes souhaits", "My wishes")),
                ("/me/privacy", say("Ma vie privée", "My privacy")),
            ]
            if member.role != .staff {
                links.append(("/explain", say("Expliquer un score", "Explain a score")))
                links.append(("/report", say("Rapport", "Report")))
                links.append(("/policy", say("Politique", "Policy")))
                links.append(("/audit", say("Audit", "Audit")))
            }
            if member.role != .staff {
                links += [
                    ("/rewards", say("Récompenses", "Rewards")), ("/rewards/budget", say("Budgets", "Budgets")),
                ]
            }
            links.append(("/rewards/catalogue", say("Catalogue", "Catalogue")))
            if member.role == .cio || member.role == .admin { links.append(("/review", say("À vérifier", "Review"))) }
            if member.role == .admin {
                links += [
                    ("/admin/people", say("Personnes", "People")), ("/admin/projects", say("Projets", "Projects")),
                    ("/admin/import", say("Imports", "Imports")), ("/backup", say("Sauvegarde", "Backup")),
                ]
            }
        }
        return HTML.el(
            "nav", [("aria-label", say("Navigation principale", "Main navigation"))],
            [HTML.el("ul", [], links.map { HTML.el("li", [], [HTML.link($0.0, $0.1, current: $0.0 == path)]) })])
    }

    /// `text` written as a query value.
    static func queryValue(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The outcome a page shows above its content: the problem that sent a
    /// form back (an alert), and the `done` message a change redirected with.
    static func notices(_ request: Request, problem: String? = nil) -> [Markup] {
        var content: [Markup] = []
        if let problem { content.append(HTML.el("p", [("class", "error"), ("role", "alert")], text: problem)) }
        if let done = request.uri.queryParameters["done"].map(String.init) {
            content.append(HTML.el("p", [("class", "notice"), ("role", "status")], text: done))
        }
        return content
    }

    /// A redirection after a change (Post/Redirect/Get), so reloading does not submit again.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
