import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import Foundation
import Hummingbird

/// The JSON API under `/api/v1`, described by `/api/v1/openapi.json`
/// (``OpenAPIDocument``). Names follow the CLI's options; answers are the
/// JSON the CLI prints with `--format json`.
extension Routes {
    func registerAPI(on router: Router<ServerContext>) {
        let api = router.group("/api/v1")
        api.get("/openapi.json") { _, _ in APIResponse.json(OpenAPIDocument.json) }
        api.get("/me") { _, context in
            let member = try context.requireMember()
            return APIResponse.json(
                try JSONOutput.encoded(MemberView(email: member.email.value, name: member.name, role: member.role.rawValue)))
        }
        api.post("/actions") { request, context in try await logAction(request, context) }
        api.get("/me/actions") { _, context in
            let member = try context.requireMember()
            let actions = try await access.run { try $0.actions(ActionFilter(author: member.email)) }
            return APIResponse.json(try JSONOutput.encoded(actions))
        }
        api.delete("/me/actions") { request, context in
            let member = try context.requireMember()
            let url = try CanonicalURL(try Self.query(request, "url", expected: "the address of one of your actions"))
            let removed = try await access.run { try $0.removeAction(url, by: member.email) }
            return APIResponse.json(try JSONOutput.encoded(removed))
        }
        api.post("/actions/metrics") { request, context in try await recordMetricsAPI(request, context) }
        api.get("/ranking") { request, context in
            let member = try context.requireMember()
            let period = try period(request)
            let query = try RankingQuery(request)
            let today = today
            let report = try await access.run { programme in
                if let group = query.by.group {
                    let (overall, groups) = try programme.rankGroups(
                        group, period: period, today: today, filter: query.filter, by: member.email)
                    return RankingReport(overall, groups: groups, by: query.by, top: query.top)
                }
                let result = try programme.rank(period: period, today: today, filter: query.filter, by: member.email)
                return RankingReport(result, by: query.by, top: query.top)
            }
            return APIResponse.json(JSONOutput.written(report))
        }
        api.get("/me/explanation") { request, context in
            let member = try context.requireMember()
            return try await explanationJSON(of: member.email, request, by: member)
        }
        api.get("/explanation") { request, context in
            let member = try context.requireMember()
            let email = try EmailAddress(try Self.query(request, "email", expected: "the email of the person to explain"))
            return try await explanationJSON(of: email, request, by: member)
        }
        api.get("/rewards/proposals") { request, context in
            let member = try context.requireMember()
            let period = try period(request)
            let records = try await access.run { try $0.rewardProposals(period: period, by: member.email) }
            return APIResponse.json(try JSONOutput.encoded(records))
        }
        api.post("/rewards/decisions") { request, context in try await decideAPI(request, context) }
        registerReviewAPI(on: api)
        registerMyAPI(on: api)
        registerPolicyAPI(on: api)
        registerRewardsAPI(on: api)
        registerAdminAPI(on: api)
        registerImportAPI(on: api)
    }

    /// A query parameter that may be absent (an empty value counts as absent).
    static func optionalQuery(_ request: Request, _ name: String) -> String? {
        guard let value = request.uri.queryParameters[Substring(name)].map(String.init), !value.isEmpty else { return nil }
        return value
    }

    /// A whole number of at least 1 in the query, if given.
    static func positiveQuery(_ request: Request, _ name: String) throws -> Int? {
        guard let text = optionalQuery(request, name) else { return nil }
        guard let value = Int(text), value >= 1 else {
            throw ServerError.invalidField(name: name, value: text, expected: "a whole number of 1 or more")
        }
        return value
    }

    /// One word of a closed list in the query, if given.
    static func choiceQuery<Choice: RawRepresentable & CaseIterable>(_ request: Request, _ name: String) throws -> Choice?
    where Choice.RawValue == String {
        guard let text = optionalQuery(request, name) else { return nil }
        guard let value = Choice(rawValue: text) else {
            throw ServerError.invalidField(
                name: name, value: text, expected: WordList.or(Choice.allCases.map(\.rawValue)))
        }
        return value
    }

    /// `GET /api/v1/ranking`'s filters, as `advocacy rank`'s options.
    struct RankingQuery {
        var filter: RankingFilter
        var by: RankingSubject
        var top: Int?

        init(_ request: Request) throws {
            filter = RankingFilter(
                team: Routes.optionalQuery(request, "team"),
                project: try Routes.optionalQuery(request, "project").map { try ProjectCode($0) },
                channelKind: try Routes.optionalQuery(request, "channel").map { try ChannelKind.parse($0) },
                tier: try Routes.optionalQuery(request, "tier").map { try AudienceTier.parse($0) })
            by = try Routes.choiceQuery(request, "by") ?? .person
            top = try Routes.positiveQuery(request, "top")
        }
    }

    /// A query parameter that must be there.
    static func query(_ request: Request, _ name: String, expected: String) throws -> String {
        guard let value = request.uri.queryParameters[Substring(name)].map(String.init), !value.isEmpty else {
            throw ServerError.invalidField(name: name, value: "", expected: expected)
        }
        return value
    }

    /// A JSON body decoded as `T`, with a message naming what is wrong.
    func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let body = try await FormData.collect(request, limit: configuration.requestLimitBytes)
        do {
            return try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
        } catch let DecodingError.keyNotFound(key, _) {
            throw ServerError.invalidJSON("'\(key.stringValue)' is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ServerError.invalidJSON("'\(path)' has the wrong type (\(context.debugDescription))")
        } catch {
            throw ServerError.invalidJSON("expected a JSON object")
        }
    }

    /// `POST /api/v1/actions`: the body of `advocacy log`, as JSON.
    struct LogRequest: Decodable {
        var url: String
        var date: String?
        var kind: String?
        var title: String?
        var projects: [String]?
        var effort: Double?
        var reactions: Int?
        var comments: Int?
        var shares: Int?
        var impressions: Int?
        var clicks: Int?
        /// Log for someone else (an admin), as `--for`.
        var `for`: String?
    }

    private func logAction(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let body = try await decode(LogRequest.self, from: request)
        let today = today
        let author = try body.for.map { try EmailAddress($0) } ?? member.email
        let draft = try ActionDraft(
            author: author, url: try CanonicalURL(body.url), kind: try body.kind.map(ActionKind.parse), title: body.title,
            date: try body.date.map { try LocalDate(parsing: $0) } ?? today, effortHours: body.effort,
            projects: try (body.projects ?? []).map { try ProjectCode($0) },
            metrics: try MetricsUpdate(
                impressions: body.impressions, reactions: body.reactions, comments: body.comments, shares: body.shares,
                clicks: body.clicks),
            today: today)
        let action = try await access.run { try $0.logAction(draft, by: member.email) }
        var response = APIResponse.json(try JSONOutput.encoded(action), status: .created)
        response.headers[.location] = "/api/v1/me/actions"
        return response
    }

    /// `POST /api/v1/actions/metrics`: the body of `advocacy metrics`.
    struct MetricsRequest: Decodable {
        var url: String
        var date: String?
        var reactions: Int?
        var comments: Int?
        var shares: Int?
        var impressions: Int?
        var clicks: Int?
    }

    private func recordMetricsAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let body = try await decode(MetricsRequest.self, from: request)
        let url = try CanonicalURL(body.url)
        let date = try body.date.map { try LocalDate(parsing: $0) } ?? today
        let update = try MetricsUpdate(
            impressions: body.impressions, reactions: body.reactions, comments: body.comments, shares: body.shares,
            clicks: body.clicks)
        _ = try await access.run { try $0.recordMetrics(url, update, on: date, by: member.email) }
        let action = try await access.run { try $0.action(url, seenBy: member.email) }
        return APIResponse.json(try JSONOutput.encoded(action))
    }

    private func explanationJSON(of email: EmailAddress, _ request: Request, by member: Member) async throws -> Response {
        let period = try period(request)
        let today = today
        let explanation = try await access.run { try $0.explain(email, period: period, today: today, by: member.email) }
        return APIResponse.json(try JSONOutput.encoded(ExplanationReport(explanation)))
    }

    /// `POST /api/v1/rewards/decisions`: approve, reject or grant proposals, as `advocacy rewards approve|reject|grant`.
    struct DecisionRequest: Decodable {
        var decision: String
        var ids: [Int64]
        var note: String?
    }

    private func decideAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let member = try context.requireMember()
        let body = try await decode(DecisionRequest.self, from: request)
        let records = try await decide(body.decision, ids: body.ids, note: body.note, by: member)
        return APIResponse.json(try JSONOutput.encoded(records))
    }

    /// One decision on proposals, shared by the page and the API.
    func decide(_ decision: String, ids: [Int64], note: String?, by member: Member) async throws -> [RewardProposalRecord] {
        guard !ids.isEmpty else {
            throw ServerError.invalidField(name: "ids", value: "", expected: "the ids of one or more proposals")
        }
        switch decision {
        case "approve": return try await access.run { try $0.approveRewards(ids, note: note, by: member.email) }
        case "reject": return try await access.run { try $0.rejectRewards(ids, note: note ?? "", by: member.email) }
        case "grant": return try await access.run { try $0.grantRewards(ids, note: note, by: member.email) }
        default: throw ServerError.invalidField(name: "decision", value: decision, expected: "approve, reject or grant")
        }
    }

    struct MemberView: Encodable {
        var email: String
        var name: String
        var role: String
    }
}
