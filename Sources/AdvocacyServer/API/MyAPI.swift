import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import Foundation
import Hummingbird

/// What each person keeps about themself, as the /me pages: their channels
/// (`advocacy channel list|add`), their reward wishes (`rewards wish`), their
/// privacy (`privacy hide|unhide|consent`) and everything held about them
/// (`privacy export`). Open to every active employee, on their own things only.
extension Routes {
    func registerMyAPI(on api: RouterGroup<ServerContext>) {
        api.get("/me/channels") { _, context in
            let member = try context.requireMember()
            let channels = try await access.run { try $0.channels(owner: member.email, seenBy: member.email) }
            return APIResponse.json(try JSONOutput.encoded(channels))
        }
        api.post("/me/channels") { request, context in
            let member = try context.requireMember()
            let body = try await decode(ChannelRequest.self, from: request)
            let kind = try body.kind.map { try ChannelKind.parse($0) }
            let new = try NewChannel(
                owner: member.email, url: try ChannelLocator.channelURL(from: body.url, kind: kind), kind: kind,
                scope: try body.scope.map { try ChannelScope.parse($0) }, feedURL: try body.feed.map { try CanonicalURL($0) },
                followers: body.followers, followersDate: today)
            let (channel, _) = try await access.run { try $0.addChannelOrAttachFeed(new, by: member.email) }
            var response = APIResponse.json(try JSONOutput.encoded(channel), status: .created)
            response.headers[.location] = "/api/v1/me/channels"
            return response
        }
        api.get("/me/wishes") { _, context in
            let member = try context.requireMember()
            let wishes = try await access.run { try $0.wishes(of: member.email, by: member.email) }
            return APIResponse.json(try JSONOutput.encoded(wishes))
        }
        api.post("/me/wishes") { request, context in
            let member = try context.requireMember()
            let body = try await decode(WishRequest.self, from: request)
            let code = try RewardCode(body.code)
            let wishes = try await access.run { programme in
                _ = try programme.addWish(code, rank: body.rank, by: member.email)
                return try programme.wishes(of: member.email, by: member.email)
            }
            return APIResponse.json(try JSONOutput.encoded(wishes))
        }
        api.delete("/me/wishes") { request, context in
            let member = try context.requireMember()
            let code = try RewardCode(try Self.query(request, "code", expected: "the code of one of your wishes"))
            let wishes = try await access.run { programme in
                try programme.removeWish(code, by: member.email)
                return try programme.wishes(of: member.email, by: member.email)
            }
            return APIResponse.json(try JSONOutput.encoded(wishes))
        }
        api.get("/me/privacy") { _, context in
            let member = try context.requireMember()
            return APIResponse.json(try JSONOutput.encoded(try await privacyState(of: member)))
        }
        api.post("/me/privacy") { request, context in
            let member = try context.requireMember()
            let body = try await decode(PrivacyRequest.self, from: request)
            guard body.hidden != nil || body.consent != nil else {
                throw ServerError.invalidJSON("expected 'hidden' (true or false), 'consent' (give or withdraw), or both")
            }
            let grant: Bool? =
                switch body.consent {
                case nil: nil
                case "give": true
                case "withdraw": false
                case let other?: throw ServerError.invalidField(name: "consent", value: other, expected: "give or withdraw")
                }
            try await access.run { programme in
                if let hidden = body.hidden { _ = try programme.setHidden(member.email, hidden, by: member.email) }
                if let grant { _ = try programme.recordConsent(member.email, granted: grant, by: member.email) }
            }
            return APIResponse.json(try JSONOutput.encoded(try await privacyState(of: member)))
        }
        api.get("/me/data") { _, context in
            let member = try context.requireMember()
            let data = try await access.run { try $0.personalData(of: member.email, by: member.email) }
            return APIResponse.json(try JSONOutput.encoded(data))
        }
    }

    private func privacyState(of member: Member) async throws -> PrivacyState {
        try await access.run { programme in
            let consent = try programme.consent(of: member.email, by: member.email)
            return PrivacyState(
                email: member.email.value, hidden: try programme.isHidden(member.email), consent: consent.state.rawValue)
        }
    }

    /// `POST /api/v1/me/channels`: `advocacy channel add` for oneself.
    struct ChannelRequest: Decodable {
        var url: String
        var kind: String?
        var scope: String?
        var feed: String?
        var followers: Int?
    }

    /// `POST /api/v1/me/wishes`: `advocacy rewards wish CODE --rank N`.
    struct WishRequest: Decodable {
        var code: String
        var rank: Int?
    }

    /// `POST /api/v1/me/privacy`: hide or show one's name, give or withdraw consent.
    struct PrivacyRequest: Decodable {
        var hidden: Bool?
        var consent: String?
    }

    /// Where one's privacy choices stand.
    struct PrivacyState: Encodable {
        var email: String
        var hidden: Bool
        var consent: String
    }
}
