import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import Foundation
import Hummingbird

/// The review queue and the flags for gaming, as `advocacy review list|accept|reject|clear|confirm`
/// (cio, admin: the use cases refuse everyone else, and anyone on their own work).
extension Routes {
    func registerReviewAPI(on api: RouterGroup<ServerContext>) {
        api.get("/review") { request, context in
            let member = try context.requireMember()
            let filter = try reviewFilter(request)
            let flag: AuthenticityFlag.Kind? = try Self.flagQuery(request)
            // As `review list --flag`: every status unless one is asked for.
            let anyStatus = flag != nil && Self.optionalQuery(request, "status") == nil
            let today = today
            let actions = try await access.run { programme in
                var filter = filter
                if let flag {
                    let period = filter.period ?? .quarter(containing: today)
                    filter.ids = try programme.flaggedActionIDs(flag, period: period, today: today, by: member.email)
                    if anyStatus { filter.review = nil }
                }
                return try programme.reviewQueue(filter, by: member.email)
            }
            return APIResponse.json(try JSONOutput.encoded(actions))
        }
        api.post("/review/decisions") { request, context in
            let member = try context.requireMember()
            let body = try await decode(ReviewDecisionRequest.self, from: request)
            guard !body.urls.isEmpty else {
                throw ServerError.invalidField(name: "urls", value: "", expected: "the addresses of one or more actions")
            }
            let urls = try body.urls.map { try CanonicalURL($0) }
            let today = today
            let decided: [Action]
            switch body.decision {
            case "accept":
                decided = try await access.run { try $0.acceptActions(urls, note: body.note, today: today, by: member.email) }
            case "reject":
                decided = try await access.run {
                    try $0.rejectActions(urls, reason: body.note ?? "", today: today, by: member.email)
                }
            default: throw ServerError.invalidField(name: "decision", value: body.decision, expected: "accept or reject")
            }
            return APIResponse.json(try JSONOutput.encoded(decided))
        }
        api.post("/flags/decisions") { request, context in
            let member = try context.requireMember()
            let body = try await decode(FlagDecisionRequest.self, from: request)
            let email = try EmailAddress(body.email)
            guard let kind = AuthenticityFlag.Kind(rawValue: body.flag), kind.isGaming else {
                throw ServerError.invalidField(
                    name: "flag", value: body.flag, expected: WordList.or(AuthenticityFlag.Kind.gaming.map(\.rawValue)))
            }
            guard !body.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ServerError.invalidField(name: "note", value: "", expected: "what you found, for the record")
            }
            let today = today
            let period = try body.period.map { try Period.parse($0) } ?? .quarter(containing: today)
            let settled: FlagDecision
            switch body.decision {
            case "clear":
                settled = try await access.run {
                    try $0.clearFlag(kind, of: email, period: period, note: body.note, today: today, by: member.email)
                }
            case "confirm":
                settled = try await access.run {
                    try $0.confirmFlag(kind, of: email, period: period, note: body.note, today: today, by: member.email)
                }
            default: throw ServerError.invalidField(name: "decision", value: body.decision, expected: "clear or confirm")
            }
            return APIResponse.json(try JSONOutput.encoded(FlagDecisionView(settled, decision: body.decision)))
        }
    }

    /// `GET /api/v1/review`'s filters, as `advocacy review list`'s options.
    private func reviewFilter(_ request: Request) throws -> ActionFilter {
        let status: ReviewStatusChoice = try Self.choiceQuery(request, "status") ?? .pending
        let figures: FiguresChoice? = try Self.choiceQuery(request, "figures")
        return ActionFilter(
            author: try Self.optionalQuery(request, "employee").map { try EmailAddress($0) },
            period: try Self.optionalQuery(request, "period").map { try Period.parse($0) },
            review: ReviewStatus(rawValue: status.rawValue), figures: figures.map(\.filter))
    }

    /// A flag for gaming named in the query, if any.
    static func flagQuery(_ request: Request) throws -> AuthenticityFlag.Kind? {
        guard let text = optionalQuery(request, "flag") else { return nil }
        guard let kind = AuthenticityFlag.Kind(rawValue: text), kind.isGaming else {
            throw ServerError.invalidField(
                name: "flag", value: text, expected: WordList.or(AuthenticityFlag.Kind.gaming.map(\.rawValue)))
        }
        return kind
    }

    /// `POST /api/v1/review/decisions`: `advocacy review accept|reject`.
    struct ReviewDecisionRequest: Decodable {
        var decision: String
        var urls: [String]
        var note: String?
    }

    /// `POST /api/v1/flags/decisions`: `advocacy review clear|confirm`.
    struct FlagDecisionRequest: Decodable {
        var decision: String
        var email: String
        var flag: String
        var period: String?
        var note: String
    }

    /// What a decision on a flag settled.
    struct FlagDecisionView: Encodable {
        var decision: String
        var email: String
        var flag: String
        var period: String
        var actions: [String]

        init(_ settled: FlagDecision, decision: String) {
            self.decision = decision
            email = settled.person.value
            flag = settled.kind.rawValue
            period = settled.period.description
            actions = settled.actions.map(\.string)
        }
    }
}
