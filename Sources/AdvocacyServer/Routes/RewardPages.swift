import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import AdvocacyReport
import Foundation
import Hummingbird

/// HR's pages: the period's proposals, a preview before proposing, the
/// decisions with their notes, and the export as the CLI writes it.
extension Routes {
    func registerRewardPages(on router: Router<ServerContext>) {
        router.get("/rewards") { request, context in try await rewardsPage(request, context, preview: nil) }
        router.post("/rewards/propose") { request, context in try await propose(request, context) }
        router.post("/rewards/decide") { request, context in try await decidePage(request, context) }
        router.get("/rewards/export") { request, context in try await export(request, context) }
    }

    private func rewardsPage(_ request: Request, _ context: ServerContext, preview: ProposalRun?) async throws -> Response {
        let member = try context.requireMember()
        // Those who decide on rewards (hr and the cio) and the admin; the use cases check each decision again.
        try Self.require(member, in: [.hr, .cio, .admin], to: "manage rewards")
        let say = context.language.say
        let language = context.language.report
        let period = try period(request)
        let records = try await access.run { try $0.rewardProposals(period: period, by: member.email) }
        let token = pages.token(context)
        var content = PageRenderer.notices(request)
        content.append(
            HTML.el(
                "form", [("method", "get"), ("action", "/rewards"), ("class", "inline")],
                [periodField(request, context), HTML.button(say("Afficher", "Show"))]))
        content.append(
            HTML.form(
                action: "/rewards/propose?period=\(period)", token: token, label: say("Proposer", "Propose"),
                [
                    HTML.el("input", [("type", "hidden"), ("name", "period"), ("value", period.description)]),
                    HTML.button(say("Aperçu des propositions", "Preview the proposals"), name: "step", value: "preview"),
                    HTML.text(" "),
                    HTML.button(
                        say("Proposer (remplace les propositions en attente)", "Propose (replaces those pending)"), name: "step",
                        value: "write"),
                ]))
        if let preview {
            // The CLI's words for the run: its summary, why nothing was proposed, who was held back and why.
            let report = ProposalReport(run: preview, title: say("Aperçu", "Preview"))
            content.append(HTML.paragraph(report.summary))
            if preview.allocation.proposals.isEmpty { content.append(HTML.paragraph(report.nothingProposed)) }
            if !report.heldBack.isEmpty { content.append(HTML.el("ul", [], report.heldBack.map { HTML.el("li", text: $0) })) }
            content.append(
                HTML.table(
                    caption: say("Aperçu : rien n'est encore écrit", "Preview: nothing is written yet"),
                    headers: [
                        say("Rang", "Rank"), say("Nom", "Name"), say("Récompense", "Reward"), say("Coût", "Cost"),
                        say("Raison", "Reason"),
                    ],
                    rows: preview.allocation.proposals.map { proposal in
                        let person = preview.people[proposal.email]
                        return [
                            HTML.text(person.map { String($0.rank) } ?? ""),
                            HTML.text(person?.person.name ?? proposal.email.value),
                            HTML.text(proposal.item.name),
                            HTML.text(language.money(cents: proposal.item.costCents, currency: preview.currency)),
                            HTML.text(proposal.rationale),
                        ]
                    }))
        }
        if records.isEmpty {
            content.append(HTML.paragraph(say("Aucune proposition pour \(period).", "No proposal for \(period).")))
        } else {
            let boxes = records.map { record -> [Markup] in
                [
                    HTML.pick(
                        id: "proposal-\(record.id)", name: "id", value: String(record.id), form: "decide", label: "#\(record.id)"),
                    HTML.text(String(record.rank)), HTML.text(record.name), HTML.text(record.rewardName),
                    HTML.text(language.money(cents: record.costCents, currency: record.currency)),
                    HTML.text(Self.statusWord(record.status, context.language)), HTML.text(record.rationale),
                ]
            }
            // The checkboxes share a name: a group, named by its legend, as screen readers expect.
            content.append(
                HTML.el(
                    "fieldset", [("class", "proposals")],
                    [
                        HTML.el("legend", text: say("Propositions à décider", "Proposals to decide on")),
                        HTML.table(
                            caption: say("Propositions de \(period)", "Proposals for \(period)"),
                            headers: [
                                say("Choisir", "Pick"), say("Rang", "Rank"), say("Nom", "Name"), say("Récompense", "Reward"),
                                say("Coût", "Cost"), say("Statut", "Status"), say("Raison", "Reason"),
                            ],
                            rows: boxes),
                    ]))
            content.append(
                HTML.el(
                    "form", [("method", "post"), ("action", "/rewards/decide?period=\(period)"), ("id", "decide")],
                    [
                        HTML.el("input", [("type", "hidden"), ("name", FormData.tokenField), ("value", token)]),
                        HTML.field(
                            say("Note de décision", "Decision note"), name: "note",
                            hint: say("obligatoire pour refuser", "required to reject")),
                        HTML.button(say("Approuver", "Approve"), name: "decision", value: "approve"), HTML.text(" "),
                        HTML.button(say("Refuser", "Reject"), name: "decision", value: "reject"), HTML.text(" "),
                        HTML.button(say("Marquer remis", "Mark granted"), name: "decision", value: "grant"),
                    ]))
        }
        content.append(
            HTML.el(
                "p", [],
                [
                    HTML.link(
                        "/rewards/export?period=\(period)&format=csv", say("Télécharger l'export CSV", "Download the CSV export")),
                    HTML.text(" · "),
                    HTML.link(
                        "/rewards/export?period=\(period)&format=csv&delimiter=semicolon",
                        say("CSV pour Excel français", "CSV for a French Excel")),
                    HTML.text(" · "),
                    HTML.link("/rewards/export?period=\(period)&format=json", say("Export JSON", "JSON export")),
                ]))
        return pages.page(say("Récompenses", "Rewards"), request: request, context: context, content)
    }

    private func propose(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
        let period = try Period.parse(form["period"] ?? "")
        let today = today
        if form["step"] == "write" {
            let run = try await access.run { try $0.proposeRewards(period: period, today: today, by: member.email) }
            let done = context.language.say(
                "\(run.proposalIDs.count) propositions écrites", "\(run.proposalIDs.count) proposals written")
            return PageRenderer.seeOther("/rewards?period=\(period)&done=" + PageRenderer.queryValue(done))
        }
        let run = try await access.run { try $0.proposeRewards(period: period, today: today, dryRun: true, by: member.email) }
        return try await rewardsPage(request, context, preview: run)
    }

    private func decidePage(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let form = try await FormData(request, context: context, tokens: forms, limit: configuration.requestLimitBytes)
        let ids = try form.all("id").map { text -> Int64 in
            guard let id = Int64(text) else { throw ServerError.invalidField(name: "id", value: text, expected: "a proposal id") }
            return id
        }
        let decision = form["decision"] ?? ""
        let records = try await decide(decision, ids: ids, note: form["note"], by: member)
        let period = records.first?.period ?? ""
        let done = context.language.say(
            "\(records.count) propositions : \(records.first.map { Self.statusWord($0.status, .fr) } ?? decision)",
            "\(records.count) proposals: \(records.first.map { Self.statusWord($0.status, .en) } ?? decision)")
        return PageRenderer.seeOther("/rewards?period=\(period)&done=" + PageRenderer.queryValue(done))
    }

    /// The export, as `advocacy rewards export` writes it, downloaded.
    private func export(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let period = try period(request)
        let json = request.uri.queryParameters["format"] == "json"
        let semicolon = request.uri.queryParameters["delimiter"] == "semicolon"
        let records = try await access.run {
            try $0.rewardExport(period: period, statuses: RewardExport.Statuses.chosen(nil), by: member.email)
        }
        // The semicolon CSV is the one for a French Excel: `rewards export --locale fr`.
        let bytes: [UInt8] =
            json
            ? Array(try RewardExport.json(records).utf8)
            : Array(
                (semicolon
                    ? RewardExport.csv(records, delimiter: .semicolon, byteOrderMark: true, locale: .fr)
                    : RewardExport.csv(records)).utf8)
        let name = "rewards-\(period).\(json ? "json" : "csv")"
        return Response(
            status: .ok,
            headers: [
                .contentType: json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(name)\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A proposal's status in the page's language.
    static func statusWord(_ status: RewardStatus, _ language: PageLanguage) -> String {
        switch status {
        case .proposed: language.say("proposée", "proposed")
        case .approved: language.say("approuvée", "approved")
        case .rejected: language.say("refusée", "rejected")
        case .granted: language.say("remise", "granted")
        }
    }
}
