import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import Foundation
import Hummingbird

/// HR's side of rewards, as `advocacy rewards catalog|budget|propose|export`:
/// the catalogue (everyone reads it, HR and admins change it), budgets,
/// proposals and the export for payroll. Each use case checks the role.
extension Routes {
    func registerRewardsAPI(on api: RouterGroup<ServerContext>) {
        api.get("/rewards/catalogue") { _, context in
            let member = try context.requireMember()
            let catalogue = try await access.run { try $0.rewardCatalogue(by: member.email) }
            return APIResponse.json(try JSONOutput.encoded(catalogue))
        }
        api.post("/rewards/catalogue") { request, context in
            let member = try context.requireMember()
            let body = try await decode(CatalogueItemRequest.self, from: request)
            let item = try body.item()
            let entry = try await access.run { try $0.addRewardItem(item, by: member.email) }
            var response = APIResponse.json(try JSONOutput.encoded(entry), status: .created)
            response.headers[.location] = "/api/v1/rewards/catalogue"
            return response
        }
        api.delete("/rewards/catalogue") { request, context in
            let member = try context.requireMember()
            let code = try RewardCode(try Self.query(request, "code", expected: "the code of a catalogue item"))
            let retired = try await access.run { try $0.removeRewardItem(code, by: member.email) }
            return APIResponse.json(try JSONOutput.encoded(RemovedItem(code: code.value, retired: retired)))
        }
        api.get("/rewards/budgets") { request, context in
            let member = try context.requireMember()
            let period = try Self.optionalQuery(request, "period").map { try Period.parse($0) }
            let budgets = try await access.run { try $0.rewardBudgets(period, by: member.email) }
            return APIResponse.json(try JSONOutput.encoded(budgets))
        }
        api.put("/rewards/budgets") { request, context in
            let member = try context.requireMember()
            let body = try await decode(BudgetRequest.self, from: request)
            let period = try Period.parse(body.period)
            let budget = try await access.run { try $0.setRewardBudget(period, cents: body.amountCents, by: member.email) }
            return APIResponse.json(try JSONOutput.encoded(budget))
        }
        api.post("/rewards/proposals") { request, context in
            let member = try context.requireMember()
            let body = try await decode(ProposeRequest.self, from: request)
            let today = today
            let period = try body.period.map { try Period.parse($0) } ?? .quarter(containing: today)
            let dryRun = body.dryRun ?? false
            let run = try await access.run {
                try $0.proposeRewards(period: period, today: today, dryRun: dryRun, by: member.email)
            }
            return APIResponse.json(try JSONOutput.encoded(ProposalReport(run: run).json), status: dryRun ? .ok : .created)
        }
        api.get("/rewards/export") { request, context in
            let member = try context.requireMember()
            let period = try Period.parse(try Self.query(request, "period", expected: "the period, like 2026-Q4"))
            let statuses = RewardExport.Statuses.chosen(try Self.choiceQuery(request, "status"))
            let records = try await access.run { try $0.rewardExport(period: period, statuses: statuses, by: member.email) }
            return APIResponse.json(try RewardExport.json(records))
        }
    }

    /// `POST /api/v1/rewards/catalogue`: `advocacy rewards catalog add`, the cost in cents.
    struct CatalogueItemRequest: Decodable {
        var code: String
        var name: String
        var category: String
        var costCents: Int
        var stock: Int?
        var maxPerPerson: Int?
        var minTier: String?
        var projects: [String]?

        func item() throws -> RewardItem {
            // Core checks the cost, stock and limit (RewardItem.check) where the item is stored.
            return RewardItem(
                code: try RewardCode(code), name: name, category: try RewardCategory.parse(category), costCents: costCents,
                stock: stock, maxPerPerson: maxPerPerson, minTier: try minTier.map { try AudienceTier.parse($0) },
                projects: try (projects ?? []).map { try ProjectCode($0) })
        }
    }

    /// What `DELETE /api/v1/rewards/catalogue` did: an item ever proposed is retired, kept for its history.
    struct RemovedItem: Encodable {
        var code: String
        var retired: Bool
    }

    /// `PUT /api/v1/rewards/budgets`: `advocacy rewards budget set PERIOD AMOUNT`, in cents.
    struct BudgetRequest: Decodable {
        var period: String
        var amountCents: Int
    }

    /// `POST /api/v1/rewards/proposals`: `advocacy rewards propose [--dry-run]`.
    struct ProposeRequest: Decodable {
        var period: String?
        var dryRun: Bool?
    }

}
