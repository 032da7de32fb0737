import AdvocacyCore
import AdvocacyKit
import Foundation
import Hummingbird

/// The development sign-in (`--dev-sign-in`): a page to pick a demo
/// person, so a newcomer can click through as staff, the CIO and HR without
/// an identity provider. Registered only when the flag is given; the server
/// refuses the flag unless it listens on loopback, and every page says it
/// is on.
enum DevSignIn {
    static let cookieName = "advocacy-dev-user"
}

extension Routes {
    func registerDevSignIn(on router: Router<ServerContext>) {
        router.get("/dev/sign-in") { request, context in
            let say = context.language.say
            let people = try await access.run { try $0.employees(seenBy: nil) }.filter(\.isActive)
                .sorted { ($0.role.rawValue, $0.name) < ($1.role.rawValue, $1.name) }
            let options = people.prefix(200).map {
                (value: $0.email.value, label: "\($0.name) — \($0.role.rawValue) — \($0.email)")
            }
            return pages.page(
                say("Choisir une personne de démo", "Pick a demo person"), request: request, context: context,
                [
                    HTML.paragraph(
                        say(
                            "En production, la connexion passe par le portail de l'entreprise ; cette page n'existe pas.",
                            "In production, sign-in goes through the company's portal; this page does not exist.")),
                    HTML.form(
                        action: "/dev/sign-in", token: pages.token(context), label: say("Se connecter", "Sign in"),
                        [
                            HTML.select(say("Personne", "Person"), name: "email", options: Array(options), selected: nil),
                            HTML.button(say("Se connecter", "Sign in")),
                        ]),
                ])
        }
        router.post("/dev/sign-in") { request, context in
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            let email = try EmailAddress(form["email"] ?? "")
            var response = PageRenderer.seeOther("/")
            response.setCookie(
                Cookie(
                    name: DevSignIn.cookieName, value: email.value, path: "/", secure: false, httpOnly: true, sameSite: .strict))
            return response
        }
    }
}
