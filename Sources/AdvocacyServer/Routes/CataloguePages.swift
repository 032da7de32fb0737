import AdvocacyCore
import AdvocacyKit
import AdvocacyReport
import Foundation
import Hummingbird

/// HR's catalogue of rewards and budgets by period, as `advocacy rewards
/// catalog` and `rewards budget` keep them: everyone reads the catalogue
/// (staff wish from it), HR and the admin change it; budgets are for HR,
/// the CIO and the admin to read and HR and the admin to set.
extension Routes {
    func registerCataloguePages(on router: Router<ServerContext>) {
        router.get("/rewards/catalogue") { request, context in try await cataloguePage(request, context, problem: nil) }
        router.post("/rewards/catalogue") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            return try await submitting(context) {
                let item = try Self.rewardItem(form)
                let entry = try await access.run { try $0.addRewardItem(item, by: member.email) }
                let done = context.language.say("Ajoutée : ", "Added: ") + entry.item.code.value
                return PageRenderer.seeOther("/rewards/catalogue?done=" + PageRenderer.queryValue(done))
            } orShowAgain: { problem in
                try await cataloguePage(request, context, problem: problem)
            }
        }
        router.post("/rewards/catalogue/remove") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            let code = try RewardCode(form["code"] ?? "")
            let retired = try await access.run { try $0.removeRewardItem(code, by: member.email) }
            let say = context.language.say
            // An item ever proposed stays on record, retired, so its proposals keep their history.
            let done =
                !retired
                ? say("Retirée du catalogue : \(code)", "Removed from the catalogue: \(code)")
                : say(
                    "\(code) a déjà été proposée ou remise : elle est retirée de l'offre et reste dans l'historique.",
                    "\(code) was already proposed or given: it is withdrawn from offer and stays on record.")
            return PageRenderer.seeOther("/rewards/catalogue?done=" + PageRenderer.queryValue(done))
        }
        router.get("/rewards/budget") { request, context in try await budgetPage(request, context, problem: nil) }
        router.post("/rewards/budget") { request, context in
            let member = try context.requireMember()
            let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
            return try await submitting(context) {
                let period = try Period.parse(form["period"] ?? "")
                let cents = try Money.cents(parsing: form["amount"] ?? "")
                let budget = try await access.run { try $0.setRewardBudget(period, cents: cents, by: member.email) }
                let amount = context.language.report.money(cents: budget.amountCents, currency: budget.currency)
                let done = context.language.say(
                    "Budget de \(budget.period) : \(amount)", "Budget for \(budget.period): \(amount)")
                return PageRenderer.seeOther("/rewards/budget?done=" + PageRenderer.queryValue(done))
            } orShowAgain: { problem in
                try await budgetPage(request, context, problem: problem)
            }
        }
    }

    /// The item the add form describes, read as `rewards catalog add` reads its options.
    static func rewardItem(_ form: FormData) throws -> RewardItem {
        RewardItem(
            code: try RewardCode(form["code"] ?? ""), name: form["name"] ?? "",
            category: try RewardCategory.parse(form["category"] ?? ""), costCents: try Money.cents(parsing: form["cost"] ?? ""),
            stock: try form.wholeNumber("stock", expected: "a whole number of 0 or more, or nothing for unlimited"),
            maxPerPerson: try form.wholeNumber(
                "maxPerPerson", in: 1...Int.max, expected: "a whole number of 1 or more, or nothing for unlimited"),
            minTier: try form["minTier"].map { try AudienceTier.parse($0) },
            projects: try form.all("project").map { try ProjectCode($0) })
    }

    private func cataloguePage(_ request: Request, _ context: ServerContext, problem: String?) async throws -> Response {
        let member = try context.requireMember()
        let say = context.language.say
        let language = context.language.report
        let (entries, projects) = try await access.run { (try $0.rewardCatalogue(by: member.email), try $0.projects()) }
        let mayChange = member.role == .hr || member.role == .admin
        var content = PageRenderer.notices(request, problem: problem)
        if mayChange {
            let any = say("aucun", "none")
            content.append(
                HTML.form(
                    action: "/rewards/catalogue", token: pages.token(context),
                    label: say("Ajouter une récompense", "Add a reward"),
                    [
                        HTML.field(
                            say("Code", "Code"), name: "code", required: true,
                            hint: say("par exemple CERT-AWS", "such as CERT-AWS")),
                        HTML.field(say("Nom", "Name"), name: "name", required: true),
                        HTML.select(
                            say("Catégorie", "Category"), name: "category",
                            options: RewardCategory.allCases.map { (value: $0.rawValue, label: $0.rawValue) }, selected: nil),
                        HTML.field(
                            say("Coût", "Cost"), name: "cost", required: true,
                            hint: say("comme 380 ou 380,50", "like 380 or 380.50"), attributes: [("inputmode", "decimal")]),
                        HTML.field(
                            say("Stock", "Stock"), name: "stock", type: "number",
                            hint: say("vide : illimité", "empty: unlimited"),
                            attributes: [("min", "0")]),
                        HTML.field(
                            say("Au plus par personne et par an", "At most per person and year"), name: "maxPerPerson",
                            type: "number", hint: say("vide : illimité", "empty: unlimited"), attributes: [("min", "1")]),
                        HTML.select(
                            say("Audience minimale", "Minimum audience tier"), name: "minTier",
                            options: [(value: "", label: any)]
                                + AudienceTier.allCases.map { (value: $0.rawValue, label: $0.rawValue) },
                            selected: ""),
                        HTML.select(
                            say("Liée au projet", "Tied to the project"), name: "project",
                            options: [(value: "", label: any)]
                                + projects.map {
                                    (value: $0.project.code.value, label: "\($0.project.code) — \($0.project.name)")
                                },
                            selected: ""),
                        HTML.button(say("Ajouter", "Add")),
                    ]))
        }
        if entries.isEmpty {
            content.append(HTML.paragraph(say("Le catalogue est vide.", "The catalogue is empty.")))
        } else {
            let unlimited = say("illimité", "unlimited")
            content.append(
                HTML.table(
                    caption: say("\(entries.count) récompenses", "\(entries.count) rewards"),
                    headers: [
                        say("Code", "Code"), say("Nom", "Name"), say("Catégorie", "Category"), say("Coût", "Cost"),
                        say("Reste", "Left"), say("Par personne", "Per person"), say("Audience", "Tier"),
                        say("Projets", "Projects"),
                    ] + (mayChange ? [say("Retirer", "Remove")] : []),
                    rows: entries.map { entry in
                        let item = entry.item
                        var cells: [Markup] = [
                            HTML.text(item.code.value), HTML.text(item.name), HTML.text(item.category.rawValue),
                            HTML.text(language.money(cents: item.costCents, currency: entry.currency)),
                            HTML.text(entry.left.map(String.init) ?? unlimited),
                            HTML.text(item.maxPerPerson.map(String.init) ?? unlimited),
                            HTML.text(item.minTier?.rawValue ?? ""),
                            HTML.text(item.projects.map(\.value).joined(separator: ", ")),
                        ]
                        if mayChange {
                            cells.append(
                                HTML.form(
                                    action: "/rewards/catalogue/remove", token: pages.token(context),
                                    label: say("Retirer \(item.code)", "Remove \(item.code)"),
                                    [
                                        HTML.el("input", [("type", "hidden"), ("name", "code"), ("value", item.code.value)]),
                                        HTML.el(
                                            "button", [("type", "submit"), ("class", "secondary")],
                                            text: say("Retirer", "Remove")),
                                    ]))
                        }
                        return cells
                    }))
        }
        return pages.page(
            say("Catalogue des récompenses", "Reward catalogue"), request: request, context: context,
            status: problem == nil ? .ok : .badRequest, content)
    }

    private func budgetPage(_ request: Request, _ context: ServerContext, problem: String?) async throws -> Response {
        let member = try context.requireMember()
        let say = context.language.say
        let language = context.language.report
        let budgets = try await access.run { try $0.rewardBudgets(by: member.email) }
        var content = PageRenderer.notices(request, problem: problem)
        if member.role == .hr || member.role == .admin {
            content.append(
                HTML.form(
                    action: "/rewards/budget", token: pages.token(context), label: say("Fixer un budget", "Set a budget"),
                    [
                        periodField(request, context),
                        HTML.field(
                            say("Montant", "Amount"), name: "amount", required: true,
                            hint: say(
                                "comme 6000 ou 6000,50 ; pas moins que ce qui est déjà approuvé ou remis",
                                "like 6000 or 6000.50; not below what is already approved or granted"),
                            attributes: [("inputmode", "decimal")]),
                        HTML.button(say("Fixer", "Set")),
                    ]))
        }
        if budgets.isEmpty {
            content.append(HTML.paragraph(say("Aucun budget pour l'instant.", "No reward budget yet.")))
        } else {
            content.append(
                HTML.table(
                    caption: say("Budgets par période", "Budgets by period"),
                    headers: [
                        say("Période", "Period"), say("Du", "From"), say("Au", "To"), say("Budget", "Budget"),
                        say("Proposé", "Proposed"), say("Approuvé", "Approved"), say("Remis", "Granted"),
                    ],
                    rows: budgets.map { budget in
                        func money(_ cents: Int) -> Markup { HTML.text(language.money(cents: cents, currency: budget.currency)) }
                        return [
                            HTML.text(budget.period), HTML.text(budget.start.description), HTML.text(budget.end.description),
                            money(budget.amountCents), money(budget.proposedCents), money(budget.approvedCents),
                            money(budget.grantedCents),
                        ]
                    }))
        }
        return pages.page(
            say("Budgets des récompenses", "Reward budgets"), request: request, context: context,
            status: problem == nil ? .ok : .badRequest, content)
    }
}
