import AdvocacyCore
import AdvocacyKit
import AdvocacyReport
import Foundation
import Hummingbird

/// My channels and their audiences, and my reward wishes.
extension Routes {
    func registerChannelPages(on router: Router<ServerContext>) {
        router.get("/me/channels") { request, context in try await channelsPage(request, context, problem: nil) }
        router.post("/me/channels") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            let today = today
            return try await submitting(context) {
                let address = try ChannelLocator.channelURL(from: form["url"] ?? "", kind: nil)
                let followers = try form.wholeNumber("followers")
                let new = try NewChannel(owner: member.email, url: address, followers: followers, followersDate: today)
                let channel = try await access.run { try $0.addChannel(new, by: member.email) }
                let done = context.language.say("Chaîne ajoutée : ", "Channel added: ") + channel.url.string
                return PageRenderer.seeOther("/me/channels?done=" + PageRenderer.queryValue(done))
            } orShowAgain: { problem in
                try await channelsPage(request, context, problem: problem)
            }
        }
        router.post("/me/wishes") { request, context in try await changeWishes(request, context) }
        router.get("/me/wishes") { request, context in
            let member = try context.requireMember()
            let say = context.language.say
            let (wishes, catalogue) = try await access.run {
                (try $0.wishes(of: member.email, by: member.email), try $0.rewardCatalogue(by: member.email))
            }
            let language = context.language.report
            let token = pages.token(context)
            return pages.page(
                say("Mes souhaits", "My wishes"), request: request, context: context,
                [
                    wishes.isEmpty
                        ? HTML.paragraph(
                            say(
                                "Aucun souhait : la récompense suit alors vos projets.",
                                "No wish: rewards then follow your projects."))
                        : HTML.el(
                            "ol", [],
                            wishes.map { wish in
                                HTML.el(
                                    "li", [],
                                    [
                                        HTML.text("\(wish.code.value) — \(wish.rewardName) "),
                                        HTML.form(
                                            action: "/me/wishes", token: token,
                                            label: say("Retirer ", "Remove ") + wish.code.value,
                                            [
                                                HTML.el(
                                                    "input", [("type", "hidden"), ("name", "code"), ("value", wish.code.value)]),
                                                HTML.el(
                                                    "button",
                                                    [
                                                        ("type", "submit"), ("name", "step"), ("value", "remove"),
                                                        ("class", "secondary"),
                                                    ],
                                                    text: say("Retirer", "Remove")),
                                            ]),
                                    ])
                            }),
                    HTML.form(
                        action: "/me/wishes", token: token, label: say("Ajouter un souhait", "Add a wish"),
                        [
                            HTML.select(
                                say("Récompense souhaitée", "Reward wished for"), name: "code",
                                options: catalogue.map {
                                    (value: $0.item.code.value, label: "\($0.item.code.value) — \($0.item.name)")
                                },
                                selected: nil),
                            HTML.field(
                                say("Rang (1 à 3, facultatif)", "Rank (1 to 3, optional)"), name: "rank", type: "number",
                                attributes: [("min", "1"), ("max", "3")]),
                            HTML.button(say("Ajouter", "Add"), name: "step", value: "add"),
                        ]),
                    HTML.table(
                        caption: say("Le catalogue", "The catalogue"),
                        headers: [say("Code", "Code"), say("Récompense", "Reward"), say("Coût", "Cost")],
                        rows: catalogue.map { entry in
                            [
                                HTML.text(entry.item.code.value), HTML.text(entry.item.name),
                                HTML.text(language.money(cents: entry.item.costCents, currency: entry.currency)),
                            ]
                        }),
                ])
        }
    }

    private func changeWishes(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
        let code = try RewardCode(form["code"] ?? "")
        if form["step"] == "remove" {
            try await access.run { try $0.removeWish(code, by: member.email) }
        } else {
            let rank = try form.wholeNumber("rank", in: 1...3, expected: "1, 2 or 3")
            _ = try await access.run { try $0.addWish(code, rank: rank, by: member.email) }
        }
        return PageRenderer.seeOther("/me/wishes")
    }

    private func channelsPage(_ request: Request, _ context: ServerContext, problem: String?) async throws -> Response {
        let member = try context.requireMember()
        let say = context.language.say
        let channels = try await access.run { try $0.channels(owner: member.email, seenBy: member.email) }
        var content = PageRenderer.notices(request, problem: problem)
        content.append(
            HTML.table(
                caption: say("\(channels.count) chaînes", "\(channels.count) channels"),
                headers: [say("Adresse", "Address"), say("Genre", "Kind"), say("Abonnés", "Followers"), say("Le", "On")],
                rows: channels.map { channel in
                    [
                        HTML.text(channel.url.string), HTML.text(channel.kind.rawValue),
                        HTML.text(channel.followers.map { context.language.report.integer($0) } ?? "—"),
                        HTML.text(channel.followersDate?.description ?? ""),
                    ]
                }))
        content.append(
            HTML.form(
                action: "/me/channels", token: pages.token(context), label: say("Ajouter une chaîne", "Add a channel"),
                [
                    HTML.field(
                        say("Adresse de la chaîne", "Address of the channel"), name: "url", required: true,
                        hint: say(
                            "votre blog, votre profil LinkedIn, @pseudo pour X, @nom@instance pour Mastodon",
                            "your blog, your LinkedIn profile, @handle for X, @user@instance for Mastodon")),
                    HTML.field(
                        say("Abonnés (facultatif)", "Followers (optional)"), name: "followers", type: "number",
                        attributes: [("min", "0")]),
                    HTML.button(say("Ajouter", "Add")),
                ]))
        return pages.page(
            say("Mes chaînes", "My channels"), request: request, context: context, status: problem == nil ? .ok : .badRequest,
            content)
    }
}
